//! Application load balancers drop invalid HTTP header fields.

use rampart_model::{Resource, Severity};

use crate::aws::elb::{lb_type, LB_KINDS};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-ELB-003",
        name: "elb-alb-drop-invalid-headers",
        title: "Application load balancers drop invalid HTTP header fields",
        severity: Severity::Medium,
        kinds: LB_KINDS,
        frameworks: &[
            "soc2:CC6.6",
            "hipaa:164.312(c)(1)",
            "iso27001:A.8.20",
            "iso27001:A.8.26",
            "nist-csf:PR.PS-01",
            "nist-csf:PR.IR-01",
            "pci-dss:6.4.1",
            "cis-controls:4.1",
            "nis2:21.2.e",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.1",
            "ENG-POL-003-HIPAA:3.1.2",
            "ENG-POL-003-HIPAA:3.3.1",
            "SIAC:6.1",
        ],
        aliases: &["CKV_AWS_131", "AVD-AWS-0052"],
        description: "For application load balancers (`aws_lb` / `aws_alb` whose \
            `load_balancer_type` is `application`, the default), checks that \
            `drop_invalid_header_fields = true`. The AWS provider 5.x default is false. \
            Network and gateway load balancers are not applicable.",
        rationale: "Header names that are not valid HTTP are a classic ingredient of request \
            smuggling and header injection: the load balancer and the back end disagree on \
            where a request ends or which header counts. Dropping them at the edge removes \
            the ambiguity.",
        remediation: "Set `drop_invalid_header_fields = true` on the load balancer.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  subnets            = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_lb" "web" {
  name                       = "web"
  load_balancer_type         = "application"
  subnets                    = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  drop_invalid_header_fields = true
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
        - Key: routing.http.drop_invalid_header_fields.enabled
          Value: 'true'
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    match lb_type(res).as_deref() {
        Some("application") => {}
        Some(t) => {
            return vec![Check::not_applicable(
                res.span,
                format!("a {t} load balancer does not parse HTTP headers"),
            )]
        }
        None => {
            return vec![Check::unknown(
                res.span,
                "`load_balancer_type` is known only after apply",
            )]
        }
    }
    vec![expect_flag(
        &res.body,
        res.span,
        "drop_invalid_header_fields",
        true,
        false,
        "drop invalid header fields",
    )]
}
