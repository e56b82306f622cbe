//! Root modules commit the dependency lock file.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-TF-LOCK-001",
        name: "terraform-lock-file",
        title: "Root modules keep a dependency lock file",
        severity: Severity::Medium,
        kinds: &["terraform_root_module"],
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
        aliases: &["terraform_lock_file"],
        description: "Checks that the directory of each root module contains \
            `.terraform.lock.hcl`, the file in which `terraform init` records the exact provider \
            versions and their checksums.",
        rationale: "The lock file is what makes provider installs reproducible and verifiable: \
            without it each run may pick another provider version, and nothing checks that the \
            downloaded plugin is the one that was reviewed.",
        remediation: "Run `terraform init` (with `terraform providers lock -platform=...` for \
            every platform you run on) and commit `.terraform.lock.hcl` next to the root module.",
        examples: &[
            Example::tf_fail(
                r#"terraform {
  required_version = "~> 1.11"
}
"#,
            ),
            Example::tf_pass(
                r#"terraform {
  required_version = "~> 1.11"
}
# file: .terraform.lock.hcl
provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.100.0"
  constraints = "~> 5.40"
}
"#,
            ),
        ],
    },
    check,
};

fn check(root: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let c = match field(&root.body, "lock_file") {
        Field::Known(v, a) if v.as_bool() == Some(true) => {
            Check::pass(a.span, "`.terraform.lock.hcl` is present")
        }
        Field::Known(_, a) => Check::fail(
            a.span,
            "no `.terraform.lock.hcl` next to this root module: provider versions and checksums are not locked",
        ),
        _ => Check::unknown(root.span, "lock file presence is not known"),
    };
    vec![c.at("lock_file")]
}
