//! RDS instances accept IAM database authentication.

use rampart_model::{Resource, Severity};

use crate::aws::rds::engine;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-RDS-005",
        name: "rds-iam-authentication",
        title: "RDS instances use IAM database authentication",
        severity: Severity::Medium,
        kinds: &["aws_db_instance"],
        frameworks: &[
            "soc2:CC6.1",
            "soc2:CC6.2",
            "hipaa:164.312(d)",
            "iso27001:A.8.5",
            "iso27001:A.5.17",
            "nist-csf:PR.AA-01",
            "nist-csf:PR.AA-03",
            "pci-dss:8.3.1",
            "cis-controls:6.7",
            "nis2:21.2.i",
        ],
        policies: &["ENG-POL-003-HIPAA:3.2.1", "ENG-POL-003-SOC2:3.2", "CSF:2"],
        aliases: &["CKV_AWS_161", "AVD-AWS-0176"],
        description: "Checks that `iam_database_authentication_enabled` is true on MySQL, \
            MariaDB and PostgreSQL instances (the engines that support it); other engines are \
            NotApplicable. The provider default is false.",
        rationale: "With IAM authentication, people and services connect with short-lived \
            tokens issued to their IAM identity instead of long-lived database passwords. \
            Access is granted and revoked in one place, is logged in CloudTrail, and no \
            password sits in application configuration.",
        remediation: "Set `iam_database_authentication_enabled = true`, create database users \
            that use the `rds_iam` role or the `AWSAuthenticationPlugin`, and grant \
            `rds-db:connect` to the IAM roles that need access.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_db_instance" "catalog" {
  identifier        = "catalog"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_db_instance" "catalog" {
  identifier                          = "catalog"
  engine                              = "postgres"
  instance_class                      = "db.t3.micro"
  allocated_storage                   = 20
  iam_database_authentication_enabled = true
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_db_instance" "legacy" {
  identifier        = "legacy"
  engine            = "sqlserver-se"
  license_model     = "license-included"
  instance_class    = "db.m5.large"
  allocated_storage = 100
}

resource "aws_db_instance" "catalog" {
  identifier                          = "catalog"
  engine                              = "mysql"
  instance_class                      = "db.t3.micro"
  allocated_storage                   = 20
  iam_database_authentication_enabled = true
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
      StorageEncrypted: true
      PubliclyAccessible: false
      BackupRetentionPeriod: 7
      DeletionProtection: true
      EnableIAMDatabaseAuthentication: false
      MultiAZ: true
      AutoMinorVersionUpgrade: true
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

fn check(db: &Resource, _ctx: &Ctx) -> Vec<Check> {
    if let Some(e) = engine(db) {
        if !(e.starts_with("mysql") || e.starts_with("mariadb") || e.starts_with("postgres")) {
            return vec![Check::not_applicable(
                db.span,
                format!("the `{e}` engine does not support IAM database authentication"),
            )
            .at("engine")];
        }
    }
    vec![expect_flag(
        &db.body,
        db.span,
        "iam_database_authentication_enabled",
        true,
        false,
        "IAM database authentication",
    )]
}
