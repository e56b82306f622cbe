//! The account password policy prevents reuse of the last 24 passwords.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

const MIN: f64 = 24.0;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-IAM-007",
        name: "iam-password-reuse-prevention",
        title: "The IAM password policy prevents reuse of the last 24 passwords",
        severity: Severity::Medium,
        kinds: &["aws_iam_account_password_policy"],
        frameworks: &[
            "cis-aws:1.9",
            "soc2:CC6.1",
            "hipaa:164.308(a)(5)(ii)(D)",
            "iso27001:A.5.17",
            "nist-csf:PR.AA-01",
            "pci-dss:8.3.7",
            "cis-controls:5.2",
            "nis2:21.2.i",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.2",
            "ENG-POL-003-HIPAA:3.2.1",
            "CSF:2",
            "SIAC:4.3",
        ],
        aliases: &["CKV_AWS_13", "AVD-AWS-0056"],
        description: "Checks that `password_reuse_prevention` of \
            `aws_iam_account_password_policy` is 24 (the maximum AWS allows). When it is not \
            written (the AWS provider 5.x default) users may reuse any earlier password.",
        rationale: "If old passwords can come back, a password that leaked once stays a \
            working credential, and forced changes achieve nothing when users cycle back.",
        remediation: "Set `password_reuse_prevention = 24`.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length   = 14
  password_reuse_prevention = 5
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length   = 14
  password_reuse_prevention = 24
}
"#,
            ),
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let path = "password_reuse_prevention";
    let c = match field(&res.body, path) {
        Field::Known(v, a) => match v.as_f64() {
            Some(n) if n >= MIN => {
                Check::pass(a.span, format!("the last {n} passwords cannot be reused"))
            }
            Some(n) => Check::fail(
                a.span,
                format!("only the last {n} passwords are remembered; 24 are required"),
            ),
            None => Check::unknown(a.span, format!("`{path}` is not a number")),
        },
        Field::Unknown(a) => Check::unknown(a.span, format!("`{path}` is known only after apply")),
        Field::Missing => Check::fail(
            res.span,
            format!(
                "`{path}` is not set; by default (AWS provider 5.x) earlier passwords may be \
                 reused"
            ),
        ),
    };
    vec![c.at(path)]
}
