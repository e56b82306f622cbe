//! SQS queues encrypt messages at rest.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{expect_set, field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-SQS-001",
        name: "sqs-queue-encryption",
        title: "SQS queues encrypt messages at rest",
        severity: Severity::Medium,
        kinds: &["aws_sqs_queue"],
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
        aliases: &["CKV_AWS_27", "AVD-AWS-0096"],
        description: "Checks that every `aws_sqs_queue` is encrypted, with SSE-KMS \
            (`kms_master_key_id`) or SSE-SQS (`sqs_managed_sse_enabled`). Only an explicit \
            `sqs_managed_sse_enabled = false` without a KMS key fails: when neither is written, \
            SQS has applied SSE-SQS to new queues by default since late 2022, and the AWS \
            provider 5.x leaves that default in place.",
        rationale: "Queued messages can wait for days (up to 14) and often carry the payloads \
            of business transactions. Encryption at rest keeps them protected in AWS storage; \
            turning it off removes that protection for no benefit.",
        remediation: "Remove `sqs_managed_sse_enabled = false`, or set `kms_master_key_id` to a \
            customer managed key (with `kms_data_key_reuse_period_seconds` tuned for cost).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = false
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = true
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_kms_key" "queues" {
  enable_key_rotation = true
}

resource "aws_sqs_queue" "jobs" {
  name              = "jobs"
  kms_master_key_id = aws_kms_key.queues.arn
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: false
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: alias/jobs
"##,
            },
        ],
    },
    check,
};

fn check(queue: &Resource, _ctx: &Ctx) -> Vec<Check> {
    const SSE: &str = "sqs_managed_sse_enabled";
    if !field(&queue.body, "kms_master_key_id").is_missing() {
        return vec![expect_set(
            &queue.body,
            queue.span,
            "kms_master_key_id",
            "queue encryption (SSE-KMS)",
        )];
    }
    let c = match field(&queue.body, SSE) {
        Field::Known(v, a) => match v.as_bool() {
            Some(true) => Check::pass(a.span, "queue encryption: SSE-SQS is enabled"),
            Some(false) => Check::fail(
                a.span,
                "queue encryption is turned off: `sqs_managed_sse_enabled = false` and no \
                 `kms_master_key_id`",
            ),
            None => Check::unknown(a.span, format!("`{SSE}` is not a boolean")),
        },
        Field::Unknown(a) => Check::unknown(a.span, format!("`{SSE}` is known only after apply")),
        Field::Missing => Check::pass(
            queue.span,
            "queue encryption: neither `kms_master_key_id` nor `sqs_managed_sse_enabled` is set, \
             so SQS applies its default SSE-SQS encryption to the new queue",
        ),
    };
    vec![c.at(SSE)]
}
