//! ECR repositories encrypt images with KMS.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_str;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-ECR-003",
        name: "ecr-kms-encryption",
        title: "ECR repositories encrypt images with AWS KMS",
        severity: Severity::Low,
        kinds: &["aws_ecr_repository"],
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
            "ENG-POL-003-HIPAA:3.6.1",
            "ENG-POL-003-HIPAA:3.4.2",
            "OP-POL-001:3.2",
            "SIAC:7.3",
        ],
        aliases: &["CKV_AWS_136", "AVD-AWS-0033"],
        description: "Checks that `encryption_configuration.encryption_type` of \
            `aws_ecr_repository` is `KMS` (or `KMS_DSSE`), preferably with `kms_key` naming a \
            customer-managed key. The AWS provider 5.x default is `AES256` (S3-managed keys).",
        rationale: "Images often embed configuration, internal code and sometimes secrets. \
            KMS encryption puts access to their layers behind key permissions you control, \
            with every use of the key logged.",
        remediation: "Add `encryption_configuration { encryption_type = \"KMS\" kms_key = \
            aws_kms_key.ecr.arn }` (the setting can only be chosen when the repository is \
            created).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_kms_key" "ecr" {
  description         = "ECR images"
  enable_key_rotation = true
}

resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.ecr.arn
  }
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Images:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Images:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
      EncryptionConfiguration:
        EncryptionType: KMS
        KmsKey: alias/ecr
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_str(
        &res.body,
        res.span,
        "encryption_configuration.encryption_type",
        |t| t.starts_with("KMS"),
        Some("AES256"),
        "image encryption",
    )]
}
