//! The account password policy requires at least 14 characters.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

const MIN: f64 = 14.0;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-IAM-006",
        name: "iam-password-min-length-14",
        title: "The IAM password policy requires passwords of at least 14 characters",
        severity: Severity::Medium,
        kinds: &["aws_iam_account_password_policy"],
        frameworks: &[
            "cis-aws:1.8",
            "soc2:CC6.1",
            "hipaa:164.308(a)(5)(ii)(D)",
            "iso27001:A.5.17",
            "nist-csf:PR.AA-01",
            "pci-dss:8.3.6",
            "cis-controls:5.2",
            "nis2:21.2.i",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.2",
            "ENG-POL-003-HIPAA:3.2.1",
            "CSF:2",
            "SIAC:4.3",
        ],
        aliases: &["CKV_AWS_10", "AVD-AWS-0063"],
        description: "Checks that `minimum_password_length` of \
            `aws_iam_account_password_policy` is at least 14. When it is not written the AWS \
            provider 5.x default is 6.",
        rationale: "Length is what makes passwords resist guessing and offline cracking; \
            short passwords fall to brute force and spraying, and console passwords guard \
            access to the whole account.",
        remediation: "Set `minimum_password_length = 14` (or more).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 8
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 14
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
}
"#,
            ),
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let path = "minimum_password_length";
    let c = match field(&res.body, path) {
        Field::Known(v, a) => match v.as_f64() {
            Some(n) if n >= MIN => Check::pass(a.span, format!("passwords need {n} characters")),
            Some(n) => Check::fail(
                a.span,
                format!("passwords need only {n} characters; at least 14 are required"),
            ),
            None => Check::unknown(a.span, format!("`{path}` is not a number")),
        },
        Field::Unknown(a) => Check::unknown(a.span, format!("`{path}` is known only after apply")),
        Field::Missing => Check::fail(
            res.span,
            format!("`{path}` is not set; the AWS provider 5.x default is 6 characters"),
        ),
    };
    vec![c.at(path)]
}
