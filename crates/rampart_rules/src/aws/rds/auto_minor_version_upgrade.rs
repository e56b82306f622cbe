//! RDS instances take minor engine upgrades automatically.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-RDS-010",
        name: "rds-auto-minor-version-upgrade",
        title: "RDS instances apply minor engine upgrades automatically",
        severity: Severity::Low,
        kinds: &["aws_db_instance"],
        frameworks: &[
            "cis-aws:2.3.2",
            "soc2:CC7.1",
            "hipaa:164.308(a)(1)(ii)(B)",
            "iso27001:A.8.8",
            "nist-csf:ID.RA-01",
            "pci-dss:6.3.3",
            "cis-controls:7.3",
            "nis2:21.2.e",
        ],
        policies: &["ENG-POL-003-SOC2:3.1", "ENG-POL-003-HIPAA:3.1.2"],
        aliases: &["CKV_AWS_226"],
        description: "Checks that `auto_minor_version_upgrade` is not turned off on \
            `aws_db_instance`. The provider default is true, so leaving it out passes.",
        rationale: "Minor engine versions carry security fixes. With automatic upgrades RDS \
            applies them in the maintenance window; without, instances drift onto versions \
            with known vulnerabilities until someone schedules the upgrade by hand.",
        remediation: "Remove `auto_minor_version_upgrade = false` (or set it to true) and pick \
            a `maintenance_window` that suits the workload.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_db_instance" "app" {
  identifier                 = "app"
  engine                     = "postgres"
  instance_class             = "db.t3.micro"
  allocated_storage          = 20
  auto_minor_version_upgrade = false
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_db_instance" "app" {
  identifier         = "app"
  engine             = "postgres"
  instance_class     = "db.t3.micro"
  allocated_storage  = 20
  maintenance_window = "sun:03:00-sun:04:00"
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
      MultiAZ: true
      AutoMinorVersionUpgrade: false
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
        "auto_minor_version_upgrade",
        true,
        true,
        "automatic minor version upgrades",
    )]
}
