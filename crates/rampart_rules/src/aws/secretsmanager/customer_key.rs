//! Secrets Manager secrets are encrypted with a customer managed KMS key.

use rampart_model::{Resource, Severity};

use crate::aws::kms::expect_customer_key;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-SECRETSMANAGER-002",
        name: "secretsmanager-customer-key",
        title: "Secrets Manager secrets are encrypted with a customer managed KMS key",
        severity: Severity::Low,
        kinds: &["aws_secretsmanager_secret"],
        frameworks: &[
            "soc2:CC6.1",
            "hipaa:164.312(a)(2)(iv)",
            "iso27001:A.8.24",
            "nist-csf:PR.DS-01",
            "pci-dss:3.6.1",
            "cis-controls:3.11",
            "nis2:21.2.h",
        ],
        policies: &["OP-POL-001:3.2", "ENG-POL-003-HIPAA:3.4.2", "SIAC:8.2"],
        aliases: &["CKV_AWS_149", "AVD-AWS-0098"],
        description: "Checks that `kms_key_id` on every `aws_secretsmanager_secret` names a \
            customer managed key. Left out, Secrets Manager uses the AWS managed key \
            `aws/secretsmanager`.",
        rationale: "With the AWS managed key, anyone allowed `secretsmanager:GetSecretValue` \
            reads the secret; the key itself cannot be restricted, and it cannot be shared \
            with other accounts. A customer managed key adds a second permission check, \
            enables cross-account access by design, and lets you revoke access in one place.",
        remediation: "Set `kms_key_id` to the ARN of an `aws_kms_key` whose policy grants \
            decryption only to the consumers of the secret.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_secretsmanager_secret" "db" {
  name = "orders/db-password"
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_secretsmanager_secret" "db" {
  name       = "orders/db-password"
  kms_key_id = "alias/aws/secretsmanager"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_kms_key" "secrets" {
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "db" {
  name       = "orders/db-password"
  kms_key_id = aws_kms_key.secrets.arn
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  ApiToken:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: api-token
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  SecretsKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  ApiToken:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: api-token
      KmsKeyId: !GetAtt SecretsKey.Arn
"##,
            },
        ],
    },
    check,
};

fn check(secret: &Resource, ctx: &Ctx) -> Vec<Check> {
    vec![expect_customer_key(
        secret,
        ctx,
        &secret.body,
        "kms_key_id",
        "secret encryption",
        "Secrets Manager uses the AWS managed key `aws/secretsmanager`",
    )]
}
