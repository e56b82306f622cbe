//! DynamoDB tables are encrypted with a customer managed KMS key.

use rampart_model::{Resource, Severity};

use crate::aws::kms::expect_customer_key;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, missing_span, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-DYNAMODB-002",
        name: "dynamodb-table-customer-key",
        title: "DynamoDB tables are encrypted with a customer managed KMS key",
        severity: Severity::Medium,
        kinds: &["aws_dynamodb_table"],
        frameworks: &[
            "soc2:CC6.1",
            "hipaa:164.312(a)(2)(iv)",
            "iso27001:A.8.24",
            "nist-csf:PR.DS-01",
            "pci-dss:3.5.1",
            "pci-dss:3.6.1",
            "cis-controls:3.11",
            "nis2:21.2.h",
        ],
        policies: &[
            "OP-POL-001:3.2",
            "ENG-POL-003-HIPAA:3.4.2",
            "ENG-POL-003-SOC2:3.2",
        ],
        aliases: &["CKV_AWS_119", "AVD-AWS-0025"],
        description: "Checks that the table's `server_side_encryption` block is enabled and \
            names a customer managed key in `kms_key_arn`. DynamoDB always encrypts, but \
            without the block it uses a key AWS owns, and with `enabled = true` but no \
            `kms_key_arn` the AWS managed key `aws/dynamodb`.",
        rationale: "With an AWS owned or AWS managed key, access to the table is governed by \
            IAM alone and you cannot audit, restrict, rotate on your schedule or revoke the \
            key. A customer managed key adds an independent control over who can decrypt the \
            data and a CloudTrail record of its use.",
        remediation: "Add `server_side_encryption { enabled = true, kms_key_arn = \
            aws_kms_key.<name>.arn }` to the table.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_dynamodb_table" "profiles" {
  name         = "profiles"
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
                r#"resource "aws_dynamodb_table" "profiles" {
  name         = "profiles"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  server_side_encryption {
    enabled = true
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_kms_key" "tables" {
  enable_key_rotation = true
}

resource "aws_dynamodb_table" "profiles" {
  name         = "profiles"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.tables.arn
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
      SSESpecification:
        SSEEnabled: true
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  OrdersKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
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
      SSESpecification:
        SSEEnabled: true
        SSEType: KMS
        KMSMasterKeyId: !Ref OrdersKey
"##,
            },
        ],
    },
    check,
};

fn check(table: &Resource, ctx: &Ctx) -> Vec<Check> {
    const EN: &str = "server_side_encryption.enabled";
    let c = match field(&table.body, EN) {
        Field::Known(v, a) if v.as_bool() != Some(true) => Check::fail(
            a.span,
            "server-side encryption with a KMS key is disabled, so DynamoDB uses a key AWS owns",
        )
        .at(EN),
        Field::Unknown(a) => {
            Check::unknown(a.span, format!("`{EN}` is known only after apply")).at(EN)
        }
        Field::Missing => Check::fail(
            missing_span(&table.body, EN, table.span),
            "no `server_side_encryption` is enabled, so DynamoDB uses a key AWS owns instead of \
             a customer managed key",
        )
        .at(EN),
        Field::Known(..) => expect_customer_key(
            table,
            ctx,
            &table.body,
            "server_side_encryption.kms_key_arn",
            "table encryption",
            "DynamoDB uses the AWS managed key `aws/dynamodb`",
        ),
    };
    vec![c]
}
