//! CloudTrail trails cover every region.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-CLOUDTRAIL-001",
        name: "cloudtrail-multi-region",
        title: "CloudTrail trails record events in all regions",
        severity: Severity::Medium,
        kinds: &["aws_cloudtrail"],
        frameworks: &[
            "cis-aws:3.1",
            "soc2:CC7.2",
            "hipaa:164.312(b)",
            "iso27001:A.8.15",
            "nist-csf:PR.PS-04",
            "nist-csf:DE.CM-03",
            "pci-dss:10.2.1",
            "cis-controls:8.2",
            "pci-dss:10.2.1.2",
            "pci-dss:10.2.1.4",
            "pci-dss:10.2.1.5",
            "pci-dss:10.2.1.6",
            "pci-dss:10.2.1.7",
            "nis2:21.2.b",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.4",
            "ENG-POL-003-HIPAA:3.2.2",
            "ENG-POL-003-HIPAA:3.8.1",
            "CSF:4",
            "SIAC:9.1",
            "ENG-POL-003-HIPAA:3.1.1",
        ],
        aliases: &["CKV_AWS_67", "AVD-AWS-0014"],
        description: "Checks that `aws_cloudtrail` sets `is_multi_region_trail = true`. The \
            AWS provider 5.x default is false: the trail then records only the region it is \
            created in.",
        rationale: "Attackers like regions nobody watches: resources started or keys used in \
            an unused region leave no trace in a single-region trail. A multi-region trail \
            also records global service events in one place.",
        remediation: "Set `is_multi_region_trail = true` (and keep \
            `include_global_service_events = true`).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "acme-cloudtrail"
  is_multi_region_trail = true
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
      EnableLogFileValidation: true
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
        "is_multi_region_trail",
        true,
        false,
        "multi-region trail",
    )]
}
