//! CloudFront viewers connect over HTTPS.

use rampart_model::{Block, Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-CLOUDFRONT-001",
        name: "cloudfront-viewer-https",
        title: "CloudFront cache behaviours require HTTPS from viewers",
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
        aliases: &["CKV_AWS_34", "AVD-AWS-0012"],
        description: "Checks `viewer_protocol_policy` of the `default_cache_behavior` and of \
            every `ordered_cache_behavior` of an `aws_cloudfront_distribution`: it must be \
            `https-only` or `redirect-to-https`; `allow-all` fails.",
        rationale: "With `allow-all`, viewers that arrive over HTTP are served over HTTP: \
            their requests, cookies and the content they receive cross the network \
            unencrypted and can be read or tampered with.",
        remediation: "Set `viewer_protocol_policy = \"redirect-to-https\"` (or \
            `\"https-only\"`) in every cache behaviour.",
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
    viewer_protocol_policy = "allow-all"
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
  ordered_cache_behavior {
    path_pattern           = "/api/*"
    target_origin_id       = "site"
    viewer_protocol_policy = "https-only"
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
          ViewerProtocolPolicy: allow-all
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
"##,
            },
        ],
    },
    check,
};

fn behaviour(b: &Block, label: &str, out: &mut Vec<Check>) {
    match field(b, "viewer_protocol_policy") {
        Field::Known(v, a) => match v.as_str() {
            Some("https-only") | Some("redirect-to-https") => {}
            Some(s) => out.push(Check::fail(
                a.span,
                format!("{label} has `viewer_protocol_policy = \"{s}\"`: viewers may use HTTP"),
            )),
            None => out.push(Check::unknown(
                a.span,
                format!("{label}: `viewer_protocol_policy` is not a string"),
            )),
        },
        Field::Unknown(a) => out.push(Check::unknown(
            a.span,
            format!("{label}: `viewer_protocol_policy` is known only after apply"),
        )),
        Field::Missing => out.push(Check::fail(
            b.span,
            format!("{label} sets no `viewer_protocol_policy`"),
        )),
    }
}

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let mut out = Vec::new();
    for b in res.body.blocks("default_cache_behavior") {
        behaviour(b, "the default cache behaviour", &mut out);
    }
    for b in res.body.blocks("ordered_cache_behavior") {
        let label = match b.value("path_pattern").and_then(|v| v.as_str()) {
            Some(p) => format!("the cache behaviour for `{p}`"),
            None => "an ordered cache behaviour".to_string(),
        };
        behaviour(b, &label, &mut out);
    }
    if out.is_empty() {
        out.push(Check::pass(
            res.span,
            "every cache behaviour requires HTTPS from viewers",
        ));
    }
    out.into_iter()
        .map(|c| c.at("viewer_protocol_policy"))
        .collect()
}
