//! Aurora and Multi-AZ DB clusters encrypt their storage.

use rampart_model::{Resource, Severity};

use crate::aws::rds::expect_storage_encrypted;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-RDS-007",
        name: "rds-cluster-storage-encrypted",
        title: "RDS clusters encrypt their storage",
        severity: Severity::High,
        kinds: &["aws_rds_cluster"],
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
        aliases: &["CKV_AWS_96", "AVD-AWS-0079"],
        description: "Checks that `storage_encrypted` is true on every `aws_rds_cluster`. The \
            provider default is false for provisioned clusters and true for `engine_mode = \
            \"serverless\"`. A cluster restored from a snapshot, replicating another cluster or \
            joining a global cluster without the attribute follows its source: Unknown.",
        rationale: "Aurora storage encryption protects the cluster volume, its automated \
            backups, snapshots and replicas. It can only be chosen when the cluster is \
            created; an unencrypted cluster has to be copied to become encrypted.",
        remediation: "Set `storage_encrypted = true` (with `kms_key_id` for a customer managed \
            key) when creating the cluster.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_rds_cluster" "events" {
  cluster_identifier = "events"
  engine             = "aurora-postgresql"
  master_username    = "app"
  manage_master_user_password = true
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_rds_cluster" "events" {
  cluster_identifier          = "events"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_rds_cluster" "sessions" {
  cluster_identifier = "sessions"
  engine             = "aurora-mysql"
  engine_mode        = "serverless"
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      MasterUsername: app
      ManageMasterUserPassword: true
      StorageEncrypted: false
      DeletionProtection: true
      BackupRetentionPeriod: 14
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      MasterUsername: app
      ManageMasterUserPassword: true
      StorageEncrypted: true
      DeletionProtection: true
      BackupRetentionPeriod: 14
"##,
            },
        ],
    },
    check,
};

fn check(cluster: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let default = match field(&cluster.body, "engine_mode") {
        Field::Known(v, _) => v.as_str() == Some("serverless"),
        Field::Unknown(a) if field(&cluster.body, "storage_encrypted").is_missing() => {
            return vec![Check::unknown(
                a.span,
                "`engine_mode` is known only after apply, so the encryption default is unclear",
            )
            .at("storage_encrypted")]
        }
        _ => false,
    };
    vec![expect_storage_encrypted(
        cluster,
        default,
        &[
            "snapshot_identifier",
            "replication_source_identifier",
            "global_cluster_identifier",
        ],
        "storage encryption",
    )]
}
