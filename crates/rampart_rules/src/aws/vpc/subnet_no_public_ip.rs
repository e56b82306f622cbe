//! Subnets do not give instances public IP addresses by default.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-VPC-008",
        name: "vpc-subnet-no-public-ip-on-launch",
        title: "Subnets do not assign public IP addresses on launch",
        severity: Severity::Low,
        kinds: &["aws_subnet"],
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
        aliases: &["CKV_AWS_130", "AVD-AWS-0164"],
        description: "Fails when an `aws_subnet` sets `map_public_ip_on_launch = true`. The \
            AWS provider 5.x default is false. Public subnets that host only load balancers \
            and NAT gateways do not need it either.",
        rationale: "With the flag on, every instance launched into the subnet gets a public \
            address unless its launcher remembers to refuse one, so exposure becomes the \
            default instead of a decision.",
        remediation: "Remove `map_public_ip_on_launch` (or set it to false) and request \
            public addresses only for the few instances that need them, or use Elastic IPs \
            on NAT gateways and load balancers.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_subnet" "public" {
  vpc_id                  = "vpc-0123456789abcdef0"
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = true
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_subnet" "private" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.0.2.0/24"
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Public:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0123456789abcdef0
      CidrBlock: 10.0.1.0/24
      MapPublicIpOnLaunch: true
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Private:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0123456789abcdef0
      CidrBlock: 10.0.1.0/24
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
        "map_public_ip_on_launch",
        false,
        false,
        "public IP on launch",
    )]
}
