//! Lambda functions trace requests with X-Ray.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_str;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-LAMBDA-002",
        name: "lambda-xray-tracing",
        title: "Lambda functions have active X-Ray tracing",
        severity: Severity::Low,
        kinds: &["aws_lambda_function"],
        frameworks: &[
            "soc2:CC7.2",
            "hipaa:164.312(b)",
            "iso27001:A.8.16",
            "nist-csf:DE.CM-09",
            "cis-controls:8.5",
            "nis2:21.2.b",
        ],
        policies: &[
            "ENG-POL-003-HIPAA:3.6.2",
            "ENG-POL-003-HIPAA:3.8.1",
            "CSF:4",
            "SIAC:9.1",
        ],
        aliases: &["CKV_AWS_50", "AVD-AWS-0066"],
        description: "Checks that `tracing_config.mode` of `aws_lambda_function` is \
            `Active`. When it is not written the AWS provider 5.x default is `PassThrough`, \
            which traces only requests that arrive with a sampled trace header.",
        rationale: "Traces show which downstream services a function called, with what \
            latency and errors. They make abnormal behaviour (a function suddenly calling an \
            unexpected endpoint) visible and shorten investigations.",
        remediation: "Add `tracing_config { mode = \"Active\" }` and allow the function's \
            role to write to X-Ray (`AWSXRayDaemonWriteAccess`).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
  tracing_config {
    mode = "Active"
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
      TracingConfig:
        Mode: Active
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Tracing: Active
Resources:
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_str(
        &res.body,
        res.span,
        "tracing_config.mode",
        |m| m == "Active",
        Some("PassThrough"),
        "X-Ray tracing",
    )]
}
