//! API Gateway custom domains require TLS 1.2.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_str;

fn modern(p: &str) -> bool {
    p == "TLS_1_2" || p.contains("TLS13") || p.contains("TLS12") || p.contains("TLS_1_3")
}

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-APIGATEWAY-002",
        name: "apigateway-domain-tls-1-2",
        title: "API Gateway custom domain names use the TLS 1.2 security policy",
        severity: Severity::High,
        kinds: &[
            "aws_api_gateway_domain_name",
            "aws_apigatewayv2_domain_name",
        ],
        frameworks: &[
            "soc2:CC6.7",
            "hipaa:164.312(e)(1)",
            "hipaa:164.312(e)(2)(ii)",
            "iso27001:A.8.24",
            "nist-csf:PR.DS-02",
            "pci-dss:4.2.1",
            "cis-controls:3.10",
            "nis2:21.2.h",
        ],
        policies: &[
            "ENG-POL-003-HIPAA:3.6.2",
            "ENG-POL-003-HIPAA:3.4.1",
            "OP-POL-001:3.1",
            "SIAC:6.3",
        ],
        aliases: &["CKV_AWS_206", "AVD-AWS-0005"],
        description: "Checks `security_policy` of `aws_api_gateway_domain_name` (and \
            `domain_name_configuration.security_policy` of `aws_apigatewayv2_domain_name`): \
            it must be `TLS_1_2` (or a newer TLS 1.2/1.3 policy). When it is not written on a \
            REST domain name, API Gateway applies `TLS_1_0`.",
        rationale: "A custom domain with the TLS_1_0 policy still negotiates TLS 1.0 and 1.1 \
            with clients that ask for them, exposing API traffic to the weaknesses of those \
            protocols.",
        remediation: "Set `security_policy = \"TLS_1_2\"` on the domain name.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
  security_policy          = "TLS_1_2"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Domain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
      RegionalCertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
      SecurityPolicy: TLS_1_0
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Domain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
      RegionalCertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
      SecurityPolicy: TLS_1_2
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Domain:
    Type: AWS::ApiGatewayV2::DomainName
    Properties:
      DomainName: api.example.com
      DomainNameConfigurations:
        - CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
          SecurityPolicy: TLS_1_2
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let (path, default) = if res.kind == "aws_apigatewayv2_domain_name" {
        ("domain_name_configuration.security_policy", None)
    } else {
        ("security_policy", Some("TLS_1_0"))
    };
    vec![expect_str(
        &res.body,
        res.span,
        path,
        modern,
        default,
        "TLS security policy",
    )]
}
