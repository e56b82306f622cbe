//! S3 bucket policies refuse requests that do not use TLS.

use rampart_model::{Resource, Severity};
use rampart_terraform::iam::{Effect, Policy, Statement};

use crate::aws::s3::{read_policy, split, PolicyView};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-S3-009",
        name: "s3-tls-only-policy",
        title: "S3 bucket policies deny requests made without TLS",
        severity: Severity::Medium,
        kinds: &["aws_s3_bucket"],
        frameworks: &[
            "cis-aws:2.1.1",
            "soc2:CC6.7",
            "hipaa:164.312(e)(1)",
            "hipaa:164.312(e)(2)(i)",
            "iso27001:A.8.24",
            "nist-csf:PR.DS-02",
            "pci-dss:4.2.1",
            "cis-controls:3.10",
            "nis2:21.2.h",
        ],
        policies: &[
            "OP-POL-001:3.1",
            "ENG-POL-003-HIPAA:3.4.1",
            "ENG-POL-003-SOC2:3.1",
            "ENG-POL-003-SOC2:3.2",
        ],
        aliases: &[
            "s3_bucket_secure_transport_policy",
            "4bc4dd4c-7d8d-405e-a0fb-57fa4c31b4d9",
        ],
        description: "Checks that a policy attached to the bucket (its inline `policy`, or an \
            `aws_s3_bucket_policy` that points at it) has a `Deny` statement for every \
            principal that applies when `aws:SecureTransport` is false (or when \
            `s3:TlsVersion` is below 1.2). Policies written with `jsonencode`, heredocs, files \
            or `data \"aws_iam_policy_document\"` are all read.",
        rationale: "S3 answers plain HTTP as well as HTTPS. Without an explicit deny, a \
            misconfigured client or SDK can send credentials-signed requests and object data \
            in clear text, where they can be read or altered on the way.",
        remediation: "Add a statement to the bucket policy with `Effect = \"Deny\"`, \
            `Principal = \"*\"`, `Action = \"s3:*\"`, the bucket and `bucket/*` as resources, and \
            the condition `Bool` `aws:SecureTransport` = `\"false\"`.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
}

resource "aws_s3_bucket_policy" "exports" {
  bucket = aws_s3_bucket.exports.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::acme-exports/*"
    }]
  })
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
}

resource "aws_s3_bucket_policy" "exports" {
  bucket = aws_s3_bucket.exports.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::acme-exports", "arn:aws:s3:::acme-exports/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
}

data "aws_iam_policy_document" "tls_only" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.exports.arn,
      "${aws_s3_bucket.exports.arn}/*",
    ]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "exports" {
  bucket = aws_s3_bucket.exports.id
  policy = data.aws_iam_policy_document.tls_only.json
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Deny",
      "Principal": {"AWS": "*"},
      "Action": "s3:*",
      "Resource": "arn:aws:s3:::acme-exports/*",
      "Condition": {"NumericLessThan": {"s3:TlsVersion": "1.2"}}
    }
  ]
}
POLICY
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Data:
    Type: AWS::S3::Bucket
"##,
            },
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Data:
    Type: AWS::S3::Bucket
  DataPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root'
            Action: s3:GetObject
            Resource: !Sub '${Data.Arn}/*'
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Data:
    Type: AWS::S3::Bucket
  DataPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: DenyPlainHttp
            Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource:
              - !GetAtt Data.Arn
              - !Sub '${Data.Arn}/*'
            Condition:
              Bool:
                aws:SecureTransport: 'false'
"##,
            },
        ],
    },
    check,
};

fn check(bucket: &Resource, ctx: &Ctx) -> Vec<Check> {
    let mut attrs = Vec::new();
    if let Some(a) = bucket.body.attr("policy").filter(|a| !a.value.is_null()) {
        attrs.push(a);
    }
    for p in split(ctx, bucket, "aws_s3_bucket_policy") {
        if let Some(a) = p.body.attr("policy").filter(|a| !a.value.is_null()) {
            attrs.push(a);
        }
    }
    if attrs.is_empty() {
        return vec![Check::fail(
            bucket.span,
            "no bucket policy refers to this bucket, so requests over plain HTTP are allowed",
        )
        .at("policy")];
    }
    let mut unknown = None;
    let mut last_span = bucket.span;
    for a in attrs {
        match read_policy(a, ctx) {
            PolicyView::Parsed(p, span) => {
                if denies_insecure_transport(&p) {
                    return vec![Check::pass(
                        span,
                        "the bucket policy denies requests made without TLS",
                    )
                    .at("policy")];
                }
                last_span = span;
            }
            PolicyView::Unknown(span) => unknown = Some(span),
            PolicyView::Invalid(span) => last_span = span,
        }
    }
    if let Some(span) = unknown {
        return vec![Check::unknown(
            span,
            "the bucket policy is known only after apply; cannot tell whether it denies plain HTTP",
        )
        .at("policy")];
    }
    vec![Check::fail(
        last_span,
        "the bucket policy has no `Deny` statement for `aws:SecureTransport = false`, so \
         requests over plain HTTP are allowed",
    )
    .at("policy")]
}

/// A deny-everyone statement conditioned on insecure transport (or old TLS).
pub fn denies_insecure_transport(p: &Policy) -> bool {
    p.statements.iter().any(|s| {
        s.effect == Effect::Deny
            && s.principals
                .as_ref()
                .is_some_and(|pr| pr.includes_everyone())
            && covers_s3(s)
            && s.conditions.iter().any(|c| {
                let op = c.operator.as_str();
                let key = c.key.to_ascii_lowercase();
                ((op == "Bool" || op == "BoolIfExists")
                    && key == "aws:securetransport"
                    && c.values.iter().any(|v| v.eq_ignore_ascii_case("false")))
                    || (op.starts_with("NumericLessThan")
                        && key == "s3:tlsversion"
                        && c.values
                            .iter()
                            .any(|v| v.parse::<f64>().is_ok_and(|n| n >= 1.2)))
            })
    })
}

fn covers_s3(s: &Statement) -> bool {
    s.covers_action("s3:GetObject") || s.covers_action("s3:PutObject")
}
