//! CloudFront distributions are protected by AWS WAF.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_set;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-CLOUDFRONT-004",
        name: "cloudfront-waf-enabled",
        title: "CloudFront distributions have a WAF web ACL",
        severity: Severity::Medium,
        kinds: &["aws_cloudfront_distribution"],
        frameworks: &[
            "soc2:CC6.6",
            "hipaa:164.312(c)(1)",
            "iso27001:A.8.20",
            "iso27001:A.8.26",
            "nist-csf:PR.IR-01",
            "pci-dss:6.4.2",
            "cis-controls:13.10",
            "nis2:21.2.e",
        ],
        policies: &[
            "ENG-POL-003-HIPAA:3.3.1",
            "ENG-POL-003-SOC2:3.2",
            "CSF:3",
            "SIAC:6.1",
        ],
        aliases: &["CKV_AWS_68", "AVD-AWS-0011"],
        description: "Checks that an `aws_cloudfront_distribution` sets `web_acl_id` (a WAFv2 \
            web ACL ARN or a classic WAF id). A distribution has no web ACL by default.",
        rationale: "A web application firewall at the edge filters common attacks (SQL \
            injection, cross-site scripting, known-bad inputs, abusive bots, request floods) \
            before they reach the origin, and gives rate limiting and geo controls.",
        remediation: "Create an `aws_wafv2_web_acl` with scope `CLOUDFRONT` (in us-east-1) \
            using the AWS managed rule groups, and set the distribution's `web_acl_id` to \
            its ARN.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_cloudfront_distribution" "site" {
  enabled = true
  origin {
    domain_name = "acme-site.s3.amazonaws.com"
    origin_id   = "site"
  }
  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_cloudfront_distribution" "site" {
  enabled    = true
  web_acl_id = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/00000000-0000-0000-0000-000000000000"
  origin {
    domain_name = "acme-site.s3.amazonaws.com"
    origin_id   = "site"
  }
  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: site
            DomainName: acme-site.s3.amazonaws.com
            S3OriginConfig: {}
        DefaultCacheBehavior:
          TargetOriginId: site
          ViewerProtocolPolicy: redirect-to-https
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
        ViewerCertificate:
          AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: site
            DomainName: acme-site.s3.amazonaws.com
            S3OriginConfig: {}
        DefaultCacheBehavior:
          TargetOriginId: site
          ViewerProtocolPolicy: redirect-to-https
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
        ViewerCertificate:
          AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
        WebACLId: arn:aws:wafv2:us-east-1:111122223333:global/webacl/cdn/abc
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_set(&res.body, res.span, "web_acl_id", "WAF web ACL")]
}
