//! EBS volumes are encrypted.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{expect_flag, field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-EBS-001",
        name: "ebs-volume-encrypted",
        title: "EBS volumes are encrypted",
        severity: Severity::High,
        kinds: &["aws_ebs_volume"],
        frameworks: &[
            "soc2:CC6.1",
            "hipaa:164.312(a)(2)(iv)",
            "iso27001:A.8.24",
            "nist-csf:PR.DS-01",
            "pci-dss:3.5.1",
            "cis-controls:3.11",
            "nis2:21.2.h",
        ],
        policies: &[
            "OP-POL-001:3.1",
            "ENG-POL-003-HIPAA:3.4.1",
            "ENG-POL-003-SOC2:3.2",
            "SIAC:7.3",
        ],
        aliases: &["CKV_AWS_3", "AVD-AWS-0026"],
        description: "Checks that `encrypted` is true on every `aws_ebs_volume`. Left out, the \
            provider default is false, unless the same configuration turns on EBS encryption \
            by default with `aws_ebs_encryption_by_default` (then the volume passes); a volume \
            created from a snapshot follows the snapshot and is Unknown.",
        rationale: "An unencrypted volume exposes its data, and every snapshot taken of it, \
            to anyone who can copy or share those snapshots. Encryption also protects data \
            moving between the instance and the volume, at no performance cost.",
        remediation: "Set `encrypted = true` (and `kms_key_id` for a customer managed key), or \
            enable `aws_ebs_encryption_by_default` in every region you use.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 100
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 100
      Encrypted: true
"##,
            },
        ],
    },
    check,
};

fn check(vol: &Resource, ctx: &Ctx) -> Vec<Check> {
    if field(&vol.body, "encrypted").is_missing() {
        let by_default = ctx.of_kind("aws_ebs_encryption_by_default").find(|d| {
            match field(&d.body, "enabled") {
                Field::Missing => true,
                f => f.bool() == Some(true),
            }
        });
        if let Some(d) = by_default {
            return vec![Check::pass(
                vol.span,
                format!(
                    "`encrypted` is not set, but `{}` turns on EBS encryption by default",
                    d.address
                ),
            )
            .at("encrypted")];
        }
        if let Some(a) = vol.body.attr("snapshot_id").filter(|a| !a.value.is_null()) {
            return vec![Check::unknown(
                a.span,
                "`encrypted` is not set, so encryption follows the snapshot",
            )
            .at("encrypted")];
        }
    }
    vec![expect_flag(
        &vol.body,
        vol.span,
        "encrypted",
        true,
        false,
        "volume encryption",
    )]
}
