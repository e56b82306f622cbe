//! RDS clusters keep automated backups for at least seven days.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

/// Minimum retention in days (see `RMP-AWS-RDS-003` for why seven).
const MIN_DAYS: f64 = 7.0;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-RDS-009",
        name: "rds-cluster-backup-retention",
        title: "RDS clusters keep automated backups for at least 7 days",
        severity: Severity::Medium,
        kinds: &["aws_rds_cluster"],
        frameworks: &[
            "soc2:A1.2",
            "soc2:A1.3",
            "hipaa:164.308(a)(7)(ii)(A)",
            "iso27001:A.8.13",
            "nist-csf:PR.DS-11",
            "cis-controls:11.2",
            "nis2:21.2.c",
        ],
        policies: &["ENG-POL-003-HIPAA:3.7.1", "ENG-POL-003-SOC2:3.5"],
        aliases: &["AVD-AWS-0077"],
        description: "Checks that `backup_retention_period` is at least 7 days on every \
            `aws_rds_cluster`. The provider default is 1 day. Clusters that replicate another \
            cluster (`replication_source_identifier`) are NotApplicable.",
        rationale: "Cluster backups are continuous and allow restoring to any second within \
            the retention window. Problems are often noticed days after they happen; with the \
            default single day the state before the incident is already gone. A week covers a \
            weekend and a slow investigation.",
        remediation: "Set `backup_retention_period` to 7 or more (up to 35) and a \
            `preferred_backup_window` outside peak hours.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_rds_cluster" "orders" {
  cluster_identifier = "orders"
  engine             = "aurora-mysql"
  storage_encrypted  = true
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_rds_cluster" "orders" {
  cluster_identifier      = "orders"
  engine                  = "aurora-mysql"
  storage_encrypted       = true
  backup_retention_period = 3
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_rds_cluster" "orders" {
  cluster_identifier      = "orders"
  engine                  = "aurora-mysql"
  storage_encrypted       = true
  backup_retention_period = 7
  preferred_backup_window = "02:00-03:00"
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
      DeletionProtection: true
      BackupRetentionPeriod: 3
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
    const P: &str = "backup_retention_period";
    if let Some(a) = cluster
        .body
        .attr("replication_source_identifier")
        .filter(|a| !a.value.is_null())
    {
        return vec![Check::not_applicable(
            a.span,
            "a replica cluster relies on the backups of its source",
        )
        .at(P)];
    }
    let c = match field(&cluster.body, P) {
        Field::Known(v, a) => match v.as_f64() {
            Some(n) if n >= MIN_DAYS => {
                Check::pass(a.span, format!("automated backups are kept for {n} days"))
            }
            Some(n) => Check::fail(
                a.span,
                format!("automated backups are kept for only {n} day(s); at least 7 are required"),
            ),
            None => Check::unknown(a.span, format!("`{P}` is not a number")),
        },
        Field::Unknown(a) => Check::unknown(a.span, format!("`{P}` is known only after apply")),
        Field::Missing => Check::fail(
            cluster.span,
            format!(
                "`{P}` is not set; the AWS provider 5.x default is 1 day (at least 7 are required)"
            ),
        ),
    };
    vec![c.at(P)]
}
