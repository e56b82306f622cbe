//! Workflow `uses:` references are pinned to full commit SHAs.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-GHA-001",
        name: "github-actions-pinned-sha",
        title: "GitHub Actions steps use actions pinned to a full commit SHA",
        severity: Severity::High,
        kinds: &["github_actions_uses"],
        frameworks: &[
            "soc2:CC8.1",
            "iso27001:A.5.21",
            "iso27001:A.8.32",
            "nist-csf:GV.SC-09",
            "nist-csf:PR.PS-02",
            "pci-dss:6.3.2",
            "cis-controls:16.5", "nist-csf:ID.RA-09", "nis2:21.2.d", "nis2:21.2.e"],
        policies: &["SIAC:5.2", "ENG-POL-003-HIPAA:3.5.2", "CSF:6"],
        aliases: &["unpinned-uses"],
        description: "Checks every `uses:` in workflows and composite actions — steps and \
            reusable-workflow calls, GitHub's own actions included — names a full 40-character \
            commit SHA after `@`. Local actions (`./...`) are not judged; `docker://` images \
            must carry a digest.",
        rationale: "Tags and branches of an action can be moved by whoever controls the action's \
            repository. In 2026 the tags of two popular IaC scanners' actions were re-pointed at \
            malicious code, which then ran with the secrets of every pipeline that used them by \
            tag. A commit SHA cannot be re-pointed.",
        remediation: "Replace `@v4` with `@<full commit SHA>  # v4` and let Dependabot or \
            Renovate propose updates; for docker actions use `docker://image@sha256:...`.",
        examples: &[
            Example::gha_fail(
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n",
            ),
            Example::gha_fail(
                "on: push\njobs:\n  deploy:\n    uses: acme/platform/.github/workflows/deploy.yml@main\n",
            ),
            Example::gha_pass(
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n      - uses: ./.github/actions/build\n",
            ),
        ],
    },
    check,
};

fn is_sha(r: &str) -> bool {
    r.len() == 40 && r.chars().all(|c| c.is_ascii_hexdigit())
}

fn check(u: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let s = |k: &str| u.body.value(k).and_then(|v| v.as_str());
    let span = u.body.attr("uses").map(|a| a.span).unwrap_or(u.span);
    let uses = s("uses").unwrap_or("");
    let c = match (s("kind"), s("ref")) {
        (Some("local"), _) => Check::not_applicable(span, "a local action in this repository"),
        (Some("docker"), Some(_)) => Check::pass(span, format!("`{uses}` is pinned by digest")),
        (Some("docker"), None) => Check::fail(span, format!("`{uses}` is not pinned by digest")),
        (_, Some(r)) if is_sha(r) => Check::pass(span, format!("`{uses}` is pinned to a commit")),
        (_, Some(r)) => Check::fail(
            span,
            format!("`{uses}` follows `{r}`, a tag or branch that can be moved"),
        ),
        (_, None) => Check::fail(span, format!("`{uses}` names no version at all")),
    };
    vec![c.at("uses")]
}
