//! Neptune clusters encrypt their storage.

use rampart_model::{Resource, Severity};

use crate::aws::rds::expect_storage_encrypted;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-NEPTUNE-001",
        name: "neptune-cluster-storage-encrypted",
        title: "Neptune clusters encrypt their storage",
        severity: Severity::High,
        kinds: &["aws_neptune_cluster"],
        frameworks: &[
            "soc2:CC6.1",
            "hipaa:164.312(a)(2)(iv)",
            "iso27001:A.8.24",
            "nist-csf:PR.DS-01",
            "pci-dss:3.5.1",
            "cis-controls:3.11", "nis2:21.2.h"],
        policies: &[
            "OP-POL-001:3.1",
            "ENG-POL-003-HIPAA:3.4.1",
            "ENG-POL-003-SOC2:3.2",
            "SIAC:7.3",
        ],
        aliases: &["CKV_AWS_44", "AVD-AWS-0076"],
        description: "Checks that `storage_encrypted` is true on every `aws_neptune_cluster`. The provider default is false. A cluster restored from a snapshot (or replicating another) without the attribute follows its source, which gives Unknown.",
        rationale: "Storage encryption covers the cluster volume, its automated backups, snapshots and replicas, so data stays protected if storage media or a snapshot leaves your control. It can only be chosen when the cluster is created.",
        remediation: "Set `storage_encrypted = true` (with `kms_key_arn` set to a customer managed key where policy requires) when creating the cluster; migrate existing unencrypted clusters through an encrypted snapshot copy.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_neptune_cluster" "main" {
  cluster_identifier = "main"
  engine             = "neptune"
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_neptune_cluster" "main" {
  cluster_identifier = "main"
  engine             = "neptune"
  storage_encrypted  = false
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_kms_key" "db" {
  enable_key_rotation = true
}

resource "aws_neptune_cluster" "main" {
  cluster_identifier = "main"
  engine             = "neptune"
  storage_encrypted  = true
  kms_key_arn        = aws_kms_key.db.arn
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Graph:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Graph:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      StorageEncrypted: true
"##,
            },
        ],
    },
    check,
};

fn check(cluster: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_storage_encrypted(
        cluster,
        false,
        &["snapshot_identifier", "replication_source_identifier"],
        "storage encryption",
    )]
}
