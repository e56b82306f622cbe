//! Load balancer listeners serve HTTPS or redirect to it.

use rampart_model::{Resource, Severity};

use crate::aws::elb::{listener_protocol, LISTENER_KINDS};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::field;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-ELB-001",
        name: "elb-listener-https",
        title: "Load balancer listeners use HTTPS or TLS, or redirect HTTP to HTTPS",
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
        aliases: &["CKV_AWS_2", "CKV2_AWS_20", "AVD-AWS-0054"],
        description: "Fails for an `aws_lb_listener` / `aws_alb_listener` whose `protocol` is \
            HTTP unless one of its `default_action` blocks is a `redirect` with `protocol = \
            \"HTTPS\"`. When `protocol` is not written, the AWS provider 5.x uses HTTP for an \
            application load balancer. Layer-4 listeners (TCP, UDP, TCP_UDP, GENEVE) are not \
            judged here.",
        rationale: "A plain HTTP listener sends cookies, tokens and form data in clear text \
            across the internet, where anyone on the path can read or alter them. Keeping \
            port 80 only to redirect to HTTPS gives users the secure site without exposing \
            content.",
        remediation: "Serve the application on an HTTPS listener with a certificate, and \
            change the HTTP listener's default action to `redirect { port = \"443\" protocol = \
            \"HTTPS\" status_code = \"HTTP_301\" }`.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef"
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef"
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
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
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Balancer
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: forward
          TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/app/0123456789abcdef
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
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Balancer
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig:
            Protocol: HTTPS
            Port: '443'
            StatusCode: HTTP_301
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, ctx: &Ctx) -> Vec<Check> {
    let span = res
        .body
        .attr("protocol")
        .map(|a| a.span)
        .unwrap_or(res.span);
    let (proto, defaulted) = match listener_protocol(res, ctx) {
        Some(p) => p,
        None => {
            return vec![
                Check::unknown(span, "the listener's protocol is known only after apply")
                    .at("protocol"),
            ]
        }
    };
    let c = match proto.as_str() {
        "HTTPS" | "TLS" => Check::pass(span, format!("the listener uses {proto}")),
        "HTTP" => {
            let mut unknown = false;
            let mut redirects = false;
            for a in res.body.blocks("default_action") {
                let ty = field(a, "type");
                let to = field(a, "redirect.protocol");
                match (ty.str(), to.str()) {
                    (Some("redirect"), Some(p)) if p.eq_ignore_ascii_case("HTTPS") => {
                        redirects = true
                    }
                    _ if ty.attr().is_some_and(|x| !x.value.is_wholly_known())
                        || to.attr().is_some_and(|x| !x.value.is_wholly_known()) =>
                    {
                        unknown = true
                    }
                    _ => {}
                }
            }
            let how = if defaulted {
                "`protocol` is not set, so the AWS provider 5.x default HTTP applies"
            } else {
                "the listener uses plain HTTP"
            };
            if redirects {
                Check::pass(span, "the HTTP listener redirects every request to HTTPS")
            } else if unknown {
                Check::unknown(
                    span,
                    format!("{how}; whether it redirects to HTTPS is known only after apply"),
                )
            } else {
                Check::fail(span, format!("{how} and does not redirect to HTTPS"))
            }
        }
        other => Check::not_applicable(span, format!("a {other} listener is not an HTTP listener")),
    };
    vec![c.at("protocol")]
}
