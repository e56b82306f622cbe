//! RDS instances keep automated backups for at least seven days.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

/// Minimum retention in days.
const MIN_DAYS: f64 = 7.0;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-RDS-003",
        name: "rds-backup-retention",
        title: "RDS instances keep automated backups for at least 7 days",
        severity: Severity::Medium,
        kinds: &["aws_db_instance"],
        frameworks: &[
            "soc2:A1.2",
            "soc2:A1.3",
            "hipaa:164.308(a)(7)(ii)(A)",
            "iso27001:A.8.13",
            "nist-csf:PR.DS-11",
            "cis-controls:11.2",
            "nis2:21.2.c",
        ],
        policies: &[
            "ENG-POL-003-HIPAA:3.7.1",
            "ENG-POL-003-SOC2:3.5",
            "OP-POL-001:3.1",
        ],
        aliases: &["CKV_AWS_133", "AVD-AWS-0077"],
        description: "Checks that `backup_retention_period` is at least 7 days on every \
            `aws_db_instance` that is not a read replica (replicas are NotApplicable: the \
            source's backups cover them). Left out, the RDS API applies its own default of 1 \
            day (the console's default is 7); 0 turns automated backups off.",
        rationale: "Automated backups are what point-in-time recovery restores from. Problems \
            such as silent corruption, a bad migration or a deleted table are often found days \
            later; one day of retention is gone by then. Seven days spans a full week, \
            including a weekend, matches the console default and is the usual floor in \
            backup policies; set more where your recovery objectives ask for it.",
        remediation: "Set `backup_retention_period` to 7 or more (up to 35) and choose a \
            `backup_window` outside peak hours.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_db_instance" "billing" {
  identifier        = "billing"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_db_instance" "billing" {
  identifier              = "billing"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  backup_retention_period = 1
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_db_instance" "billing" {
  identifier              = "billing"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  backup_retention_period = 14
  backup_window           = "02:00-03:00"
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
      BackupRetentionPeriod: 1
      DeletionProtection: true
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
    const P: &str = "backup_retention_period";
    if let Some(a) = db
        .body
        .attr("replicate_source_db")
        .filter(|a| !a.value.is_null())
    {
        return vec![Check::not_applicable(
            a.span,
            "read replicas rely on the backups of their source",
        )
        .at(P)];
    }
    let c = match field(&db.body, P) {
        Field::Known(v, a) => match v.as_f64() {
            Some(n) if n >= MIN_DAYS => {
                Check::pass(a.span, format!("automated backups are kept for {n} days"))
            }
            Some(n) if n <= 0.0 => Check::fail(a.span, "automated backups are turned off (0 days)"),
            Some(n) => Check::fail(
                a.span,
                format!("automated backups are kept for only {n} day(s); at least 7 are required"),
            ),
            None => Check::unknown(a.span, format!("`{P}` is not a number")),
        },
        Field::Unknown(a) => Check::unknown(a.span, format!("`{P}` is known only after apply")),
        Field::Missing => Check::fail(
            db.span,
            format!(
                "`{P}` is not set; the RDS API then keeps automated backups for 1 day only (at \
                 least 7 are required)"
            ),
        ),
    };
    vec![c.at(P)]
}
