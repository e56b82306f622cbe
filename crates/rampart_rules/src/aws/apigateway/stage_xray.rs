//! API Gateway stages trace requests with X-Ray.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-APIGATEWAY-003",
        name: "apigateway-stage-xray-tracing",
        title: "API Gateway REST API stages have X-Ray tracing enabled",
        severity: Severity::Low,
        kinds: &["aws_api_gateway_stage"],
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
        aliases: &["CKV_AWS_73", "AVD-AWS-0003"],
        description: "Checks that `xray_tracing_enabled = true` on `aws_api_gateway_stage` (the \
            AWS provider 5.x default is false).",
        rationale: "Tracing follows each request from the API through its integrations, \
            which helps spot abnormal call patterns and investigate failures or abuse end to \
            end.",
        remediation: "Set `xray_tracing_enabled = true` on the stage.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = "a1b2c3d4e5"
  deployment_id = "abc123"
  stage_name    = "prod"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_api_gateway_stage" "prod" {
  rest_api_id          = "a1b2c3d4e5"
  deployment_id        = "abc123"
  stage_name           = "prod"
  xray_tracing_enabled = true
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      StageName: prod
      DeploymentId: abc123
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      StageName: prod
      DeploymentId: abc123
      TracingEnabled: true
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_flag(
        &res.body,
        res.span,
        "xray_tracing_enabled",
        true,
        false,
        "X-Ray tracing",
    )]
}
