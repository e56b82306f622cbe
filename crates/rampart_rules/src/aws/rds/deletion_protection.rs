//! RDS instances are protected against deletion.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-RDS-004",
        name: "rds-deletion-protection",
        title: "RDS instances have deletion protection enabled",
        severity: Severity::Medium,
        kinds: &["aws_db_instance"],
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
        aliases: &["CKV_AWS_293", "AVD-AWS-0177"],
        description: "Checks that `deletion_protection` is true on every `aws_db_instance`. The \
            provider default is false.",
        rationale: "With deletion protection on, RDS refuses to delete the database until the \
            flag is turned off in a separate change. That stops an accidental `terraform \
            destroy`, a renamed resource that plans a replacement, or a compromised pipeline \
            from erasing a production database in one step.",
        remediation: "Set `deletion_protection = true` on production databases.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_db_instance" "customers" {
  identifier        = "customers"
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_db_instance" "customers" {
  identifier          = "customers"
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  deletion_protection = true
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
      DeletionProtection: false
      EnableIAMDatabaseAuthentication: true
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
    vec![expect_flag(
        &db.body,
        db.span,
        "deletion_protection",
        true,
        false,
        "deletion protection",
    )]
}
