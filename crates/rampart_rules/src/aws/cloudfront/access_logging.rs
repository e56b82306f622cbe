//! CloudFront distributions log requests.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_set;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-CLOUDFRONT-003",
        name: "cloudfront-access-logging",
        title: "CloudFront distributions have access logging enabled",
        severity: Severity::Medium,
        kinds: &["aws_cloudfront_distribution"],
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
            "ENG-POL-003-SOC2:3.4",
            "ENG-POL-003-HIPAA:3.8.1",
            "CSF:4",
            "SIAC:9.1",
        ],
        aliases: &["CKV_AWS_86", "AVD-AWS-0010"],
        description: "Checks that an `aws_cloudfront_distribution` has a `logging_config` \
            block with a `bucket` (standard logging to S3). Nothing is logged by default. \
            Logging configured through CloudWatch log delivery resources is not visible to \
            this rule.",
        rationale: "Edge logs are the only record of requests that CloudFront answered from \
            its cache without reaching the origin: scraping, credential stuffing and probing \
            show up there first.",
        remediation: "Add `logging_config { bucket = \"<bucket>.s3.amazonaws.com\" prefix = \
            \"cloudfront/\" }` with a bucket that has ACLs enabled for log delivery.",
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
  logging_config {
    bucket = "acme-cf-logs.s3.amazonaws.com"
    prefix = "site/"
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
        Logging:
          Bucket: acme-cdn-logs.s3.amazonaws.com
          Prefix: cdn/
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
        "logging_config.bucket",
        "access logging",
    )]
}
