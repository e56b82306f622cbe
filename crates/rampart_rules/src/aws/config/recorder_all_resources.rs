//! AWS Config records every resource type, global ones included.

use rampart_model::{Resource, Severity, Status};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-CONFIG-001",
        name: "config-recorder-all-resources",
        title: "AWS Config recorders record all supported resources, including global ones",
        severity: Severity::Medium,
        kinds: &["aws_config_configuration_recorder"],
        frameworks: &[
            "cis-aws:3.3",
            "soc2:CC7.1",
            "soc2:CC8.1",
            "hipaa:164.308(a)(1)(ii)(D)",
            "iso27001:A.8.9",
            "nist-csf:PR.PS-01",
            "nist-csf:DE.CM-09",
            "pci-dss:10.2.1",
            "cis-controls:1.1",
            "cis-controls:4.1",
            "nis2:21.2.b",
            "nis2:21.2.e",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.3",
            "ENG-POL-003-SOC2:3.4",
            "ENG-POL-003-HIPAA:3.5.1",
            "CSF:5",
            "SIAC:4.2",
            "SIAC:7.1",
        ],
        aliases: &["CKV2_AWS_48"],
        description: "Checks the `recording_group` of `aws_config_configuration_recorder`: \
            `all_supported` must be true (the AWS provider 5.x default) and \
            `include_global_resource_types` must be true (default false). A recorder without \
            a `recording_group` block therefore fails on global resources.",
        rationale: "Config is the account's configuration history: what changed, when and \
            how. Resource types left out of recording (IAM users, roles and policies are the \
            global ones) drift unseen, and investigations lack their history.",
        remediation: "Add `recording_group { all_supported = true \
            include_global_resource_types = true }` to the recorder (in one region per \
            account for the global types), and turn it on with \
            `aws_config_configuration_recorder_status`.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/config"
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/config"
  recording_group {
    all_supported  = false
    resource_types = ["AWS::EC2::Instance"]
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/config"
  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
      RecordingGroup:
        AllSupported: true
        IncludeGlobalResourceTypes: false
"##,
            },
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
      RecordingGroup:
        ResourceTypes:
          - AWS::EC2::Volume
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
      RecordingGroup:
        AllSupported: true
        IncludeGlobalResourceTypes: true
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let all = expect_flag(
        &res.body,
        res.span,
        "recording_group.all_supported",
        true,
        true,
        "record all supported resource types",
    );
    let global = expect_flag(
        &res.body,
        res.span,
        "recording_group.include_global_resource_types",
        true,
        false,
        "record global resource types",
    );
    let checks = [all, global];
    let bad: Vec<Check> = checks
        .iter()
        .filter(|c| c.status != Status::Pass)
        .cloned()
        .collect();
    if bad.is_empty() {
        vec![Check::pass(
            res.body
                .block("recording_group")
                .map(|b| b.span)
                .unwrap_or(res.span),
            "the recorder records all supported resource types, including global ones",
        )]
    } else {
        bad
    }
}
