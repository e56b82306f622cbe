//! Launch templates encrypt their EBS volumes.

use rampart_model::{Resource, Severity};

use crate::aws::ec2::{summarize, template_devices};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-EC2-006",
        name: "ec2-launch-template-ebs-encrypted",
        title: "Launch templates encrypt the EBS volumes they map",
        severity: Severity::High,
        kinds: &["aws_launch_template"],
        frameworks: &[
            "cis-aws:2.2.1",
            "soc2:CC6.1",
            "hipaa:164.312(a)(2)(iv)",
            "iso27001:A.8.24",
            "nist-csf:PR.DS-01",
            "pci-dss:3.5.1",
            "cis-controls:3.11",
            "nis2:21.2.h",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.2",
            "ENG-POL-003-HIPAA:3.4.1",
            "OP-POL-001:3.1",
            "SIAC:5.1",
            "SIAC:7.3",
        ],
        aliases: &["AVD-AWS-0008"],
        description: "Checks every `block_device_mappings` entry of an `aws_launch_template` \
            that describes an EBS volume for `ebs { encrypted = true }` (the AWS provider 5.x \
            default leaves it unset, so the volume is unencrypted unless its snapshot is). A \
            template without any EBS mapping launches the AMI's root volume as it is and \
            fails, unless `aws_ebs_encryption_by_default` is enabled in the configuration.",
        rationale: "Every instance launched from the template, by an Auto Scaling group, a \
            fleet or by hand, inherits its volumes; one unencrypted mapping leaves all of \
            their data unprotected at rest.",
        remediation: "Add `ebs { encrypted = true }` (optionally with `kms_key_id`) to each \
            block device mapping, including one for the root device, or enable EBS \
            encryption by default with `aws_ebs_encryption_by_default`.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_launch_template" "app" {
  name_prefix = "app-"
  image_id    = "ami-0123456789abcdef0"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
    }
  }
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_launch_template" "app" {
  name_prefix = "app-"
  image_id    = "ami-0123456789abcdef0"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_launch_template" "app" {
  name_prefix = "app-"
  image_id    = "ami-0123456789abcdef0"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
      encrypted   = true
    }
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
      LaunchTemplateData:
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs:
              VolumeSize: 20
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

fn check(res: &Resource, ctx: &Ctx) -> Vec<Check> {
    summarize(
        template_devices(res, ctx),
        res.span,
        "all mapped EBS volumes are encrypted",
    )
    .into_iter()
    .map(|c| c.at("block_device_mappings.ebs.encrypted"))
    .collect()
}
