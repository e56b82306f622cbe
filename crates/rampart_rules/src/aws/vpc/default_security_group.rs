//! The default security group of every VPC allows no traffic.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::blocks_or_objects;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-VPC-004",
        name: "vpc-default-security-group-restricts-all",
        title: "The default security group of every VPC restricts all traffic",
        severity: Severity::Medium,
        kinds: &["aws_default_security_group", "aws_vpc"],
        frameworks: &[
            "cis-aws:5.4",
            "soc2:CC6.6",
            "hipaa:164.312(a)(1)",
            "iso27001:A.8.20",
            "iso27001:A.8.22",
            "nist-csf:PR.IR-01",
            "nist-csf:PR.PS-01",
            "pci-dss:1.2.1",
            "pci-dss:1.3.1",
            "cis-controls:4.4",
            "cis-controls:12.2",
            "nis2:21.2.e",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.1",
            "ENG-POL-003-SOC2:3.2",
            "ENG-POL-003-HIPAA:3.3.1",
            "CSF:3",
            "SIAC:4.3",
            "SIAC:6.2",
            "SIAC:4.1",
            "ENG-POL-003-HIPAA:3.1.1",
        ],
        aliases: &["CKV2_AWS_12", "AVD-AWS-0173"],
        description: "Fails when an `aws_default_security_group` declares any `ingress` or \
            `egress` rule, and when an `aws_vpc` has no `aws_default_security_group` that \
            takes over its default group (AWS creates that group allowing all traffic between \
            its members and all outbound traffic, and it stays that way unless Terraform \
            manages it).",
        rationale: "Resources launched without an explicit security group land in the \
            default one. If it allows traffic, a forgotten instance or ENI silently gets \
            network access nobody reviewed. An empty default group forces every workload to \
            use a purpose-built group.",
        remediation: "Declare an `aws_default_security_group` for each VPC, with `vpc_id` \
            set to the VPC and no `ingress` or `egress` blocks: Terraform then removes all \
            rules from the default group.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
  ingress {
    protocol  = "-1"
    self      = true
    from_port = 0
    to_port   = 0
  }
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Network:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, ctx: &Ctx) -> Vec<Check> {
    if res.kind == "aws_vpc" {
        let groups = ctx.linked(res, "aws_default_security_group", "vpc_id", &["id"]);
        return match groups.first() {
            Some(g) => vec![Check::pass(
                res.span,
                format!("the default security group is managed by `{}`", g.address),
            )],
            None => vec![Check::fail(
                res.span,
                "no `aws_default_security_group` manages this VPC's default group, which keeps \
                 AWS's rules (all traffic from members of the group, all outbound traffic)",
            )],
        };
    }
    let mut out = Vec::new();
    for kind in ["ingress", "egress"] {
        for b in blocks_or_objects(&res.body, kind) {
            out.push(Check::fail(
                b.span,
                format!("the default security group has an `{kind}` rule"),
            ));
        }
    }
    if out.is_empty() {
        out.push(Check::pass(
            res.span,
            "the default security group has no ingress or egress rules",
        ));
    }
    out
}
