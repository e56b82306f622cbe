//! SNS topics encrypt messages at rest.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_set;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-SNS-001",
        name: "sns-topic-encryption",
        title: "SNS topics encrypt messages at rest",
        severity: Severity::Medium,
        kinds: &["aws_sns_topic"],
        frameworks: &[
            "soc2:CC6.1",
            "hipaa:164.312(a)(2)(iv)",
            "iso27001:A.8.24",
            "nist-csf:PR.DS-01",
            "pci-dss:3.5.1",
            "cis-controls:3.11",
            "nis2:21.2.h",
        ],
        policies: &[
            "OP-POL-001:3.1",
            "ENG-POL-003-HIPAA:3.4.1",
            "ENG-POL-003-SOC2:3.2",
            "SIAC:7.3",
        ],
        aliases: &["CKV_AWS_26", "AVD-AWS-0095"],
        description: "Checks that `kms_master_key_id` is set on every `aws_sns_topic`, which \
            turns on server-side encryption (the AWS managed `alias/aws/sns` counts; a customer \
            managed key is better). Left out, messages are stored unencrypted.",
        rationale: "SNS keeps messages on disk until every subscriber has received them. \
            Notifications often carry order details, alerts with hostnames or personal data; \
            without server-side encryption they sit in clear text in AWS storage.",
        remediation: "Set `kms_master_key_id` to a customer managed key (grant SNS and the \
            publishing services `kms:GenerateDataKey` and `kms:Decrypt`), or at least to \
            `alias/aws/sns`.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_sns_topic" "alerts" {
  name = "alerts"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_kms_key" "messaging" {
  enable_key_rotation = true
}

resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = aws_kms_key.messaging.arn
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = "alias/aws/sns"
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Alerts:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: alerts
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AlertsKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Alerts:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: alerts
      KmsMasterKeyId: !Ref AlertsKey
"##,
            },
        ],
    },
    check,
};

fn check(topic: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_set(
        &topic.body,
        topic.span,
        "kms_master_key_id",
        "topic encryption",
    )]
}
