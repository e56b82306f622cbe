//! Security groups do not admit all traffic from the whole internet.

use rampart_model::{Resource, Severity};

use crate::aws::vpc::{check_public_ingress, Ingress, Tri, INGRESS_KINDS};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-VPC-003",
        name: "sg-no-public-all-traffic",
        title: "Security groups do not allow all ports or protocols from 0.0.0.0/0 or ::/0",
        severity: Severity::Critical,
        kinds: INGRESS_KINDS,
        frameworks: &[
            "cis-aws:5.2",
            "cis-aws:5.3",
            "soc2:CC6.6",
            "soc2:CC6.1",
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
            "ENG-POL-003-SOC2:3.2",
            "ENG-POL-003-HIPAA:3.3.1",
            "CSF:3",
            "SIAC:6.2",
            "SIAC:6.3",
        ],
        aliases: &["CKV_AWS_277", "AVD-AWS-0107"],
        description: "Fails for any ingress rule (inline or `dynamic` `ingress` blocks of \
            `aws_security_group` or `aws_default_security_group`, `aws_security_group_rule` \
            of type `ingress`, \
            `aws_vpc_security_group_ingress_rule`) whose source is 0.0.0.0/0 or ::/0 and \
            which admits every protocol (`protocol`/`ip_protocol` = `-1` or `all`) or the \
            whole TCP/UDP port range 0-65535.",
        rationale: "An all-traffic rule from the internet removes the security group as a \
            control altogether: every service listening on the instance, including ones \
            nobody meant to publish (databases, admin consoles, metadata proxies), becomes \
            reachable by anyone.",
        remediation: "Replace the rule with rules for the specific ports the service needs, \
            and restrict their sources to known networks where possible.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_security_group" "open" {
  name = "open"
  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_vpc_security_group_ingress_rule" "all" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv6         = "::/0"
  ip_protocol       = "-1"
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_security_group_rule" "all_tcp" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/8"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web servers
      VpcId: vpc-0123456789abcdef0
      SecurityGroupIngress:
        - IpProtocol: -1
          FromPort: 0
          ToPort: 0
          CidrIp: 0.0.0.0/0
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web servers
      VpcId: vpc-0123456789abcdef0
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
"##,
            },
        ],
    },
    check,
};

fn everything(r: &Ingress) -> Tri {
    match r.all_protocols() {
        Tri::Yes => Tri::Yes,
        Tri::Unknown => Tri::Unknown,
        Tri::No => match r.ports {
            Some((from, to)) if from <= 0.0 && to >= 65535.0 => Tri::Yes,
            Some(_) => Tri::No,
            None => Tri::Unknown,
        },
    }
}

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    check_public_ingress(res, "all traffic", everything)
}
