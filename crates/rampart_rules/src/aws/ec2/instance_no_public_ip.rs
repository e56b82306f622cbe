//! EC2 instances do not get public IP addresses.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-EC2-003",
        name: "ec2-instance-no-public-ip",
        title: "EC2 instances and launch templates do not associate public IP addresses",
        severity: Severity::Medium,
        kinds: &["aws_instance", "aws_launch_template"],
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
        aliases: &["CKV_AWS_88"],
        description: "Fails when `aws_instance` sets `associate_public_ip_address = true`, or \
            when a `network_interfaces` block of `aws_launch_template` does. When the \
            attribute is not written the instance follows its subnet's \
            `map_public_ip_on_launch` setting, which is judged on the subnet, so this rule \
            passes.",
        rationale: "An instance with a public address is one security group mistake away \
            from being reachable from the internet. Workloads belong in private subnets \
            behind load balancers, NAT gateways or VPC endpoints.",
        remediation: "Remove `associate_public_ip_address = true` (or set it to false) and \
            place the instance in a private subnet; publish services through a load balancer.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_instance" "app" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_launch_template" "app" {
  name_prefix = "app-"
  image_id    = "ami-0123456789abcdef0"
  network_interfaces {
    associate_public_ip_address = true
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_instance" "app" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  subnet_id                   = "subnet-0123456789abcdef0"
  associate_public_ip_address = false
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
      NetworkInterfaces:
        - DeviceIndex: '0'
          SubnetId: subnet-0123456789abcdef0
          AssociatePublicIpAddress: true
"##,
            },
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  WebTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0123456789abcdef0
        NetworkInterfaces:
          - DeviceIndex: 0
            AssociatePublicIpAddress: true
            SubnetId: subnet-0123456789abcdef0
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
      NetworkInterfaces:
        - DeviceIndex: '0'
          SubnetId: subnet-0123456789abcdef0
          AssociatePublicIpAddress: false
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  WebTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0123456789abcdef0
        NetworkInterfaces:
          - DeviceIndex: 0
            AssociatePublicIpAddress: false
            SubnetId: subnet-0123456789abcdef0
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let mut targets = Vec::new();
    if res.kind == "aws_launch_template" {
        targets.extend(res.body.blocks("network_interfaces"));
    } else {
        targets.push(&res.body);
    }
    let mut out = Vec::new();
    for b in targets {
        match field(b, "associate_public_ip_address") {
            Field::Known(v, a) => match v.as_bool() {
                Some(true) => out.push(Check::fail(
                    a.span,
                    "`associate_public_ip_address` is true: the instance gets a public IP address",
                )),
                Some(false) => {}
                None => out.push(Check::unknown(
                    a.span,
                    "`associate_public_ip_address` is not a boolean",
                )),
            },
            Field::Unknown(a) => out.push(Check::unknown(
                a.span,
                "`associate_public_ip_address` is known only after apply",
            )),
            Field::Missing => {}
        }
    }
    if out.is_empty() {
        out.push(Check::pass(
            res.span,
            "no public IP address is requested (without `associate_public_ip_address` the \
             subnet's `map_public_ip_on_launch` decides)",
        ));
    }
    out.into_iter()
        .map(|c| c.at("associate_public_ip_address"))
        .collect()
}
