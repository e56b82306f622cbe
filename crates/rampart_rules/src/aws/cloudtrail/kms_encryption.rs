//! CloudTrail logs are encrypted with a KMS key.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_set;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-CLOUDTRAIL-003",
        name: "cloudtrail-kms-encryption",
        title: "CloudTrail logs are encrypted with a customer-managed KMS key",
        severity: Severity::Medium,
        kinds: &["aws_cloudtrail"],
        frameworks: &[
            "cis-aws:3.5",
            "soc2:CC6.1",
            "hipaa:164.312(a)(2)(iv)",
            "iso27001:A.8.24",
            "iso27001:A.8.15",
            "nist-csf:PR.DS-01",
            "pci-dss:10.3.2",
            "cis-controls:3.11",
            "nis2:21.2.b",
            "nis2:21.2.h",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.2",
            "ENG-POL-003-HIPAA:3.4.2",
            "OP-POL-001:3.2",
            "CSF:4",
            "SIAC:7.3",
        ],
        aliases: &["CKV_AWS_35", "AVD-AWS-0015"],
        description: "Checks that `aws_cloudtrail` sets `kms_key_id`. Without it (the AWS \
            provider 5.x default) log files are encrypted only with S3-managed keys.",
        rationale: "Audit logs describe the whole account. With SSE-KMS, reading them needs \
            both S3 access and decrypt permission on a key you control, every decryption is \
            itself logged, and access can be cut off by disabling the key.",
        remediation: "Create an `aws_kms_key` whose policy lets CloudTrail encrypt, and set \
            the trail's `kms_key_id` to its ARN.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_kms_key" "trail" {
  description         = "CloudTrail logs"
  enable_key_rotation = true
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail"
  kms_key_id     = aws_kms_key.trail.arn
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
    vec![expect_set(
        &res.body,
        res.span,
        "kms_key_id",
        "KMS encryption of log files",
    )]
}
