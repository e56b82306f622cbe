//! S3 buckets record server access logs.

use rampart_model::{Resource, Severity};

use crate::aws::s3::{inline, split};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_set;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-S3-008",
        name: "s3-server-access-logging",
        title: "S3 buckets record server access logs",
        severity: Severity::Medium,
        kinds: &["aws_s3_bucket"],
        frameworks: &[
            "soc2:CC7.2",
            "soc2:CC7.3",
            "hipaa:164.312(b)",
            "iso27001:A.8.15",
            "nist-csf:DE.CM-09",
            "nist-csf:PR.PS-04",
            "pci-dss:10.2.1",
            "cis-controls:8.2",
            "cis-aws:3.4",
            "pci-dss:10.2.1.3",
            "cis-controls:3.14",
            "nis2:21.2.b",
        ],
        policies: &["ENG-POL-003-HIPAA:3.8.1", "ENG-POL-003-SOC2:3.4", "CSF:4"],
        aliases: &["CKV_AWS_18", "AVD-AWS-0089"],
        description: "Checks that server access logging is configured for every bucket, either \
            in an `aws_s3_bucket_logging` resource that points at the bucket or in the bucket's \
            inline `logging` block, with a target bucket. A bucket that itself receives the \
            access logs of another bucket in the configuration is not judged \
            (NotApplicable): logging a log bucket into itself would loop.",
        rationale: "Access logs record every request (who, from where, which object, the \
            result). Without them you cannot tell after an incident what was read or deleted, \
            and unusual access patterns go unnoticed.",
        remediation: "Add an `aws_s3_bucket_logging` resource with `bucket` set to the bucket \
            and `target_bucket` set to a dedicated, access-restricted log bucket (and a \
            `target_prefix` per source bucket).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_s3_bucket" "logs" {
  bucket = "acme-access-logs"
}

resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "aws_s3_bucket_logging" "uploads" {
  bucket        = aws_s3_bucket.uploads.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "uploads/"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
  logging {
    target_bucket = "acme-access-logs"
    target_prefix = "uploads/"
  }
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
    Properties:
      BucketName: acme-data
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AccessLogs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: acme-access-logs
  Data:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: !Ref AccessLogs
        LogFilePrefix: data/
"##,
            },
        ],
    },
    check,
};

fn check(bucket: &Resource, ctx: &Ctx) -> Vec<Check> {
    if let Some(l) = split(ctx, bucket, "aws_s3_bucket_logging").first() {
        let mut c = expect_set(&l.body, l.span, "target_bucket", "access logging");
        c.message = format!("{} (in `{}`)", c.message, l.address);
        return vec![c];
    }
    if let Some(b) = inline(bucket, "logging") {
        return vec![
            expect_set(b, b.span, "target_bucket", "access logging").at("logging.target_bucket")
        ];
    }
    if let Some(source) = logs_into(bucket, ctx) {
        return vec![Check::not_applicable(
            bucket.span,
            format!("this bucket receives the access logs of `{source}`"),
        )];
    }
    vec![Check::fail(
        bucket.span,
        "access logging is not configured: no `aws_s3_bucket_logging` refers to this bucket and \
         it has no inline `logging` block",
    )
    .at("logging")]
}

/// The bucket (or logging resource) whose access logs go to `bucket`, if any.
fn logs_into(bucket: &Resource, ctx: &Ctx) -> Option<String> {
    if let Some(l) = ctx
        .linked(
            bucket,
            "aws_s3_bucket_logging",
            "target_bucket",
            &["bucket", "id"],
        )
        .first()
    {
        return Some(l.address.clone());
    }
    ctx.linked(
        bucket,
        "aws_s3_bucket",
        "logging.target_bucket",
        &["bucket"],
    )
    .into_iter()
    .find(|other| other.address != bucket.address)
    .map(|b| b.address.clone())
}
