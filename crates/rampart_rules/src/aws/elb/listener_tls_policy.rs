//! TLS listeners negotiate TLS 1.2 or later only.

use rampart_model::{Resource, Severity};

use crate::aws::elb::{listener_protocol, LISTENER_KINDS};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_str;

/// The provider leaves `ssl_policy` to AWS, whose API default for HTTPS and TLS
/// listeners is this (it still accepts TLS 1.0).
const API_DEFAULT: &str = "ELBSecurityPolicy-2016-08";

/// Predefined policies whose minimum protocol is TLS 1.2 or 1.3.
pub fn modern(policy: &str) -> bool {
    let p = policy.trim();
    let Some(rest) = p.strip_prefix("ELBSecurityPolicy-") else {
        return false;
    };
    rest.starts_with("TLS13-1-2")
        || rest.starts_with("TLS13-1-3")
        || rest.starts_with("TLS-1-2")
        || rest.starts_with("FS-1-2")
}

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-ELB-002",
        name: "elb-listener-tls-1-2",
        title: "HTTPS and TLS listeners use a security policy with TLS 1.2 or later",
        severity: Severity::High,
        kinds: LISTENER_KINDS,
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
            "ENG-POL-003-SOC2:3.2",
            "ENG-POL-003-HIPAA:3.4.1",
            "OP-POL-001:3.1",
            "SIAC:6.3",
        ],
        aliases: &["CKV_AWS_103", "AVD-AWS-0047"],
        description: "For `aws_lb_listener` / `aws_alb_listener` with protocol HTTPS or TLS, \
            checks that `ssl_policy` is a predefined policy whose minimum version is TLS 1.2 \
            (`ELBSecurityPolicy-TLS13-1-2-*`, `-TLS13-1-3-*`, `-TLS-1-2-*`, `-FS-1-2-*`). \
            When `ssl_policy` is not written AWS applies ELBSecurityPolicy-2016-08, which \
            still accepts TLS 1.0 and 1.1. Other listeners are not applicable.",
        rationale: "TLS 1.0 and 1.1 rely on obsolete constructions and have known downgrade \
            and padding-oracle weaknesses; PCI DSS and most security baselines require TLS \
            1.2 or later for data in transit.",
        remediation: "Set `ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\"` (or another \
            TLS 1.2+ policy) on the listener.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_lb_listener" "https" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef"
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08"
  certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
  }
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_lb_listener" "tls" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/api/0123456789abcdef"
  port              = 443
  protocol          = "TLS"
  certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api/0123456789abcdef"
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_lb_listener" "https" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef"
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
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
  Https:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Balancer
      Port: 443
      Protocol: HTTPS
      SslPolicy: ELBSecurityPolicy-2016-08
      Certificates:
        - CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig:
            StatusCode: '404'
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
  Https:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Balancer
      Port: 443
      Protocol: HTTPS
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
      Certificates:
        - CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig:
            StatusCode: '404'
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, ctx: &Ctx) -> Vec<Check> {
    match listener_protocol(res, ctx) {
        Some((p, _)) if p == "HTTPS" || p == "TLS" => {}
        Some((p, _)) => {
            return vec![Check::not_applicable(
                res.span,
                format!("a {p} listener does not terminate TLS"),
            )]
        }
        None => {
            return vec![Check::unknown(
                res.body
                    .attr("protocol")
                    .map(|a| a.span)
                    .unwrap_or(res.span),
                "the listener's protocol is known only after apply",
            )]
        }
    }
    if res.body.value("ssl_policy").is_none() {
        return vec![Check::fail(
            res.span,
            format!(
                "`ssl_policy` is not set: AWS applies {API_DEFAULT} (the provider 5.x leaves the \
                 choice to AWS), which accepts protocols older than TLS 1.2"
            ),
        )
        .at("ssl_policy")];
    }
    let mut c = expect_str(
        &res.body,
        res.span,
        "ssl_policy",
        modern,
        Some(API_DEFAULT),
        "TLS security policy",
    );
    if c.status == rampart_model::Status::Fail {
        c.message
            .push_str(" (it accepts protocols older than TLS 1.2)");
    }
    vec![c]
}

#[cfg(test)]
mod tests {
    use super::modern;

    #[test]
    fn policy_names() {
        assert!(modern("ELBSecurityPolicy-TLS13-1-2-2021-06"));
        assert!(modern("ELBSecurityPolicy-TLS13-1-3-2021-06"));
        assert!(modern("ELBSecurityPolicy-TLS-1-2-Ext-2018-06"));
        assert!(modern("ELBSecurityPolicy-FS-1-2-Res-2020-10"));
        assert!(!modern("ELBSecurityPolicy-2016-08"));
        assert!(!modern("ELBSecurityPolicy-TLS-1-1-2017-01"));
        assert!(!modern("ELBSecurityPolicy-TLS13-1-1-2021-06"));
        assert!(!modern("ELBSecurityPolicy-FS-1-1-2019-08"));
    }
}
