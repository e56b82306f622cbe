//! GuardDuty detectors are enabled.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-GUARDDUTY-001",
        name: "guardduty-detector-enabled",
        title: "GuardDuty detectors are enabled",
        severity: Severity::High,
        kinds: &["aws_guardduty_detector"],
        frameworks: &[
            "soc2:CC7.2",
            "soc2:CC7.3",
            "hipaa:164.308(a)(1)(ii)(D)",
            "hipaa:164.308(a)(6)(ii)",
            "iso27001:A.8.16",
            "nist-csf:DE.CM-01",
            "nist-csf:DE.AE-02",
            "pci-dss:11.5.1",
            "cis-controls:13.1",
            "cis-controls:13.3",
            "pci-dss:10.4.1.1",
            "pci-dss:11.5.1.1",
            "nis2:21.2.b",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.4",
            "ENG-POL-003-HIPAA:3.3.2",
            "ENG-POL-003-HIPAA:3.8.1",
            "CSF:4",
            "SIAC:9.2",
        ],
        aliases: &["CKV_AWS_238"],
        description: "Checks that `aws_guardduty_detector` does not set `enable = false`. The \
            AWS provider 5.x default is true, so leaving it out passes.",
        rationale: "GuardDuty is AWS's managed threat detection over CloudTrail, VPC flow \
            and DNS logs: compromised credentials, crypto-mining, calls from known-bad \
            addresses. A suspended detector costs nothing and detects nothing.",
        remediation: "Remove `enable = false` (or set it to true) and route findings to \
            Security Hub or an EventBridge rule that alerts the on-call team.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_guardduty_detector" "main" {
  enable = false
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_guardduty_detector" "main" {
  enable = true
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_guardduty_detector" "main" {}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: false
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
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
        "enable",
        true,
        true,
        "GuardDuty detector",
    )]
}
