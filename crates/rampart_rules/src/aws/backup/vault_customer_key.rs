//! AWS Backup vaults are encrypted with a customer managed KMS key.

use rampart_model::{Resource, Severity};

use crate::aws::kms::expect_customer_key;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-BACKUP-001",
        name: "backup-vault-customer-key",
        title: "AWS Backup vaults are encrypted with a customer managed KMS key",
        severity: Severity::Medium,
        kinds: &["aws_backup_vault"],
        frameworks: &[
            "soc2:CC6.1",
            "soc2:A1.2",
            "hipaa:164.312(a)(2)(iv)",
            "hipaa:164.308(a)(7)(ii)(A)",
            "iso27001:A.8.24",
            "iso27001:A.8.13",
            "nist-csf:PR.DS-01",
            "nist-csf:PR.DS-11",
            "pci-dss:3.6.1",
            "cis-controls:11.3",
            "nis2:21.2.c",
            "nis2:21.2.h",
        ],
        policies: &[
            "OP-POL-001:3.1",
            "OP-POL-001:3.2",
            "ENG-POL-003-HIPAA:3.7.1",
            "ENG-POL-003-SOC2:3.5",
        ],
        aliases: &["CKV_AWS_166"],
        description: "Checks that `kms_key_arn` on every `aws_backup_vault` names a customer \
            managed key. Left out, AWS Backup encrypts the vault with the AWS managed key \
            `aws/backup`.",
        rationale: "Backups are a complete copy of your data and the last line of defence \
            against ransomware. A customer managed key lets you control and audit who can \
            restore from them, share the vault's recovery points across accounts, and keep \
            the key out of reach of a compromised workload account.",
        remediation: "Set `kms_key_arn` to a dedicated `aws_kms_key` whose policy limits \
            decryption to the backup and restore roles.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_backup_vault" "main" {
  name = "main"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_kms_key" "backup" {
  description         = "backup vault key"
  enable_key_rotation = true
}

resource "aws_backup_vault" "main" {
  name        = "main"
  kms_key_arn = aws_kms_key.backup.arn
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vault:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: primary
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  VaultKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Vault:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: primary
      EncryptionKeyArn: !GetAtt VaultKey.Arn
"##,
            },
        ],
    },
    check,
};

fn check(vault: &Resource, ctx: &Ctx) -> Vec<Check> {
    vec![expect_customer_key(
        vault,
        ctx,
        &vault.body,
        "kms_key_arn",
        "backup vault encryption",
        "AWS Backup uses the AWS managed key `aws/backup`",
    )]
}
