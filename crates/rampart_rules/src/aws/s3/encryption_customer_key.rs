//! S3 buckets are encrypted with a customer managed KMS key.

use rampart_model::{Block, Resource, Severity};

use crate::aws::kms::expect_customer_key;
use crate::aws::s3::{inline, split};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

const ALGO: &str = "rule.apply_server_side_encryption_by_default.sse_algorithm";
const KEY: &str = "rule.apply_server_side_encryption_by_default.kms_master_key_id";

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-S3-007",
        name: "s3-encryption-customer-key",
        title: "S3 buckets are encrypted with a customer managed KMS key",
        severity: Severity::Medium,
        kinds: &["aws_s3_bucket"],
        frameworks: &[
            "soc2:CC6.1",
            "soc2:CC6.7",
            "hipaa:164.312(a)(2)(iv)",
            "iso27001:A.8.24",
            "nist-csf:PR.DS-01",
            "pci-dss:3.5.1",
            "pci-dss:3.6.1",
            "cis-controls:3.11",
            "nis2:21.2.h",
        ],
        policies: &[
            "OP-POL-001:3.1",
            "OP-POL-001:3.2",
            "ENG-POL-003-HIPAA:3.4.1",
            "ENG-POL-003-HIPAA:3.4.2",
            "ENG-POL-003-SOC2:3.2",
        ],
        aliases: &["CKV_AWS_145", "AVD-AWS-0132"],
        description: "Checks that the bucket's default encryption uses SSE-KMS (`aws:kms` or \
            `aws:kms:dsse`) with a key you manage, set either in an \
            `aws_s3_bucket_server_side_encryption_configuration` that points at the bucket or in \
            the bucket's inline `server_side_encryption_configuration` block. Without any \
            configuration S3 applies SSE-S3 (AES-256 with keys S3 owns); `aws:kms` without \
            `kms_master_key_id` uses the AWS managed key `aws/s3`.",
        rationale: "S3 always encrypts new objects, but with S3-owned or AWS managed keys anyone \
            allowed to read the bucket can read the data. A customer managed key adds a second, \
            separately audited permission (the key policy), lets you rotate or disable the key, \
            and leaves a CloudTrail record of every decryption.",
        remediation: "Add an `aws_s3_bucket_server_side_encryption_configuration` for the bucket \
            whose rule sets `sse_algorithm = \"aws:kms\"` and `kms_master_key_id` to the ARN of \
            an `aws_kms_key` you control (consider `bucket_key_enabled = true` to reduce KMS \
            request costs).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_s3_bucket" "records" {
  bucket = "acme-records"
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_s3_bucket" "records" {
  bucket = "acme-records"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "records" {
  bucket = aws_s3_bucket.records.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_s3_bucket" "records" {
  bucket = "acme-records"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_kms_key" "records" {
  description         = "acme-records bucket key"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "records" {
  bucket = "acme-records"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "records" {
  bucket = aws_s3_bucket.records.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.records.arn
    }
    bucket_key_enabled = true
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_s3_bucket" "records" {
  bucket = "acme-records"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
      }
    }
  }
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Records:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: AES256
"##,
            },
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Records:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: acme-records
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  RecordsKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Records:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !GetAtt RecordsKey.Arn
            BucketKeyEnabled: true
"##,
            },
        ],
    },
    check,
};

fn check(bucket: &Resource, ctx: &Ctx) -> Vec<Check> {
    if let Some(cfg) = split(
        ctx,
        bucket,
        "aws_s3_bucket_server_side_encryption_configuration",
    )
    .first()
    {
        return vec![judge(cfg, &cfg.body, ctx, &format!("`{}`", cfg.address))];
    }
    if let Some(b) = inline(bucket, "server_side_encryption_configuration") {
        return vec![judge(bucket, b, ctx, "the inline encryption block")];
    }
    vec![Check::fail(
        bucket.span,
        "no encryption configuration refers to this bucket, so S3 applies its default SSE-S3 \
         with S3-owned keys instead of a customer managed KMS key",
    )
    .at("server_side_encryption_configuration")]
}

fn judge(owner: &Resource, b: &Block, ctx: &Ctx, where_: &str) -> Check {
    match field(b, ALGO) {
        Field::Known(v, a) => match v.as_str() {
            Some("aws:kms") | Some("aws:kms:dsse") => expect_customer_key(
                owner,
                ctx,
                b,
                KEY,
                &format!("bucket encryption in {where_}"),
                "S3 uses the AWS managed key `aws/s3`",
            ),
            Some(other) => Check::fail(
                a.span,
                format!(
                    "{where_} sets `sse_algorithm = \"{other}\"`: S3-managed keys, not a customer \
                     managed KMS key"
                ),
            )
            .at(ALGO),
            None => Check::unknown(a.span, "`sse_algorithm` is not a string").at(ALGO),
        },
        Field::Unknown(a) => {
            Check::unknown(a.span, "`sse_algorithm` is known only after apply").at(ALGO)
        }
        Field::Missing => Check::fail(
            b.span,
            format!("{where_} sets no default encryption algorithm"),
        )
        .at(ALGO),
    }
}
