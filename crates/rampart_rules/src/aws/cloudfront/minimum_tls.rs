//! CloudFront distributions accept TLS 1.2 or later only.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{expect_str, field};

fn modern(v: &str) -> bool {
    v.starts_with("TLSv1.2_") || v.starts_with("TLSv1.3")
}

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-CLOUDFRONT-002",
        name: "cloudfront-minimum-tls-1-2",
        title: "CloudFront distributions require TLS 1.2 or later from viewers",
        severity: Severity::High,
        kinds: &["aws_cloudfront_distribution"],
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
        aliases: &["CKV_AWS_174", "AVD-AWS-0013"],
        description: "Checks `viewer_certificate.minimum_protocol_version` of an \
            `aws_cloudfront_distribution`: it must be a TLS 1.2 policy (`TLSv1.2_2018`, \
            `TLSv1.2_2019`, `TLSv1.2_2021`, ...). When it is not written the AWS provider 5.x \
            default is `TLSv1`. A distribution that uses the default `*.cloudfront.net` \
            certificate (`cloudfront_default_certificate = true`) fails too: CloudFront then \
            always accepts TLS 1.0.",
        rationale: "Viewers that negotiate TLS 1.0 or 1.1 get protocols with known \
            weaknesses and no modern cipher suites; compliance baselines require TLS 1.2 or \
            later for data in transit.",
        remediation: "Serve the distribution with an ACM certificate (`acm_certificate_arn`, \
            `ssl_support_method = \"sni-only\"`) and set `minimum_protocol_version = \
            \"TLSv1.2_2021\"`.",
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
    minimum_protocol_version = "TLSv1.1_2016"
  }
}
"#,
            ),
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
    cloudfront_default_certificate = true
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
          CloudFrontDefaultCertificate: true
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
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let default_cert = field(
        &res.body,
        "viewer_certificate.cloudfront_default_certificate",
    );
    if default_cert.bool() == Some(true) {
        let span = default_cert.attr().map(|a| a.span).unwrap_or(res.span);
        return vec![Check::fail(
            span,
            "the distribution uses the default *.cloudfront.net certificate, with which \
             CloudFront accepts TLS 1.0",
        )
        .at("viewer_certificate.cloudfront_default_certificate")];
    }
    vec![expect_str(
        &res.body,
        res.span,
        "viewer_certificate.minimum_protocol_version",
        modern,
        Some("TLSv1"),
        "minimum viewer TLS version",
    )]
}
