//! Lambda environment variables are encrypted with a customer-managed key.

use rampart_model::{Resource, Severity, Value};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_set;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-LAMBDA-001",
        name: "lambda-env-encrypted-cmk",
        title: "Lambda environment variables are encrypted with a customer-managed KMS key",
        severity: Severity::Medium,
        kinds: &["aws_lambda_function"],
        frameworks: &[
            "soc2:CC6.1",
            "hipaa:164.312(a)(2)(iv)",
            "iso27001:A.8.24",
            "nist-csf:PR.DS-01",
            "pci-dss:3.6.1",
            "cis-controls:3.11",
            "nis2:21.2.h",
        ],
        policies: &[
            "ENG-POL-003-HIPAA:3.6.2",
            "ENG-POL-003-HIPAA:3.4.2",
            "OP-POL-001:3.2",
            "SIAC:7.3",
            "SIAC:8.2",
        ],
        aliases: &["CKV_AWS_173"],
        description: "For an `aws_lambda_function` that defines `environment { variables = \
            ... }`, checks that `kms_key_arn` is set. Without it (the AWS provider 5.x \
            default) Lambda encrypts the variables with an AWS-managed key that every \
            principal allowed to read the function configuration can use. Functions without \
            environment variables are not applicable.",
        rationale: "Environment variables often carry connection strings and tokens. With a \
            customer-managed key, reading them in clear needs decrypt permission on a key \
            whose policy and usage you control and audit.",
        remediation: "Create an `aws_kms_key` and set the function's `kms_key_arn` to its \
            ARN; better still, keep secrets in Secrets Manager and pass only their names.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
  environment {
    variables = {
      STAGE = "prod"
    }
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_kms_key" "lambda" {
  description         = "Lambda environment"
  enable_key_rotation = true
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
  kms_key_arn   = aws_kms_key.lambda.arn
  environment {
    variables = {
      STAGE = "prod"
    }
  }
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Handler:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/lambda
      Code:
        S3Bucket: acme-code
        S3Key: app.zip
      Environment:
        Variables:
          TABLE: orders
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Handler:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/lambda
      Code:
        S3Bucket: acme-code
        S3Key: app.zip
      KmsKeyArn: !GetAtt FnKey.Arn
      Environment:
        Variables:
          TABLE: orders
  FnKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let vars = res
        .body
        .block("environment")
        .and_then(|e| e.value("variables"));
    let has_vars = match vars.map(Value::unmarked) {
        None => false,
        Some(Value::Object(m)) => !m.is_empty(),
        Some(_) => true,
    };
    if !has_vars {
        return vec![Check::not_applicable(
            res.span,
            "the function defines no environment variables",
        )];
    }
    vec![expect_set(
        &res.body,
        res.span,
        "kms_key_arn",
        "customer-managed key for environment variables",
    )]
}
