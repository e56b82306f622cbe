//! Every documented example runs: a failing example makes its rule fail, a
//! passing example makes it pass (and fail nowhere).

use rampart_model::Status;
use rampart_rules::{all, Ctx, ExampleFormat, Rule};
use rampart_source::SourceMap;

fn run(rule: &Rule, format: ExampleFormat, code: &str) -> Vec<rampart_rules::Check> {
    let dir = tempfile::tempdir().expect("temp dir");
    let sources = SourceMap::new();
    let (resources, diagnostics) = match format {
        ExampleFormat::Terraform => {
            write_example_files(dir.path(), code);
            let eval = rampart_terraform::evaluate_dir(dir.path(), &sources, &Default::default());
            (eval.resources, eval.diagnostics)
        }
        ExampleFormat::CloudFormation => {
            // CloudFormation examples run through their own front end.
            let name = if code.trim_start().starts_with('{') {
                "template.json"
            } else {
                "template.yaml"
            };
            let path = dir.path().join(name);
            std::fs::write(&path, code).expect("write example");
            assert!(
                rampart_cloudformation::detect(code),
                "{}: example is not detected as a CloudFormation template",
                rule.meta.id
            );
            let eval = rampart_cloudformation::load_template(&path, &sources, &Default::default());
            (eval.resources, eval.diagnostics)
        }
        ExampleFormat::Dockerfile => {
            let path = dir.path().join("Dockerfile");
            std::fs::write(&path, code).expect("write example");
            rampart_dockerfile::load(&path, "Dockerfile", &sources)
        }
        ExampleFormat::Kubernetes => {
            let path = dir.path().join("manifest.yaml");
            std::fs::write(&path, code).expect("write example");
            assert!(
                rampart_kubernetes::detect(code),
                "{}: example is not detected as a Kubernetes manifest",
                rule.meta.id
            );
            rampart_kubernetes::load(&path, "manifest.yaml", &sources)
        }
        ExampleFormat::GithubActions => {
            let path = dir.path().join("ci.yml");
            std::fs::write(&path, code).expect("write example");
            rampart_actions::load(&path, ".github/workflows/ci.yml", &sources)
        }
    };
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.level == rampart_model::Level::Error)
        .collect();
    assert!(
        errors.is_empty(),
        "{}: example does not evaluate cleanly: {errors:?}",
        rule.meta.id
    );
    let ctx = Ctx::new(&resources);
    resources
        .iter()
        .filter(|r| r.mode != rampart_model::ResourceMode::Variable)
        .filter(|r| rule.applies_to(&r.kind))
        .flat_map(|r| (rule.check)(r, &ctx))
        .collect()
}

/// An example is `main.tf`, unless it contains lines `# file: NAME`, which
/// start further files (a lock file, a module, a tfvars file).
fn write_example_files(dir: &std::path::Path, code: &str) {
    let mut name = "main.tf".to_string();
    let mut text = String::new();
    let flush = |name: &str, text: &str| {
        let p = dir.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("example dir");
        }
        std::fs::write(p, text).expect("write example");
    };
    for line in code.lines() {
        if let Some(next) = line.strip_prefix("# file: ") {
            flush(&name, &text);
            name = next.trim().to_string();
            text.clear();
        } else {
            text.push_str(line);
            text.push('\n');
        }
    }
    flush(&name, &text);
}

#[test]
fn examples_behave_as_documented() {
    let mut problems = Vec::new();
    let mut ran = 0;
    let mut cfn = 0;
    for rule in all() {
        for (i, ex) in rule.meta.examples.iter().enumerate() {
            ran += 1;
            if ex.format == ExampleFormat::CloudFormation {
                cfn += 1;
            }
            let checks = run(rule, ex.format, ex.code);
            let fails = checks.iter().filter(|c| c.status == Status::Fail).count();
            let passes = checks.iter().filter(|c| c.status == Status::Pass).count();
            if ex.pass && (fails > 0 || passes == 0) {
                problems.push(format!(
                    "{} example #{i} ({:?}, pass): {fails} fail(s), {passes} pass(es): {checks:?}",
                    rule.meta.id, ex.format
                ));
            }
            if !ex.pass && fails == 0 {
                problems.push(format!(
                    "{} example #{i} ({:?}, fail): rule did not fail: {checks:?}",
                    rule.meta.id, ex.format
                ));
            }
        }
    }
    assert!(ran > 0, "no examples ran");
    assert!(cfn > 0, "no CloudFormation examples ran");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
