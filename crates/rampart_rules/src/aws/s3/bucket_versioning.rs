//! S3 buckets keep object versions.

use rampart_model::{Resource, Severity, Status};

use crate::aws::s3::{inline, split};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-S3-005",
        name: "s3-bucket-versioning",
        title: "S3 buckets keep object versions",
        severity: Severity::Medium,
        kinds: &["aws_s3_bucket"],
        frameworks: &[
            "soc2:A1.2",
            "hipaa:164.308(a)(7)(ii)(A)",
            "iso27001:A.8.13",
            "nist-csf:PR.DS-11",
            "pci-dss:10.5.1",
            "cis-controls:11.2",
            "nis2:21.2.c",
        ],
        policies: &["ENG-POL-003-HIPAA:3.7.1", "ENG-POL-003-SOC2:3.5"],
        aliases: &["CKV_AWS_21", "AVD-AWS-0090"],
        description: "Checks that versioning is enabled on every S3 bucket, either in the \
            bucket's inline `versioning` block or in an `aws_s3_bucket_versioning` resource \
            that points at the bucket.",
        rationale: "Without versioning an overwrite or a delete destroys the only copy of an \
            object. Versioning lets you recover from mistakes, from ransomware that rewrites \
            objects, and it is a prerequisite for replication and object lock.",
        remediation: "Add an `aws_s3_bucket_versioning` resource for the bucket with \
            `versioning_configuration { status = \"Enabled\" }` (or, on provider v3, an inline \
            `versioning { enabled = true }` block).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Suspended"
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
  versioning {
    enabled = true
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
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Suspended
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Data": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "VersioningConfiguration": {"Status": "Enabled"}
      }
    }
  }
}
"##,
            },
        ],
    },
    check,
};

fn check(bucket: &Resource, ctx: &Ctx) -> Vec<Check> {
    // A separate versioning resource wins over the (deprecated) inline block.
    if let Some(v) = split(ctx, bucket, "aws_s3_bucket_versioning").first() {
        let f = field(&v.body, "versioning_configuration.status");
        let check = match f {
            Field::Known(val, a) => match val.as_str() {
                Some("Enabled") => {
                    Check::pass(a.span, format!("versioning enabled by `{}`", v.address))
                }
                Some(s) => Check::fail(a.span, format!("versioning is `{s}` in `{}`", v.address)),
                None => Check::unknown(a.span, "versioning status is not a string"),
            },
            Field::Unknown(a) => {
                Check::unknown(a.span, "versioning status is known only after apply")
            }
            Field::Missing => {
                Check::fail(v.span, format!("`{}` sets no versioning status", v.address))
            }
        };
        return vec![check.at("versioning_configuration.status")];
    }
    if let Some(b) = inline(bucket, "versioning") {
        let f = field(b, "enabled");
        let check = match f {
            Field::Known(val, a) => match val.as_bool() {
                Some(true) => Check::pass(a.span, "versioning enabled inline"),
                _ => Check::fail(
                    a.span,
                    "versioning is disabled in the inline `versioning` block",
                ),
            },
            Field::Unknown(a) => Check::unknown(a.span, "versioning is known only after apply"),
            Field::Missing => {
                Check::fail(b.span, "the inline `versioning` block does not enable it")
            }
        };
        return vec![check.at("versioning.enabled")];
    }
    vec![Check::new(
        Status::Fail,
        bucket.span,
        "versioning is not enabled: no `aws_s3_bucket_versioning` resource points at this bucket",
    )
    .at("versioning")]
}
