//! GitHub Actions workflows and composite actions.
//!
//! Files under `.github/workflows/` (`*.yml`, `*.yaml`) and `action.yml` /
//! `action.yaml` are read with the positioned YAML reader. Every `uses:` — of
//! a step (`jobs.<job>.steps[n].uses`, `runs.steps[n].uses` in a composite
//! action) or of a job calling a reusable workflow (`jobs.<job>.uses`) —
//! becomes a resource of kind `github_actions_uses`:
//!
//! | attribute | meaning |
//! |---|---|
//! | `uses` | the reference as written |
//! | `action` | `owner/repo[/path]`, or the local path / docker image |
//! | `ref` | what follows `@` (tag, branch or commit), or null |
//! | `kind` | `action`, `reusable_workflow`, `local` or `docker` |
//! | `job`, `step` | where it is used (`step` is the step's name or index) |
//!
//! Address: `workflow.<file stem>.<job>.steps[<n>]` (or `…<job>` for a job-level
//! `uses`, `action.steps[<n>]` in a composite action).
//!
//! Every step with a `run:` script becomes a resource of kind
//! `github_actions_run` at the same address, with `run` (the script, span: the
//! `run` entry), `shell` (or null), `job` and `step`.

use std::path::Path;

use rampart_model::{Attr, Block, Diagnostic, Resource, ResourceMode, SourceFormat, Value};
use rampart_source::{FileId, SourceFile, SourceMap};
use rampart_yaml::node::Node;

/// True for paths GitHub reads workflows or action metadata from.
pub fn is_workflow_path(display: &str) -> bool {
    let p = display.replace('\\', "/");
    let name = p.rsplit('/').next().unwrap_or(&p);
    let yaml = name.ends_with(".yml") || name.ends_with(".yaml");
    (yaml && p.contains(".github/workflows/")) || name == "action.yml" || name == "action.yaml"
}

/// Load one workflow or action file.
pub fn load(path: &Path, display: &str, sources: &SourceMap) -> (Vec<Resource>, Vec<Diagnostic>) {
    let text = match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(t)) => t,
        Ok(Err(_)) => {
            return (
                Vec::new(),
                vec![
                    Diagnostic::error("not-utf8", "the workflow is not UTF-8 text; skipped")
                        .with_path(display),
                ],
            )
        }
        Err(e) => {
            return (
                Vec::new(),
                vec![
                    Diagnostic::error("unreadable", format!("cannot read: {e}")).with_path(display)
                ],
            )
        }
    };
    let file = sources.add(SourceFile::new(display, path, text.clone()));
    let stem = Path::new(display)
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "workflow".into());
    from_text(&text, file, &stem)
}

/// The `uses:` references of a workflow (or composite action) text.
pub fn from_text(text: &str, file: FileId, stem: &str) -> (Vec<Resource>, Vec<Diagnostic>) {
    let (node, diags) = rampart_yaml::yaml::parse(text, file, &rampart_yaml::PLAIN);
    let mut out = Vec::new();
    let Some(doc) = node else {
        return (out, diags);
    };
    if let Some(jobs) = doc.get("jobs") {
        for job in jobs.entries() {
            let prefix = format!("workflow.{stem}.{}", job.key);
            if let Some(e) = job.value.entry("uses") {
                push(
                    &mut out,
                    &prefix,
                    &job.key,
                    None,
                    e.value.as_str(),
                    e.span(),
                    job.value.span,
                );
            }
            steps(&mut out, &prefix, &job.key, job.value.get("steps"));
        }
    }
    if let Some(runs) = doc.get("runs") {
        steps(&mut out, "action", "", runs.get("steps"));
    }
    (out, diags)
}

fn steps(out: &mut Vec<Resource>, prefix: &str, job: &str, steps: Option<&Node>) {
    for (i, step) in steps.map(Node::items).unwrap_or(&[]).iter().enumerate() {
        let name = step
            .get("name")
            .and_then(Node::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| i.to_string());
        if let Some(e) = step.entry("run") {
            let address = format!("{prefix}.steps[{i}]");
            let mut body = Block::new("run", step.span);
            let script = e.value.as_str().unwrap_or("").to_string();
            body.attrs
                .insert("run".into(), Attr::new(Value::String(script), e.span()));
            let shell = step
                .get("shell")
                .and_then(Node::as_str)
                .map_or(Value::Null, Value::from);
            for (k, v) in [
                ("shell", shell),
                ("job", Value::from(job)),
                ("step", Value::String(name.clone())),
            ] {
                body.attrs.insert(k.into(), Attr::new(v, e.span()));
            }
            out.push(Resource {
                name: address.rsplit('.').next().unwrap_or(&address).to_string(),
                address,
                kind: "github_actions_run".into(),
                mode: ResourceMode::Managed,
                module: String::new(),
                format: SourceFormat::GithubActions,
                span: step.span,
                body,
                module_calls: Vec::new(),
            });
        }
        if let Some(e) = step.entry("uses") {
            push(
                out,
                &format!("{prefix}.steps[{i}]"),
                job,
                Some(name),
                e.value.as_str(),
                e.span(),
                step.span,
            );
        }
    }
}

fn push(
    out: &mut Vec<Resource>,
    address: &str,
    job: &str,
    step: Option<String>,
    uses: Option<&str>,
    attr_span: rampart_model::Span,
    span: rampart_model::Span,
) {
    let Some(uses) = uses.map(str::trim) else {
        return;
    };
    let (kind, action, reference) = if uses.starts_with("./") || uses.starts_with("../") {
        ("local", uses.to_string(), None)
    } else if let Some(image) = uses.strip_prefix("docker://") {
        let digest = image.split_once('@').map(|(_, d)| d.to_string());
        ("docker", image.to_string(), digest)
    } else {
        let (a, r) = match uses.rsplit_once('@') {
            Some((a, r)) => (a.to_string(), Some(r.to_string())),
            None => (uses.to_string(), None),
        };
        let kind = if a.contains("/.github/workflows/") {
            "reusable_workflow"
        } else {
            "action"
        };
        (kind, a, r)
    };
    let mut body = Block::new("uses", span);
    let opt = |v: Option<String>| v.map(Value::String).unwrap_or(Value::Null);
    body.attrs.insert(
        "uses".into(),
        Attr::new(Value::String(uses.to_string()), attr_span),
    );
    for (k, v) in [
        ("action", Value::String(action)),
        ("ref", opt(reference)),
        ("kind", Value::String(kind.to_string())),
        ("job", Value::String(job.to_string())),
        ("step", opt(step)),
    ] {
        body.attrs.insert(k.into(), Attr::new(v, attr_span));
    }
    out.push(Resource {
        address: address.to_string(),
        kind: "github_actions_uses".into(),
        mode: ResourceMode::Managed,
        name: address.rsplit('.').next().unwrap_or(address).to_string(),
        module: String::new(),
        format: SourceFormat::GithubActions,
        span,
        body,
        module_calls: Vec::new(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const WF: &str = "name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Setup\n        uses: actions/setup-go@0aaccfd150d50ccaeb58ebd88d36e91967a5f35b\n      - run: make\n      - uses: ./.github/actions/local\n      - uses: docker://alpine:3.20\n  deploy:\n    uses: acme/platform/.github/workflows/deploy.yml@main\n";

    #[test]
    fn every_uses_is_a_resource() {
        let (r, d) = from_text(WF, FileId(0), "ci");
        assert!(d.is_empty(), "{d:?}");
        let runs: Vec<(&str, Option<&str>)> = r
            .iter()
            .filter(|x| x.kind == "github_actions_run")
            .map(|x| {
                (
                    x.address.as_str(),
                    x.body.value("run").and_then(|v| v.as_str()),
                )
            })
            .collect();
        assert_eq!(runs, vec![("workflow.ci.build.steps[2]", Some("make"))]);
        let got: Vec<(&str, Option<&str>, Option<&str>)> = r
            .iter()
            .filter(|x| x.kind == "github_actions_uses")
            .map(|x| {
                (
                    x.address.as_str(),
                    x.body.value("kind").and_then(|v| v.as_str()),
                    x.body.value("ref").and_then(|v| v.as_str()),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("workflow.ci.build.steps[0]", Some("action"), Some("v4")),
                (
                    "workflow.ci.build.steps[1]",
                    Some("action"),
                    Some("0aaccfd150d50ccaeb58ebd88d36e91967a5f35b")
                ),
                ("workflow.ci.build.steps[3]", Some("local"), None),
                ("workflow.ci.build.steps[4]", Some("docker"), None),
                (
                    "workflow.ci.deploy",
                    Some("reusable_workflow"),
                    Some("main")
                ),
            ]
        );
        let a = r[0].body.attr("uses").expect("uses");
        assert_eq!(&WF[a.span.range()], "uses: actions/checkout@v4");
    }

    #[test]
    fn paths() {
        assert!(is_workflow_path(".github/workflows/ci.yml"));
        assert!(is_workflow_path("repo/.github/workflows/release.yaml"));
        assert!(is_workflow_path("actions/build/action.yml"));
        assert!(!is_workflow_path("k8s/deploy.yml"));
    }

    #[test]
    fn hostile_input_does_not_panic() {
        for t in [
            "",
            "jobs: 3",
            "jobs:\n  a:\n    steps: x",
            "jobs:\n  a:\n    uses: [",
            "runs:\n  steps:\n    - uses: ''",
        ] {
            let _ = from_text(t, FileId(0), "x");
        }
    }
}
