//! EBS encryption by default stays on.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-EBS-002",
        name: "ebs-encryption-by-default",
        title: "EBS encryption by default is enabled",
        severity: Severity::Medium,
        kinds: &["aws_ebs_encryption_by_default"],
        frameworks: &[
            "cis-aws:2.2.1",
            "soc2:CC6.1",
            "hipaa:164.312(a)(2)(iv)",
            "iso27001:A.8.24",
            "nist-csf:PR.DS-01",
            "pci-dss:3.5.1",
            "cis-controls:3.11",
            "nis2:21.2.h",
        ],
        policies: &[
            "OP-POL-001:3.3",
            "OP-POL-001:3.1",
            "ENG-POL-003-HIPAA:3.4.1",
            "ENG-POL-003-SOC2:3.1",
            "ENG-POL-003-HIPAA:3.1.1",
        ],
        aliases: &["CKV_AWS_106"],
        description: "Checks that an `aws_ebs_encryption_by_default` resource does not turn the \
            account-and-region setting off: `enabled` must be true (the provider default when \
            it is left out). The setting cannot be seen from configurations that do not \
            declare the resource.",
        rationale: "With encryption by default, every new EBS volume and snapshot copy in the \
            region is encrypted, including ones created by autoscaling, AMIs or tools that do \
            not ask for it. It closes the gap that per-volume settings leave open.",
        remediation: "Declare `aws_ebs_encryption_by_default` with `enabled = true` for every \
            region (one provider alias per region), optionally with \
            `aws_ebs_default_kms_key` for a customer managed key.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_ebs_encryption_by_default" "this" {
  enabled = false
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_ebs_encryption_by_default" "this" {}
"#,
            ),
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_flag(
        &res.body,
        res.span,
        "enabled",
        true,
        true,
        "EBS encryption by default",
    )]
}
