//! Root modules constrain the Terraform version.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-TF-CORE-001",
        name: "terraform-required-version",
        title: "Root modules declare the Terraform versions they work with",
        severity: Severity::Low,
        kinds: &["terraform_root_module"],
        frameworks: &[
            "soc2:CC8.1",
            "iso27001:A.8.32",
            "nist-csf:PR.PS-01",
            "cis-controls:16.5",
            "nis2:21.2.e",
        ],
        policies: &["SIAC:5.2", "ENG-POL-003-HIPAA:3.5.1"],
        aliases: &["terraform_required_version"],
        description: "Checks that each root module sets `required_version` in a `terraform {}` \
            block.",
        rationale: "Terraform's language and state format change between releases. Without a \
            constraint, a newer or older CLI on a laptop or runner may plan differently or \
            upgrade the state file so that others can no longer read it.",
        remediation: "Add `terraform { required_version = \"~> 1.11\" }` (or the range you test \
            with) to the root module.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
"#,
            ),
            Example::tf_pass(
                r#"terraform {
  required_version = "~> 1.11"
}
"#,
            ),
        ],
    },
    check,
};

fn check(root: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let c = match field(&root.body, "required_version") {
        Field::Known(v, a) => Check::pass(a.span, format!("required_version = {v}")),
        Field::Unknown(a) => Check::unknown(a.span, "required_version is not a known value"),
        Field::Missing => Check::fail(root.span, "the root module sets no `required_version`"),
    };
    vec![c.at("required_version")]
}
