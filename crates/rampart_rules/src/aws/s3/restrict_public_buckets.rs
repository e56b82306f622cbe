//! S3 public access blocks restrict buckets with public policies

use rampart_model::{Resource, Severity};

use crate::aws::s3::public_access_setting;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-S3-006",
        name: "s3-restrict-public-buckets",
        title: "S3 public access blocks restrict buckets with public policies",
        severity: Severity::High,
        kinds: &[
            "aws_s3_bucket_public_access_block",
            "aws_s3_account_public_access_block",
        ],
        frameworks: &[
            "cis-aws:2.1.4",
            "soc2:CC6.1",
            "soc2:CC6.6",
            "hipaa:164.312(a)(1)",
            "iso27001:A.8.3",
            "nist-csf:PR.AA-05",
            "nist-csf:PR.DS-01",
            "pci-dss:1.4.1",
            "cis-controls:3.3", "nis2:21.2.i"],
        policies: &[
            "ENG-POL-003-SOC2:3.1",
            "ENG-POL-003-SOC2:3.2",
            "ENG-POL-003-HIPAA:3.3.1",
            "CSF:3",
        ],
        aliases: &["CKV_AWS_56", "AVD-AWS-0093"],
        description: "Checks that every S3 public access block, per bucket or account-wide, sets `restrict_public_buckets`: if the bucket has a public policy anyway, only AWS services and principals of the owning account can use it.",
        rationale: "A public policy may predate the block, or be attached before the block applies. Restricting public buckets cuts anonymous and cross-account access through such a policy, so a policy mistake does not become a data leak.",
        remediation: "Set `restrict_public_buckets = true` in the `aws_s3_bucket_public_access_block` (or `aws_s3_account_public_access_block`). The attribute defaults to false, so leaving it out is not enough.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
}

resource "aws_s3_bucket_public_access_block" "assets" {
  bucket                  = aws_s3_bucket.assets.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = false
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
}

resource "aws_s3_bucket_public_access_block" "assets" {
  bucket = aws_s3_bucket.assets.id
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
}

resource "aws_s3_bucket_public_access_block" "assets" {
  bucket                  = aws_s3_bucket.assets.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_s3_account_public_access_block" "account" {
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
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: false
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

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    public_access_setting(res, "restrict_public_buckets", "restricting public buckets")
}
