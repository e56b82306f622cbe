//! DynamoDB tables have point-in-time recovery.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-DYNAMODB-001",
        name: "dynamodb-point-in-time-recovery",
        title: "DynamoDB tables have point-in-time recovery enabled",
        severity: Severity::Medium,
        kinds: &["aws_dynamodb_table"],
        frameworks: &[
            "soc2:A1.2",
            "hipaa:164.308(a)(7)(ii)(A)",
            "iso27001:A.8.13",
            "nist-csf:PR.DS-11",
            "cis-controls:11.2",
            "nis2:21.2.c",
        ],
        policies: &["ENG-POL-003-HIPAA:3.7.1", "ENG-POL-003-SOC2:3.5"],
        aliases: &["CKV_AWS_28", "AVD-AWS-0024"],
        description: "Checks that every `aws_dynamodb_table` has a `point_in_time_recovery` \
            block with `enabled = true`. Without the block, or with `enabled` left out, \
            continuous backups are off (the provider default is false).",
        rationale: "Point-in-time recovery keeps continuous backups for up to 35 days, so a \
            table can be restored to any second before a faulty deployment, a bulk delete or \
            an attack. On-demand backups only capture the moments someone remembered to take \
            them.",
        remediation: "Add `point_in_time_recovery { enabled = true }` to the table.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_dynamodb_table" "carts" {
  name         = "carts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_dynamodb_table" "carts" {
  name         = "carts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  point_in_time_recovery {
    enabled = false
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_dynamodb_table" "carts" {
  name         = "carts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  point_in_time_recovery {
    enabled = true
  }
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
      KeySchema:
        - AttributeName: id
          KeyType: HASH
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
      KeySchema:
        - AttributeName: id
          KeyType: HASH
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: true
"##,
            },
        ],
    },
    check,
};

fn check(table: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_flag(
        &table.body,
        table.span,
        "point_in_time_recovery.enabled",
        true,
        false,
        "point-in-time recovery",
    )]
}
