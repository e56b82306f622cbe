//! IAM policy documents do not grant full administrative access.

use rampart_model::{Resource, Severity};

use crate::aws::iam::{full_admin, policy_document, verdict};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-IAM-003",
        name: "iam-policy-document-no-full-admin",
        title: "IAM policy documents do not allow every action on every resource",
        severity: Severity::High,
        kinds: &["aws_iam_policy_document"],
        frameworks: &[
            "cis-aws:1.16",
            "soc2:CC6.1",
            "soc2:CC6.3",
            "hipaa:164.308(a)(4)(ii)(B)",
            "hipaa:164.312(a)(1)",
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
        aliases: &["CKV_AWS_1", "AVD-AWS-0057"],
        description: "Renders a `data \"aws_iam_policy_document\"` the way the AWS provider \
            does (source and override documents included) and fails when a statement with \
            effect `Allow` (the default) has `*` among its `actions` and `*` among its \
            `resources`.",
        rationale: "A document that allows `*` on `*` gives full control of the account to \
            whatever role, user, group, bucket or key policy it is attached to.",
        remediation: "Narrow `actions` and `resources` to what the principal needs; keep \
            administrator access on a few MFA-protected roles.",
        examples: &[
            Example::tf_fail(
                r#"data "aws_iam_policy_document" "admin" {
  statement {
    sid       = "All"
    effect    = "Allow"
    actions   = ["*"]
    resources = ["*"]
  }
}
"#,
            ),
            Example::tf_pass(
                r#"data "aws_iam_policy_document" "read_logs" {
  statement {
    actions   = ["logs:GetLogEvents", "logs:FilterLogEvents"]
    resources = ["arn:aws:logs:eu-west-1:123456789012:log-group:/app/*"]
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

data "aws_iam_policy_document" "data_admin" {
  statement {
    actions   = ["*"]
    resources = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]
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
        full_admin(&policy),
        "allows every action (`*`) on every resource (`*`)",
        "no statement allows every action on every resource",
    )
    .at("statement")]
}
