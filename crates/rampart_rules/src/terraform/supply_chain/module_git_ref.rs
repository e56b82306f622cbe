//! Modules from git or Mercurial name a fixed reference.

use rampart_model::{Resource, Severity};

use super::{classify, is_commit_sha, looks_like_branch, ModuleSource};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-TF-MOD-001",
        name: "module-vcs-source-pinned",
        title: "Modules fetched from git name a tag or commit, not a branch",
        severity: Severity::High,
        kinds: &["module"],
        frameworks: &[
            "soc2:CC8.1",
            "iso27001:A.5.21",
            "iso27001:A.8.32",
            "nist-csf:GV.SC-09",
            "nist-csf:PR.PS-02",
            "pci-dss:6.3.2",
            "cis-controls:16.5",
            "nis2:21.2.d",
            "nis2:21.2.e",
        ],
        policies: &[
            "SIAC:5.2",
            "SIAC:2.3",
            "ENG-POL-003-HIPAA:3.5.1",
            "ENG-POL-003-SOC2:3.3",
        ],
        aliases: &["CKV_TF_2", "terraform_module_pinned_source"],
        description: "Checks every module call whose `source` is a git or Mercurial repository: \
            it must carry a `ref=` naming a tag or a commit. No `ref` (the default branch) or a \
            branch name such as `main` fails.",
        rationale: "A branch moves: whoever can push to it changes what your next `terraform \
            apply` deploys, without a change in your repository and without review. Pinning \
            makes module upgrades explicit, reviewable changes.",
        remediation: "Append `?ref=<tag>` (better: `?ref=<full commit SHA>`, see RMP-TF-MOD-002) \
            to the module source, and upgrade by changing that reference in a reviewed commit.",
        examples: &[
            Example::tf_fail(
                r#"module "network" {
  source = "git::https://git.example.com/platform/network.git"
}
"#,
            ),
            Example::tf_fail(
                r#"module "network" {
  source = "git::https://git.example.com/platform/network.git?ref=main"
}
"#,
            ),
            Example::tf_pass(
                r#"module "network" {
  source = "git::https://git.example.com/platform/network.git?ref=v2.4.1"
}
"#,
            ),
        ],
    },
    check,
};

fn check(call: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let f = field(&call.body, "source");
    let Field::Known(v, a) = f else {
        return vec![
            Check::unknown(call.span, "the module source is not a known string").at("source"),
        ];
    };
    let Some(src) = v.as_str() else {
        return vec![Check::unknown(a.span, "the module source is not a string").at("source")];
    };
    let c = match classify(src) {
        ModuleSource::Vcs { reference: None } => Check::fail(
            a.span,
            "the module is fetched from the repository's default branch: no `ref=` pins it",
        ),
        ModuleSource::Vcs { reference: Some(r) } if !is_commit_sha(r) && looks_like_branch(r) => {
            Check::fail(a.span, format!("`ref={r}` names a branch, which can move"))
        }
        ModuleSource::Vcs { reference: Some(r) } => Check::pass(a.span, format!("pinned to `{r}`")),
        _ => Check::not_applicable(a.span, "not a git or Mercurial source"),
    };
    vec![c.at("source")]
}
