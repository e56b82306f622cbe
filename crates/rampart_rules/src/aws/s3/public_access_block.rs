//! S3 buckets have a public access block.

use rampart_model::{Resource, Severity};

use crate::aws::s3::split;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-S3-001",
        name: "s3-bucket-public-access-block",
        title: "S3 buckets have a public access block",
        severity: Severity::High,
        kinds: &["aws_s3_bucket"],
        frameworks: &[
            "cis-aws:2.1.4",
            "soc2:CC6.1",
            "hipaa:164.312(a)(1)",
            "iso27001:A.8.3",
            "nist-csf:PR.AA-05",
            "pci-dss:1.4.1",
            "cis-controls:3.3",
            "nis2:21.2.i",
        ],
        policies: &["ENG-POL-003-HIPAA:3.3.1", "ENG-POL-003-SOC2:3.2"],
        aliases: &["CKV2_AWS_6", "AVD-AWS-0094"],
        description: "Checks that every S3 bucket is covered by an \
            `aws_s3_bucket_public_access_block` resource that refers to it. The four settings \
            of the block are checked by their own rules.",
        rationale: "A public access block is the guard rail that keeps a mistaken ACL or bucket \
            policy from exposing data to the internet. Without it, one wrong grant publishes \
            the bucket.",
        remediation: "Declare an `aws_s3_bucket_public_access_block` with `bucket` set to the \
            bucket's id and all four settings set to true.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

resource "aws_s3_bucket_public_access_block" "reports" {
  bucket                  = aws_s3_bucket.reports.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Assets:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: acme-assets
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Assets:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: acme-assets
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
"##,
            },
        ],
    },
    check,
};

fn check(bucket: &Resource, ctx: &Ctx) -> Vec<Check> {
    let blocks = split(ctx, bucket, "aws_s3_bucket_public_access_block");
    match blocks.first() {
        Some(b) => vec![Check::pass(
            b.span,
            format!("public access block `{}` covers this bucket", b.address),
        )],
        None => vec![Check::fail(
            bucket.span,
            "no `aws_s3_bucket_public_access_block` refers to this bucket",
        )],
    }
}
