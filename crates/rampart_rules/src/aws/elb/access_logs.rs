//! Load balancers write access logs.

use rampart_model::{Resource, Severity};

use crate::aws::elb::lb_type;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-ELB-004",
        name: "elb-access-logs-enabled",
        title: "Load balancers have access logging enabled",
        severity: Severity::Medium,
        kinds: &["aws_lb", "aws_alb", "aws_elb"],
        frameworks: &[
            "soc2:CC7.2",
            "hipaa:164.312(b)",
            "iso27001:A.8.15",
            "nist-csf:PR.PS-04",
            "nist-csf:DE.CM-01",
            "pci-dss:10.2.1",
            "cis-controls:8.2",
            "nis2:21.2.b",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.4",
            "ENG-POL-003-HIPAA:3.8.1",
            "CSF:4",
            "SIAC:9.1",
        ],
        aliases: &["CKV_AWS_91", "CKV_AWS_92"],
        description: "Checks for an `access_logs` block with logging on: on `aws_lb` / \
            `aws_alb` its `enabled` must be true (AWS provider 5.x default false); on a \
            classic `aws_elb` the block's `enabled` defaults to true. A load balancer without \
            the block does not log. Gateway load balancers, which have no access logs, are \
            not applicable.",
        rationale: "Access logs record every request the load balancer handled: client \
            address, path, status, TLS details. They are the first thing an investigation \
            of an attack on a web application needs, and cannot be recreated afterwards.",
        remediation: "Add `access_logs { bucket = \"<log bucket>\" enabled = true }` and \
            grant the regional Elastic Load Balancing account write access to the bucket.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  access_logs {
    bucket = "acme-lb-logs"
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  access_logs {
    bucket  = "acme-lb-logs"
    prefix  = "web"
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
  Balancer:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: application
      Subnets: [subnet-0123456789abcdef0, subnet-0fedcba9876543210]
"##,
            },
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Classic:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Subnets: [subnet-0123456789abcdef0]
      Listeners:
        - LoadBalancerPort: '443'
          InstancePort: '8080'
          Protocol: HTTPS
          SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/abc
      AccessLoggingPolicy:
        Enabled: false
        S3BucketName: acme-elb-logs
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Balancer:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: application
      Subnets: [subnet-0123456789abcdef0, subnet-0fedcba9876543210]
      LoadBalancerAttributes:
        - Key: access_logs.s3.enabled
          Value: 'true'
        - Key: access_logs.s3.bucket
          Value: acme-lb-logs
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Classic:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Subnets: [subnet-0123456789abcdef0]
      Listeners:
        - LoadBalancerPort: '443'
          InstancePort: '8080'
          Protocol: HTTPS
          SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/abc
      AccessLoggingPolicy:
        Enabled: true
        S3BucketName: acme-elb-logs
        EmitInterval: 5
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let classic = res.kind == "aws_elb";
    if !classic {
        match lb_type(res).as_deref() {
            Some("gateway") => {
                return vec![Check::not_applicable(
                    res.span,
                    "gateway load balancers have no access logs",
                )]
            }
            None => {
                return vec![Check::unknown(
                    res.span,
                    "`load_balancer_type` is known only after apply",
                )]
            }
            _ => {}
        }
    }
    if res.body.block("access_logs").is_none() {
        return vec![
            Check::fail(res.span, "no `access_logs` block: access logging is off")
                .at("access_logs.enabled"),
        ];
    }
    vec![expect_flag(
        &res.body,
        res.span,
        "access_logs.enabled",
        true,
        classic,
        "access logging",
    )]
}
