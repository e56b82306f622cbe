//! RDS instances are not reachable from the internet.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-RDS-002",
        name: "rds-instance-not-public",
        title: "RDS instances are not publicly accessible",
        severity: Severity::Critical,
        kinds: &["aws_db_instance", "aws_rds_cluster_instance"],
        frameworks: &[
            "cis-aws:2.3.3",
            "soc2:CC6.1",
            "soc2:CC6.6",
            "hipaa:164.312(a)(1)",
            "iso27001:A.8.20",
            "iso27001:A.8.3",
            "nist-csf:PR.IR-01",
            "nist-csf:PR.AA-05",
            "pci-dss:1.4.1",
            "cis-controls:12.2",
            "nis2:21.2.e",
            "nis2:21.2.i",
        ],
        policies: &[
            "ENG-POL-003-HIPAA:3.3.1",
            "ENG-POL-003-SOC2:3.1",
            "ENG-POL-003-SOC2:3.2",
            "CSF:3",
            "SIAC:6.2",
        ],
        aliases: &["CKV_AWS_17", "AVD-AWS-0180"],
        description: "Checks that `publicly_accessible` is not true on RDS instances and Aurora \
            cluster instances. The provider default is false, so leaving it out passes.",
        rationale: "A publicly accessible database gets a DNS name that resolves to a public \
            address. Together with a permissive security group it is exposed to password \
            guessing and to exploits of the engine from anywhere on the internet; databases \
            belong in private subnets, reached through the application tier or a bastion.",
        remediation: "Remove `publicly_accessible = true` (or set it to false), place the \
            instance in private subnets through its `db_subnet_group_name`, and reach it over \
            VPN, Direct Connect or a bastion host.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_db_instance" "reporting" {
  identifier          = "reporting"
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  publicly_accessible = true
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_db_instance" "reporting" {
  identifier          = "reporting"
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  publicly_accessible = false
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_rds_cluster_instance" "reporting" {
  identifier         = "reporting-1"
  cluster_identifier = "reporting"
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
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
      PubliclyAccessible: true
      BackupRetentionPeriod: 7
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
    vec![expect_flag(
        &db.body,
        db.span,
        "publicly_accessible",
        false,
        false,
        "public accessibility",
    )]
}
