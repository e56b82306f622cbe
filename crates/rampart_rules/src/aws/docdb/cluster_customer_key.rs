//! DocumentDB clusters are encrypted with a customer managed KMS key.

use rampart_model::{Resource, Severity};

use crate::aws::kms::expect_customer_key;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-DOCDB-002",
        name: "docdb-cluster-customer-key",
        title: "DocumentDB clusters are encrypted with a customer managed KMS key",
        severity: Severity::Low,
        kinds: &["aws_docdb_cluster"],
        frameworks: &[
            "soc2:CC6.1",
            "hipaa:164.312(a)(2)(iv)",
            "iso27001:A.8.24",
            "nist-csf:PR.DS-01",
            "pci-dss:3.6.1",
            "cis-controls:3.11",
            "nis2:21.2.h",
        ],
        policies: &["OP-POL-001:3.2", "ENG-POL-003-HIPAA:3.4.2"],
        aliases: &["AVD-AWS-0022"],
        description: "Checks that an encrypted `aws_docdb_cluster` names a customer managed \
            key in `kms_key_id`; without it DocumentDB uses the AWS managed key `aws/rds`. \
            Clusters whose storage is not encrypted at all are NotApplicable here (rule \
            `RMP-AWS-DOCDB-001` reports them).",
        rationale: "A customer managed key puts decryption of the cluster's storage, backups \
            and snapshots under a key policy you control and audit, and lets you share \
            encrypted snapshots with other accounts, which the AWS managed key does not allow.",
        remediation: "Set `kms_key_id` to the ARN of an `aws_kms_key` when creating the \
            cluster (it cannot be changed afterwards).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_docdb_cluster" "main" {
  cluster_identifier = "main"
  storage_encrypted  = true
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_kms_key" "docdb" {
  enable_key_rotation = true
}

resource "aws_docdb_cluster" "main" {
  cluster_identifier = "main"
  storage_encrypted  = true
  kms_key_id         = aws_kms_key.docdb.arn
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Docs:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: app
      MasterUserPassword: '{{resolve:secretsmanager:docdb}}'
      StorageEncrypted: true
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  DocsKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Docs:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: app
      MasterUserPassword: '{{resolve:secretsmanager:docdb}}'
      StorageEncrypted: true
      KmsKeyId: !Ref DocsKey
"##,
            },
        ],
    },
    check,
};

fn check(cluster: &Resource, ctx: &Ctx) -> Vec<Check> {
    let encrypted = field(&cluster.body, "storage_encrypted");
    if let Field::Unknown(a) = encrypted {
        return vec![
            Check::unknown(a.span, "storage encryption is known only after apply").at("kms_key_id"),
        ];
    }
    if encrypted.bool() != Some(true) {
        return vec![Check::not_applicable(
            cluster.span,
            "storage is not encrypted, so there is no key to judge",
        )
        .at("kms_key_id")];
    }
    vec![expect_customer_key(
        cluster,
        ctx,
        &cluster.body,
        "kms_key_id",
        "cluster encryption",
        "DocumentDB uses the AWS managed key `aws/rds`",
    )]
}
