//! RDS clusters are protected against deletion.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-RDS-008",
        name: "rds-cluster-deletion-protection",
        title: "RDS clusters have deletion protection enabled",
        severity: Severity::Medium,
        kinds: &["aws_rds_cluster"],
        frameworks: &[
            "soc2:A1.2",
            "soc2:CC8.1",
            "hipaa:164.312(c)(1)",
            "hipaa:164.308(a)(7)(ii)(A)",
            "iso27001:A.8.13",
            "nist-csf:PR.DS-11",
            "cis-controls:11.3",
            "nis2:21.2.c",
        ],
        policies: &["ENG-POL-003-HIPAA:3.7.2", "ENG-POL-003-SOC2:3.5"],
        aliases: &["CKV_AWS_139", "AVD-AWS-0343"],
        description: "Checks that `deletion_protection` is true on every `aws_rds_cluster` \
            (Aurora and Multi-AZ DB clusters). The provider default is false.",
        rationale: "Deleting a cluster removes its volume and, unless retained, its automated \
            backups. Deletion protection makes RDS refuse the delete until the flag is turned \
            off in a separate, reviewable change, so a mistaken destroy or replacement cannot \
            take the database with it.",
        remediation: "Set `deletion_protection = true` on production clusters.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_rds_cluster" "orders" {
  cluster_identifier = "orders"
  engine             = "aurora-postgresql"
  storage_encrypted  = true
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_rds_cluster" "orders" {
  cluster_identifier  = "orders"
  engine              = "aurora-postgresql"
  storage_encrypted   = true
  deletion_protection = true
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
      StorageEncrypted: true
      DeletionProtection: false
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
    vec![expect_flag(
        &cluster.body,
        cluster.span,
        "deletion_protection",
        true,
        false,
        "deletion protection",
    )]
}
