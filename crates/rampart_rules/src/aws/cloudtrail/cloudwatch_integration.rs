//! CloudTrail delivers to CloudWatch Logs.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_set;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-CLOUDTRAIL-004",
        name: "cloudtrail-cloudwatch-logs",
        title: "CloudTrail trails deliver events to CloudWatch Logs",
        severity: Severity::Low,
        kinds: &["aws_cloudtrail"],
        frameworks: &[
            "soc2:CC7.2",
            "hipaa:164.308(a)(1)(ii)(D)",
            "hipaa:164.312(b)",
            "iso27001:A.8.16",
            "nist-csf:DE.CM-03",
            "nist-csf:DE.AE-03",
            "pci-dss:10.4.1",
            "cis-controls:8.9",
            "cis-controls:8.11",
            "nis2:21.2.b",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.4",
            "ENG-POL-003-HIPAA:3.8.1",
            "CSF:4",
            "SIAC:9.1",
            "SIAC:9.2",
        ],
        aliases: &["CKV2_AWS_10", "AVD-AWS-0162"],
        description: "Checks that `aws_cloudtrail` sets `cloud_watch_logs_group_arn` (with \
            `cloud_watch_logs_role_arn`), so events reach a CloudWatch Logs group as well as \
            S3. A value computed from another resource counts as set.",
        rationale: "Events in S3 are for after-the-fact investigation. Delivered to \
            CloudWatch Logs they can drive metric filters and alarms on root logins, policy \
            changes or disabled logging within minutes.",
        remediation: "Create an `aws_cloudwatch_log_group` and a role CloudTrail can assume \
            to write to it, then set `cloud_watch_logs_group_arn = \
            \"${aws_cloudwatch_log_group.trail.arn}:*\"` and `cloud_watch_logs_role_arn`.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_cloudwatch_log_group" "trail" {
  name = "cloudtrail"
}

resource "aws_iam_role" "trail" {
  name = "cloudtrail-to-cloudwatch"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "cloudtrail.amazonaws.com" }
    }]
  })
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-cloudtrail"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
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
      EnableLogFileValidation: true
      KMSKeyId: !Ref TrailKey
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
    vec![expect_set(
        &res.body,
        res.span,
        "cloud_watch_logs_group_arn",
        "CloudWatch Logs delivery",
    )]
}
