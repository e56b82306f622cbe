//! RDS instances encrypt their storage.

use rampart_model::{resource::ref_matches, Resource, Severity, Value};

use crate::aws::rds::expect_storage_encrypted;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::field;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-RDS-001",
        name: "rds-instance-storage-encrypted",
        title: "RDS instances encrypt their storage",
        severity: Severity::High,
        kinds: &["aws_db_instance"],
        frameworks: &[
            "cis-aws:2.3.1",
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
            "ENG-POL-003-SOC2:3.1",
            "ENG-POL-003-SOC2:3.2",
            "SIAC:7.3",
        ],
        aliases: &["CKV_AWS_16", "AVD-AWS-0080"],
        description: "Checks that `storage_encrypted` is true on every `aws_db_instance`; the \
            provider default is false. A read replica without the attribute inherits the \
            encryption of its source: when the source is an instance in the same \
            configuration it is judged instead, otherwise (and for restores from a snapshot) \
            the result is Unknown.",
        rationale: "Encryption at rest covers the database volumes, automated backups, \
            snapshots and replicas. Without it, anyone who obtains a snapshot or the \
            underlying storage reads the data; it also cannot be switched on later without \
            copying the database.",
        remediation: "Set `storage_encrypted = true` (and `kms_key_id` to a customer managed \
            key if your policy requires one). For an existing database, restore an encrypted \
            copy of a snapshot and switch over.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  username          = "app"
  manage_master_user_password = true
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  storage_encrypted = false
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  storage_encrypted = true
}

resource "aws_db_instance" "orders_replica" {
  identifier          = "orders-replica"
  replicate_source_db = aws_db_instance.orders.identifier
  instance_class      = "db.t3.micro"
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: '20'
      MasterUsername: app
      MasterUserPassword: '{{resolve:secretsmanager:db-password}}'
      StorageEncrypted: false
      PubliclyAccessible: false
      BackupRetentionPeriod: 7
      DeletionProtection: true
      EnableIAMDatabaseAuthentication: true
      MultiAZ: true
      AutoMinorVersionUpgrade: true
"##,
            },
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: '20'
      MasterUsername: app
      MasterUserPassword: '{{resolve:secretsmanager:db-password}}'
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: '20'
      MasterUsername: app
      MasterUserPassword: '{{resolve:secretsmanager:db-password}}'
      StorageEncrypted: true
      PubliclyAccessible: false
      BackupRetentionPeriod: 7
      DeletionProtection: true
      EnableIAMDatabaseAuthentication: true
      MultiAZ: true
      AutoMinorVersionUpgrade: true
"##,
            },
        ],
    },
    check,
};

fn check(db: &Resource, ctx: &Ctx) -> Vec<Check> {
    if field(&db.body, "storage_encrypted").is_missing() {
        if let Some(a) = db
            .body
            .attr("replicate_source_db")
            .filter(|a| !a.value.is_null())
        {
            let mut refs = a.refs.clone();
            a.value.unknown_refs(&mut refs);
            let source = ctx.of_kind("aws_db_instance").find(|s| {
                refs.iter().any(|r| ref_matches(r, &s.address))
                    || (a.value.as_str().is_some()
                        && s.body.value("identifier").and_then(Value::as_str) == a.value.as_str())
            });
            if let Some(src) = source {
                let c = expect_storage_encrypted(src, false, &["snapshot_identifier"], "source");
                return vec![Check::new(
                    c.status,
                    a.span,
                    format!(
                        "replica inherits storage encryption from `{}` ({})",
                        src.address, c.message
                    ),
                )
                .at("storage_encrypted")];
            }
        }
    }
    vec![expect_storage_encrypted(
        db,
        false,
        &["replicate_source_db", "snapshot_identifier"],
        "storage encryption",
    )]
}
