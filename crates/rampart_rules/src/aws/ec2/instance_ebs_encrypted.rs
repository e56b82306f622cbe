//! EC2 instances encrypt their EBS volumes.

use rampart_model::{Resource, Severity};

use crate::aws::ec2::{
    device, implicit_root, instance_template, summarize, template_devices, via_template, Template,
};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-EC2-007",
        name: "ec2-instance-ebs-encrypted",
        title: "EC2 instances encrypt their root and EBS block devices",
        severity: Severity::High,
        kinds: &["aws_instance"],
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
        aliases: &["CKV_AWS_8", "AVD-AWS-0131"],
        description: "Checks the `root_block_device` and every `ebs_block_device` of an \
            `aws_instance` for `encrypted = true` (the AWS provider 5.x default is \
            false). Without a `root_block_device` block the root volume comes unencrypted \
            from the AMI, or from the launch template named in `launch_template`, whose \
            mappings are then checked. An `aws_ebs_encryption_by_default` resource in the same \
            configuration makes unset devices pass; a device restored from a snapshot \
            without `encrypted` is reported as unknown.",
        rationale: "Unencrypted volumes expose data to anyone who gets hold of a snapshot or \
            of the underlying storage, and they cannot be encrypted in place later. \
            Encryption at rest is required for regulated data.",
        remediation: "Set `encrypted = true` in `root_block_device` and in every \
            `ebs_block_device`, or enable EBS encryption by default for the account and \
            region with `aws_ebs_encryption_by_default`.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    volume_size = 20
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    encrypted   = false
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    volume_size = 20
    encrypted   = true
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    encrypted   = true
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_ebs_encryption_by_default" "on" {
  enabled = true
}

resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  App:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs:
            VolumeSize: 20
            Encrypted: false
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  App:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs:
            VolumeSize: 20
            Encrypted: true
        - DeviceName: /dev/sdf
          Ebs:
            VolumeSize: 100
            Encrypted: true
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, ctx: &Ctx) -> Vec<Check> {
    let mut checks = Vec::new();
    match res.body.block("root_block_device") {
        Some(b) => checks.push(device(b, "the root block device", ctx)),
        None => match instance_template(res, ctx) {
            Template::NotUsed => checks.push(implicit_root(res, ctx, "`root_block_device`")),
            Template::Found(t) => checks.extend(
                template_devices(t, ctx)
                    .into_iter()
                    .map(|c| via_template(c, t)),
            ),
            Template::Unresolved(span) => checks.push(Check::unknown(
                span,
                "no `root_block_device`: the root volume comes from a launch template this \
                 configuration does not declare",
            )),
        },
    }
    for b in res.body.blocks("ebs_block_device") {
        let name = b
            .value("device_name")
            .and_then(|v| v.as_str())
            .map(|s| format!("EBS block device `{s}`"))
            .unwrap_or_else(|| "an EBS block device".into());
        checks.push(device(b, &name, ctx));
    }
    summarize(checks, res.span, "all block devices are encrypted")
        .into_iter()
        .map(|c| c.at("encrypted"))
        .collect()
}
