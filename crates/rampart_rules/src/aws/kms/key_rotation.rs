//! Customer managed KMS keys rotate automatically.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{expect_flag, field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-KMS-001",
        name: "kms-key-rotation",
        title: "Symmetric KMS keys rotate automatically",
        severity: Severity::Medium,
        kinds: &["aws_kms_key"],
        frameworks: &[
            "cis-aws:3.6",
            "soc2:CC6.1",
            "hipaa:164.312(a)(2)(iv)",
            "iso27001:A.8.24",
            "nist-csf:PR.DS-01",
            "pci-dss:3.6.1",
            "pci-dss:3.7.4",
            "cis-controls:3.11",
            "nis2:21.2.h",
        ],
        policies: &[
            "OP-POL-001:3.2",
            "ENG-POL-003-HIPAA:3.4.2",
            "ENG-POL-003-SOC2:3.1",
        ],
        aliases: &["CKV_AWS_7", "AVD-AWS-0065"],
        description: "Checks that `enable_key_rotation` is true on every symmetric encryption \
            key (`customer_master_key_spec = \"SYMMETRIC_DEFAULT\"`, the default). Asymmetric \
            and HMAC keys, and keys in a custom key store, cannot rotate automatically and are \
            NotApplicable. The provider default is false.",
        rationale: "Automatic rotation creates new key material on a schedule (yearly unless \
            `rotation_period_in_days` says otherwise) while old ciphertext stays readable. It \
            limits how much data one key version protects and satisfies cryptoperiod \
            requirements without any re-encryption work.",
        remediation: "Set `enable_key_rotation = true` on the `aws_kms_key` (optionally with \
            `rotation_period_in_days` between 90 and 2560).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_kms_key" "app" {
  description = "application data"
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_kms_key" "app" {
  description         = "application data"
  enable_key_rotation = false
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_kms_key" "app" {
  description         = "application data"
  enable_key_rotation = true
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_kms_key" "signing" {
  description              = "release signing"
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "ECC_NIST_P256"
}

resource "aws_kms_key" "app" {
  enable_key_rotation = true
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      Description: app data key
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      Description: app data key
      EnableKeyRotation: true
"##,
            },
        ],
    },
    check,
};

fn check(key: &Resource, _ctx: &Ctx) -> Vec<Check> {
    match field(&key.body, "customer_master_key_spec") {
        Field::Known(v, a) => match v.as_str() {
            Some("SYMMETRIC_DEFAULT") => {}
            Some(spec) => {
                return vec![Check::not_applicable(
                    a.span,
                    format!("`{spec}` keys cannot rotate automatically"),
                )
                .at("customer_master_key_spec")]
            }
            None => {}
        },
        Field::Unknown(a) => {
            return vec![Check::unknown(
                a.span,
                "the key spec is known only after apply, so it is unclear whether rotation applies",
            )
            .at("customer_master_key_spec")]
        }
        Field::Missing => {}
    }
    if let Field::Known(_, a) = field(&key.body, "custom_key_store_id") {
        return vec![Check::not_applicable(
            a.span,
            "keys in a custom key store cannot rotate automatically",
        )
        .at("custom_key_store_id")];
    }
    vec![expect_flag(
        &key.body,
        key.span,
        "enable_key_rotation",
        true,
        false,
        "automatic key rotation",
    )]
}
