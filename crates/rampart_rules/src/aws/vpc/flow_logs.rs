//! Every VPC has flow logs.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-VPC-005",
        name: "vpc-flow-logs-enabled",
        title: "VPCs have flow logs enabled",
        severity: Severity::Medium,
        kinds: &["aws_vpc"],
        frameworks: &[
            "cis-aws:3.7",
            "soc2:CC7.2",
            "hipaa:164.312(b)",
            "iso27001:A.8.15",
            "iso27001:A.8.16",
            "nist-csf:DE.CM-01",
            "nist-csf:PR.PS-04",
            "pci-dss:10.2.1",
            "cis-controls:8.2",
            "cis-controls:13.6",
            "nis2:21.2.b",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.2",
            "ENG-POL-003-HIPAA:3.3.2",
            "ENG-POL-003-HIPAA:3.8.1",
            "CSF:4",
            "SIAC:9.1",
        ],
        aliases: &["CKV2_AWS_11", "AVD-AWS-0178"],
        description: "Checks that every `aws_vpc` is the subject of an `aws_flow_log` whose \
            `vpc_id` refers to it (by reference or by a matching literal id).",
        rationale: "Flow logs are the record of who talked to what inside the network. \
            Without them there is no way to scope an intrusion, spot exfiltration or confirm \
            that segmentation works, and several frameworks require network activity to be \
            logged.",
        remediation: "Add an `aws_flow_log` with `vpc_id` set to the VPC's id, a \
            `traffic_type` (preferably `ALL`) and a CloudWatch Logs or S3 destination.",
        examples: &[
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

resource "aws_s3_bucket" "flow" {
  bucket = "acme-flow-logs"
}

resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = aws_s3_bucket.flow.arn
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
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Network:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  NetworkFlowLog:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceType: VPC
      ResourceId: !Ref Network
      TrafficType: ALL
      LogDestinationType: s3
      LogDestination: arn:aws:s3:::acme-flow-logs
"##,
            },
        ],
    },
    check,
};

fn check(vpc: &Resource, ctx: &Ctx) -> Vec<Check> {
    let logs = ctx.linked(vpc, "aws_flow_log", "vpc_id", &["id"]);
    match logs.first() {
        Some(l) => vec![Check::pass(
            l.span,
            format!("flow log `{}` records this VPC", l.address),
        )],
        None => vec![Check::fail(
            vpc.span,
            "no `aws_flow_log` refers to this VPC",
        )],
    }
}
