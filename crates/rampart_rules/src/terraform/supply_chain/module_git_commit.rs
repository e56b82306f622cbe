//! Modules from git are pinned to a full commit SHA.

use rampart_model::{Resource, Severity};

use super::{classify, is_commit_sha, ModuleSource};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-TF-MOD-002",
        name: "module-vcs-source-commit",
        title: "Modules fetched from git are pinned to a full commit SHA",
        severity: Severity::Low,
        kinds: &["module"],
        frameworks: &[
            "soc2:CC8.1",
            "iso27001:A.5.21",
            "nist-csf:GV.SC-09",
            "pci-dss:6.3.2",
            "cis-controls:16.5",
            "nist-csf:ID.RA-09",
            "nis2:21.2.d",
        ],
        policies: &["SIAC:5.2", "ENG-POL-003-HIPAA:3.5.2"],
        aliases: &["CKV_TF_1"],
        description: "Checks that git and Mercurial module sources name a full 40-character \
            commit SHA in `ref=`. A tag passes RMP-TF-MOD-001 but fails here, with low severity. \
            Registry modules are not asked for commit hashes (they cannot have them); see \
            RMP-TF-MOD-003 for them.",
        rationale: "Tags can be deleted and re-created pointing elsewhere; a commit SHA cannot \
            change what it names. After the 2026 compromises of tag-pinned CI actions, pinning \
            third-party code to immutable references is the safe default.",
        remediation: "Replace the tag in `?ref=` with the commit it points to (`git rev-list -n 1 \
            <tag>`), keeping the tag in a comment for readers.",
        examples: &[
            Example::tf_fail(
                r#"module "network" {
  source = "git::https://git.example.com/platform/network.git?ref=v2.4.1"
}
"#,
            ),
            Example::tf_pass(
                r#"module "network" {
  # v2.4.1
  source = "git::https://git.example.com/platform/network.git?ref=9f2c1e7d4b8a6f3e2d1c0b9a8f7e6d5c4b3a2f1e"
}
"#,
            ),
        ],
    },
    check,
};

fn check(call: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let Field::Known(v, a) = field(&call.body, "source") else {
        return vec![
            Check::unknown(call.span, "the module source is not a known string").at("source"),
        ];
    };
    let Some(src) = v.as_str() else {
        return vec![Check::unknown(a.span, "the module source is not a string").at("source")];
    };
    let c = match classify(src) {
        ModuleSource::Vcs { reference: Some(r) } if is_commit_sha(r) => {
            Check::pass(a.span, "pinned to a full commit SHA")
        }
        ModuleSource::Vcs { reference: Some(r) } => Check::fail(
            a.span,
            format!("`ref={r}` is not a commit SHA; tags can be moved"),
        ),
        ModuleSource::Vcs { reference: None } => {
            Check::fail(a.span, "no `ref=`: the module follows the default branch")
        }
        _ => Check::not_applicable(a.span, "not a git or Mercurial source"),
    };
    vec![c.at("source")]
}
