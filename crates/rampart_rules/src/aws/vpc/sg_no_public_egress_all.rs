//! Security groups do not allow all outbound traffic to the whole internet.

use rampart_model::{Resource, Severity};

use crate::aws::vpc::{check_public, EGRESS_KINDS};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-VPC-006",
        name: "sg-no-public-egress-all-traffic",
        title: "Security groups do not allow all traffic out to 0.0.0.0/0 or ::/0",
        severity: Severity::Low,
        kinds: EGRESS_KINDS,
        frameworks: &[
            "soc2:CC6.6",
            "hipaa:164.312(e)(1)",
            "iso27001:A.8.20",
            "iso27001:A.8.22",
            "nist-csf:PR.IR-01",
            "pci-dss:1.3.2",
            "cis-controls:4.4",
            "cis-controls:13.4",
            "nis2:21.2.e",
        ],
        policies: &[
            "ENG-POL-003-HIPAA:3.3.1",
            "ENG-POL-003-SOC2:3.2",
            "CSF:3",
            "SIAC:6.2",
        ],
        aliases: &["CKV_AWS_382", "AVD-AWS-0104"],
        description: "Fails for an egress rule (an `egress` block of `aws_security_group` or \
            `aws_default_security_group`, an \
            `aws_security_group_rule` of type `egress`, an \
            `aws_vpc_security_group_egress_rule`) that allows every protocol (`-1`) to \
            0.0.0.0/0 or ::/0. A security group declared in Terraform without `egress` blocks \
            has no outbound rules at all (Terraform removes AWS's default allow-all rule), so \
            it passes.",
        rationale: "Unrestricted egress is what lets compromised workloads download tooling, \
            reach command-and-control servers and exfiltrate data on any port. Naming the \
            destinations and ports a workload needs turns those steps into blocked, logged \
            connections.",
        remediation: "Replace the allow-all rule with rules for the ports and destinations \
            the workload needs (for example HTTPS to the internet through a proxy or NAT, \
            database ports to the data subnets, VPC endpoints for AWS services).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_security_group" "app" {
  name = "app"
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv6         = "::/0"
  ip_protocol       = "-1"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_security_group" "app" {
  name = "app"
  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/8"]
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
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
      SecurityGroupEgress:
        - IpProtocol: '-1'
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
      SecurityGroupEgress:
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

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    check_public(res, "egress", "all traffic", |r| r.all_protocols())
}

#[cfg(test)]
mod tests {
    use rampart_model::Status;

    use crate::aws::vpc::testing::only;

    #[test]
    fn ingress_rules_are_not_applicable() {
        let code = r#"
resource "aws_security_group_rule" "i" {
  type              = "ingress"
  security_group_id = "sg-1"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
}
"#;
        assert_eq!(only(&super::RULE, code), Status::NotApplicable);
    }
}
