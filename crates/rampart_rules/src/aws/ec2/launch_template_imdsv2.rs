//! Launch templates and launch configurations require IMDSv2.

use rampart_model::{Resource, Severity};

use crate::aws::ec2::imds;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-EC2-002",
        name: "ec2-launch-template-imdsv2-required",
        title: "Launch templates and launch configurations require IMDSv2 session tokens",
        severity: Severity::High,
        kinds: &["aws_launch_template", "aws_launch_configuration"],
        frameworks: &[
            "cis-aws:5.6",
            "soc2:CC6.1",
            "hipaa:164.312(a)(1)",
            "iso27001:A.8.9",
            "iso27001:A.8.5",
            "nist-csf:PR.PS-01",
            "nist-csf:PR.AA-05",
            "pci-dss:2.2.6",
            "cis-controls:4.1",
            "nis2:21.2.e",
            "nis2:21.2.i",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.1",
            "ENG-POL-003-HIPAA:3.1.2",
            "CSF:2",
            "SIAC:4.3",
            "SIAC:7.3",
            "SIAC:4.1",
        ],
        aliases: &["CKV_AWS_79", "AVD-AWS-0130"],
        description: "Checks that `aws_launch_template` and `aws_launch_configuration` set \
            `metadata_options { http_tokens = \"required\" }` (or disable the endpoint), so \
            every instance an Auto Scaling group or a fleet launches from them enforces IMDSv2. \
            When `http_tokens` is not written the AWS provider 5.x default is `optional`.",
        rationale: "Instances launched from a template inherit its metadata settings; one \
            permissive template spreads IMDSv1 (and the credential theft through SSRF it \
            allows) to every instance of the group.",
        remediation: "Add `metadata_options { http_tokens = \"required\" }` to the launch \
            template or launch configuration.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_launch_template" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_launch_configuration" "web" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "optional"
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_launch_template" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateName: app
      LaunchTemplateData:
        ImageId: ami-0123456789abcdef0
        MetadataOptions:
          HttpTokens: optional
          HttpEndpoint: enabled
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs:
              Encrypted: true
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateName: app
      LaunchTemplateData:
        ImageId: ami-0123456789abcdef0
        MetadataOptions:
          HttpTokens: required
          HttpEndpoint: enabled
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs:
              Encrypted: true
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![imds(res)]
}
