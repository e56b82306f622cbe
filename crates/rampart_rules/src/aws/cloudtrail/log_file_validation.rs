//! CloudTrail log file validation is on.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-CLOUDTRAIL-002",
        name: "cloudtrail-log-file-validation",
        title: "CloudTrail trails validate their log files",
        severity: Severity::Medium,
        kinds: &["aws_cloudtrail"],
        frameworks: &[
            "cis-aws:3.2",
            "soc2:CC7.2",
            "hipaa:164.312(b)",
            "hipaa:164.312(c)(1)",
            "iso27001:A.8.15",
            "nist-csf:PR.DS-01",
            "nist-csf:PR.PS-04",
            "pci-dss:10.3.4",
            "cis-controls:8.2",
            "nis2:21.2.b",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.4",
            "ENG-POL-003-HIPAA:3.8.1",
            "CSF:4",
            "SIAC:9.1",
        ],
        aliases: &["CKV_AWS_36", "AVD-AWS-0016"],
        description: "Checks that `aws_cloudtrail` sets `enable_log_file_validation = true` \
            (the AWS provider 5.x default is false).",
        rationale: "With validation on, CloudTrail writes signed digest files that prove \
            whether a log file was changed or deleted after delivery. Without them an \
            intruder who reaches the bucket can rewrite history, and the logs lose their \
            value as evidence.",
        remediation: "Set `enable_log_file_validation = true` on the trail.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-cloudtrail"
  enable_log_file_validation = false
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-cloudtrail"
  enable_log_file_validation = true
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TrailKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  TrailLogs:
    Type: AWS::Logs::LogGroup
  TrailRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: cloudtrail.amazonaws.com
            Action: sts:AssumeRole
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-trail
      IsMultiRegionTrail: true
      KMSKeyId: !Ref TrailKey
      CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn
      CloudWatchLogsRoleArn: !GetAtt TrailRole.Arn
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TrailKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  TrailLogs:
    Type: AWS::Logs::LogGroup
  TrailRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: cloudtrail.amazonaws.com
            Action: sts:AssumeRole
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-trail
      IsMultiRegionTrail: true
      EnableLogFileValidation: true
      KMSKeyId: !Ref TrailKey
      CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn
      CloudWatchLogsRoleArn: !GetAtt TrailRole.Arn
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_flag(
        &res.body,
        res.span,
        "enable_log_file_validation",
        true,
        false,
        "log file validation",
    )]
}
