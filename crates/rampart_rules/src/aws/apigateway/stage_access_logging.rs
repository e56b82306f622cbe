//! API Gateway stages write access logs.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_set;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-APIGATEWAY-001",
        name: "apigateway-stage-access-logging",
        title: "API Gateway stages have access logging enabled",
        severity: Severity::Medium,
        kinds: &["aws_api_gateway_stage", "aws_apigatewayv2_stage"],
        frameworks: &[
            "soc2:CC7.2",
            "hipaa:164.312(b)",
            "iso27001:A.8.15",
            "nist-csf:PR.PS-04",
            "pci-dss:10.2.1",
            "cis-controls:8.2",
            "nis2:21.2.b",
        ],
        policies: &[
            "ENG-POL-003-HIPAA:3.6.2",
            "ENG-POL-003-HIPAA:3.8.1",
            "CSF:4",
            "SIAC:9.1",
        ],
        aliases: &["CKV_AWS_76", "AVD-AWS-0001"],
        description: "Checks that `aws_api_gateway_stage` (REST) and `aws_apigatewayv2_stage` \
            (HTTP and WebSocket) have an `access_log_settings` block with a \
            `destination_arn`. Stages log nothing by default.",
        rationale: "Access logs record each call to the API: caller, route, status, latency, \
            authoriser result. They are needed to investigate abuse of the API and to show \
            auditors who accessed which data.",
        remediation: "Add `access_log_settings { destination_arn = \
            aws_cloudwatch_log_group.api.arn format = jsonencode({...}) }` to the stage.",
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
                r#"resource "aws_cloudwatch_log_group" "api" {
  name              = "api-access"
  retention_in_days = 365
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = "a1b2c3d4e5"
  deployment_id = "abc123"
  stage_name    = "prod"
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format = jsonencode({
      requestId = "$context.requestId"
      ip        = "$context.identity.sourceIp"
      status    = "$context.status"
    })
  }
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
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
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
      AccessLogSetting:
        DestinationArn: !GetAtt ApiLogs.Arn
        Format: '$context.requestId'
  ApiLogs:
    Type: AWS::Logs::LogGroup
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  HttpApi:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: orders
      ProtocolType: HTTP
  HttpApiLogs:
    Type: AWS::Logs::LogGroup
  Default:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: !Ref HttpApi
      StageName: $default
      AccessLogSettings:
        DestinationArn: !GetAtt HttpApiLogs.Arn
        Format: '$context.requestId'
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_set(
        &res.body,
        res.span,
        "access_log_settings.destination_arn",
        "access logging",
    )]
}
