//! IAM policy documents do not allow the wildcard action.

use rampart_model::{Resource, Severity};

use crate::aws::iam::{policy_document, verdict, wildcard_actions};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-IAM-004",
        name: "iam-policy-document-no-wildcard-actions",
        title: "IAM policy documents do not allow the `*` action",
        severity: Severity::High,
        kinds: &["aws_iam_policy_document"],
        frameworks: &[
            "soc2:CC6.1",
            "soc2:CC6.3",
            "hipaa:164.308(a)(4)(ii)(B)",
            "iso27001:A.8.2",
            "iso27001:A.5.15",
            "nist-csf:PR.AA-05",
            "pci-dss:7.2.1",
            "pci-dss:7.2.2",
            "cis-controls:5.4",
            "cis-controls:6.8",
            "nis2:21.2.i",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.2",
            "ENG-POL-003-HIPAA:3.2.1",
            "CSF:2",
            "SIAC:3.1",
            "SIAC:5.1",
        ],
        aliases: &["CKV_AWS_49", "AVD-AWS-0057"],
        description: "Renders a `data \"aws_iam_policy_document\"` as the AWS provider does \
            and fails when an `Allow` statement lists the bare `*` action.",
        rationale: "`*` in `actions` grants every API of every service, present and future, \
            on the statement's resources: far beyond least privilege, and often the first \
            step of a privilege escalation.",
        remediation: "List the specific actions required (service-level wildcards such as \
            `s3:Get*` at most).",
        examples: &[
            Example::tf_fail(
                r#"data "aws_iam_policy_document" "bucket_admin" {
  statement {
    actions   = ["*"]
    resources = ["arn:aws:s3:::acme-data/*"]
  }
}
"#,
            ),
            Example::tf_pass(
                r#"data "aws_iam_policy_document" "bucket_read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-data/*"]
  }
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
"#,
            ),
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let policy = match policy_document(res) {
        Ok(p) => p,
        Err(c) => return vec![c],
    };
    vec![verdict(
        res.span,
        wildcard_actions(&policy),
        "allows the wildcard action `*`",
        "no Allow statement uses the wildcard action",
    )
    .at("statement")]
}
