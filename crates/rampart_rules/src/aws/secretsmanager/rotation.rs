//! Secrets Manager secrets rotate automatically.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

/// Longest acceptable interval between rotations, in days.
const MAX_DAYS: f64 = 90.0;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-SECRETSMANAGER-001",
        name: "secretsmanager-rotation",
        title: "Secrets Manager secrets rotate automatically",
        severity: Severity::Medium,
        kinds: &["aws_secretsmanager_secret"],
        frameworks: &[
            "soc2:CC6.1",
            "hipaa:164.308(a)(5)(ii)(D)",
            "iso27001:A.5.17",
            "nist-csf:PR.AA-01",
            "pci-dss:8.3.9",
            "cis-controls:5.2",
            "nis2:21.2.i",
        ],
        policies: &[
            "SIAC:8.3",
            "SIAC:8.2",
            "ENG-POL-003-HIPAA:3.2.1",
            "OP-POL-001:3.2",
        ],
        aliases: &["CKV2_AWS_57"],
        description: "Checks that an `aws_secretsmanager_secret_rotation` refers to the secret \
            (by reference, ARN or name) and, when it rotates on a fixed number of days, that \
            the interval is at most 90 days.",
        rationale: "A credential that never changes stays valid for as long as anyone who ever \
            saw it (former staff, a leaked log, a copied config) keeps it. Automatic rotation \
            bounds that window and proves the rotation path works before an emergency needs \
            it.",
        remediation: "Add an `aws_secretsmanager_secret_rotation` with `secret_id` set to the \
            secret, a `rotation_lambda_arn` (not needed for RDS-managed secrets) and \
            `rotation_rules { automatically_after_days = 30 }` (90 at most).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_secretsmanager_secret" "api" {
  name = "payments/api-key"
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_secretsmanager_secret" "api" {
  name = "payments/api-key"
}

resource "aws_secretsmanager_secret_rotation" "api" {
  secret_id           = aws_secretsmanager_secret.api.id
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate"
  rotation_rules {
    automatically_after_days = 365
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_secretsmanager_secret" "api" {
  name = "payments/api-key"
}

resource "aws_secretsmanager_secret_rotation" "api" {
  secret_id           = aws_secretsmanager_secret.api.id
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate"
  rotation_rules {
    automatically_after_days = 30
  }
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  DbPassword:
    Type: AWS::SecretsManager::Secret
    Properties:
      GenerateSecretString:
        PasswordLength: 32
"##,
            },
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  DbPassword:
    Type: AWS::SecretsManager::Secret
    Properties:
      GenerateSecretString:
        PasswordLength: 32
  DbPasswordRotation:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: !Ref DbPassword
      RotationLambdaARN: arn:aws:lambda:eu-west-1:111122223333:function:rotate
      RotationRules:
        AutomaticallyAfterDays: 365
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  DbPassword:
    Type: AWS::SecretsManager::Secret
    Properties:
      GenerateSecretString:
        PasswordLength: 32
  DbPasswordRotation:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: !Ref DbPassword
      RotationLambdaARN: arn:aws:lambda:eu-west-1:111122223333:function:rotate
      RotationRules:
        AutomaticallyAfterDays: 30
"##,
            },
        ],
    },
    check,
};

fn check(secret: &Resource, ctx: &Ctx) -> Vec<Check> {
    const DAYS: &str = "rotation_rules.automatically_after_days";
    let rotations = ctx.linked(
        secret,
        "aws_secretsmanager_secret_rotation",
        "secret_id",
        &["arn", "id", "name"],
    );
    let Some(rot) = rotations.first() else {
        return vec![Check::fail(
            secret.span,
            "no `aws_secretsmanager_secret_rotation` refers to this secret, so it never rotates",
        )
        .at("rotation")];
    };
    let c = match field(&rot.body, DAYS) {
        Field::Known(v, a) => match v.as_f64() {
            Some(n) if n <= MAX_DAYS => Check::pass(
                a.span,
                format!("`{}` rotates the secret every {n} days", rot.address),
            ),
            Some(n) => Check::fail(
                a.span,
                format!(
                    "`{}` rotates the secret only every {n} days (90 at most)",
                    rot.address
                ),
            ),
            None => Check::unknown(a.span, "the rotation interval is not a number"),
        },
        Field::Unknown(a) => {
            Check::unknown(a.span, "the rotation interval is known only after apply")
        }
        Field::Missing => Check::pass(
            rot.span,
            format!("`{}` rotates the secret on a schedule", rot.address),
        ),
    };
    vec![c.at("rotation")]
}
