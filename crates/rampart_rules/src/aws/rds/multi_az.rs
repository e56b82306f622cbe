//! RDS instances run in more than one availability zone.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-RDS-006",
        name: "rds-multi-az",
        title: "RDS instances are deployed across availability zones",
        severity: Severity::Low,
        kinds: &["aws_db_instance"],
        frameworks: &[
            "soc2:A1.2",
            "hipaa:164.308(a)(7)(ii)(B)",
            "hipaa:164.308(a)(7)(ii)(C)",
            "iso27001:A.8.14",
            "nist-csf:PR.IR-03",
            "nis2:21.2.c",
        ],
        policies: &["ENG-POL-003-HIPAA:3.7.2", "ENG-POL-003-SOC2:3.5"],
        aliases: &["CKV_AWS_157"],
        description: "Checks that `multi_az` is true on every `aws_db_instance`, so RDS keeps a \
            synchronous standby in a second availability zone. The provider default is false.",
        rationale: "A single-AZ database is down for as long as its zone, host or storage is: \
            recovery means restoring a backup and losing the changes since the last one. A \
            Multi-AZ standby takes over automatically within minutes, without data loss, and \
            also shortens maintenance windows.",
        remediation: "Set `multi_az = true` on production databases (development databases \
            can suppress this rule with a reason).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_db_instance" "ledger" {
  identifier        = "ledger"
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  allocated_storage = 100
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_db_instance" "ledger" {
  identifier        = "ledger"
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  allocated_storage = 100
  multi_az          = true
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
      EnableIAMDatabaseAuthentication: true
      MultiAZ: false
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
        "multi_az",
        true,
        false,
        "Multi-AZ deployment",
    )]
}
