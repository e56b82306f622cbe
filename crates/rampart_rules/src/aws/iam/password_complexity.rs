//! The account password policy requires all four character classes.

use rampart_model::{Resource, Severity, Status};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

const CLASSES: &[(&str, &str)] = &[
    ("require_lowercase_characters", "lowercase letters"),
    ("require_uppercase_characters", "uppercase letters"),
    ("require_numbers", "numbers"),
    ("require_symbols", "symbols"),
];

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-IAM-008",
        name: "iam-password-complexity",
        title: "The IAM password policy requires lowercase, uppercase, numbers and symbols",
        severity: Severity::Low,
        kinds: &["aws_iam_account_password_policy"],
        frameworks: &[
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
        aliases: &[
            "CKV_AWS_11",
            "CKV_AWS_12",
            "CKV_AWS_14",
            "CKV_AWS_15",
            "AVD-AWS-0058",
            "AVD-AWS-0059",
            "AVD-AWS-0060",
            "AVD-AWS-0061",
        ],
        description: "Checks that `aws_iam_account_password_policy` sets \
            `require_lowercase_characters`, `require_uppercase_characters`, `require_numbers` \
            and `require_symbols` to true; each missing one (AWS provider 5.x default false) \
            is a separate finding. Combines Checkov's CKV_AWS_11 (lowercase), CKV_AWS_12 \
            (numbers), CKV_AWS_14 (symbols) and CKV_AWS_15 (uppercase).",
        rationale: "Requiring every character class widens the search space an attacker \
            must cover and stops the most common dictionary passwords. Length matters more \
            (see the minimum-length rule), but many audit baselines require both.",
        remediation: "Set all four `require_*` arguments to true.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 14
  require_lowercase_characters = true
  require_uppercase_characters = true
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 14
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
    let checks: Vec<Check> = CLASSES
        .iter()
        .map(|(path, what)| {
            expect_flag(
                &res.body,
                res.span,
                path,
                true,
                false,
                &format!("passwords must contain {what}"),
            )
        })
        .collect();
    let bad: Vec<Check> = checks
        .iter()
        .filter(|c| c.status != Status::Pass)
        .cloned()
        .collect();
    if bad.is_empty() {
        vec![Check::pass(
            res.span,
            "passwords must contain lowercase and uppercase letters, numbers and symbols",
        )]
    } else {
        bad
    }
}
