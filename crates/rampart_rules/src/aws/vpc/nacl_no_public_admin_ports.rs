//! Network ACLs do not admit remote administration from the whole internet.

use rampart_model::{Resource, Severity};

use crate::aws::vpc::{check_public, Ingress, Tri, NACL_KINDS};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-VPC-007",
        name: "nacl-no-public-admin-ports",
        title: "Network ACLs do not allow SSH or RDP from 0.0.0.0/0 or ::/0",
        severity: Severity::Medium,
        kinds: NACL_KINDS,
        frameworks: &[
            "cis-aws:5.1",
            "soc2:CC6.6",
            "hipaa:164.312(a)(1)",
            "hipaa:164.312(e)(1)",
            "iso27001:A.8.20",
            "iso27001:A.8.22",
            "nist-csf:PR.IR-01",
            "pci-dss:1.3.1",
            "pci-dss:1.4.2",
            "cis-controls:4.4",
            "cis-controls:12.2",
            "nis2:21.2.e",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.1",
            "ENG-POL-003-SOC2:3.2",
            "ENG-POL-003-HIPAA:3.3.1",
            "CSF:3",
            "SIAC:6.2",
        ],
        aliases: &["CKV_AWS_232", "CKV_AWS_231", "AVD-AWS-0105"],
        description: "Fails for an allow entry of a network ACL (an `ingress` block of \
            `aws_network_acl` or `aws_default_network_acl`, or an `aws_network_acl_rule` \
            that is not `egress`) whose `cidr_block` / `ipv6_cidr_block` is 0.0.0.0/0 or \
            ::/0 and which admits port 22 or 3389, through its port range or an \
            all-protocols (`-1`) entry. Deny entries are ignored; the rule does not weigh \
            the order of entries.",
        rationale: "Network ACLs are the subnet-level backstop behind security groups. An \
            allow-all-admin-ports entry removes that second layer, so one permissive \
            security group is enough to expose SSH or RDP to the internet.",
        remediation: "Restrict the entry's CIDR block to administrative networks, or add a \
            lower-numbered deny entry for ports 22 and 3389 from 0.0.0.0/0 and ::/0.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_network_acl" "public" {
  vpc_id = "vpc-0123456789abcdef0"
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_network_acl_rule" "ssh" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_network_acl" "public" {
  vpc_id = "vpc-0123456789abcdef0"
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    cidr_block = "0.0.0.0/0"
    from_port  = 443
    to_port    = 443
  }
  ingress {
    rule_no    = 110
    action     = "allow"
    protocol   = "tcp"
    cidr_block = "10.0.0.0/8"
    from_port  = 22
    to_port    = 22
  }
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Acl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: vpc-0123456789abcdef0
  AllowSsh:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref Acl
      RuleNumber: 100
      Protocol: 6
      RuleAction: allow
      Egress: false
      CidrBlock: 0.0.0.0/0
      PortRange:
        From: 22
        To: 22
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Acl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: vpc-0123456789abcdef0
  AllowHttps:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref Acl
      RuleNumber: 100
      Protocol: 6
      RuleAction: allow
      Egress: false
      CidrBlock: 0.0.0.0/0
      PortRange:
        From: 443
        To: 443
"##,
            },
        ],
    },
    check,
};

fn admin(r: &Ingress) -> Tri {
    match (r.covers_port(22.0), r.covers_port(3389.0)) {
        (Tri::Yes, _) | (_, Tri::Yes) => Tri::Yes,
        (Tri::No, Tri::No) => Tri::No,
        _ => Tri::Unknown,
    }
}

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    check_public(
        res,
        "ingress",
        "remote administration (port 22 or 3389)",
        admin,
    )
}
