//! Launch configurations do not give instances public IP addresses.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-EC2-004",
        name: "ec2-launch-configuration-no-public-ip",
        title: "Launch configurations do not associate public IP addresses",
        severity: Severity::Medium,
        kinds: &["aws_launch_configuration"],
        frameworks: &[
            "soc2:CC6.6",
            "hipaa:164.312(a)(1)",
            "iso27001:A.8.20",
            "iso27001:A.8.22",
            "nist-csf:PR.IR-01",
            "pci-dss:1.4.4",
            "cis-controls:12.2",
            "nis2:21.2.e",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.2",
            "ENG-POL-003-HIPAA:3.3.1",
            "CSF:3",
            "SIAC:6.2",
        ],
        aliases: &["CKV_AWS_389", "AVD-AWS-0009"],
        description: "Fails when an `aws_launch_configuration` sets \
            `associate_public_ip_address = true`. Not writing it (the AWS provider 5.x default \
            is false) passes.",
        rationale: "Every instance an Auto Scaling group launches from this configuration \
            would get a public address, multiplying the internet-facing surface of the group.",
        remediation: "Remove `associate_public_ip_address` or set it to false, run the group \
            in private subnets and publish it through a load balancer.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_launch_configuration" "web" {
  image_id                    = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_launch_configuration" "web" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppConfig:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      AssociatePublicIpAddress: true
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppConfig:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      AssociatePublicIpAddress: false
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
        "associate_public_ip_address",
        false,
        false,
        "public IP address for launched instances",
    )]
}
