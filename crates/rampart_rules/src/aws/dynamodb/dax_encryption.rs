//! DAX clusters encrypt data at rest.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-DYNAMODB-003",
        name: "dax-cluster-encryption",
        title: "DynamoDB Accelerator (DAX) clusters encrypt data at rest",
        severity: Severity::High,
        kinds: &["aws_dax_cluster"],
        frameworks: &[
            "soc2:CC6.1",
            "hipaa:164.312(a)(2)(iv)",
            "iso27001:A.8.24",
            "nist-csf:PR.DS-01",
            "pci-dss:3.5.1",
            "cis-controls:3.11",
            "nis2:21.2.h",
        ],
        policies: &[
            "OP-POL-001:3.1",
            "ENG-POL-003-HIPAA:3.4.1",
            "ENG-POL-003-SOC2:3.2",
            "SIAC:7.3",
        ],
        aliases: &["CKV_AWS_47", "AVD-AWS-0023"],
        description: "Checks that every `aws_dax_cluster` has a `server_side_encryption` block \
            with `enabled = true`. Without it the provider default is false.",
        rationale: "DAX caches items read from encrypted DynamoDB tables. Without at-rest \
            encryption those copies, and the cluster's logs and configuration data, are \
            stored in clear text, undoing the table's encryption.",
        remediation: "Add `server_side_encryption { enabled = true }` (a new cluster is \
            needed: the setting cannot change in place).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_dax_cluster" "cache" {
  cluster_name       = "cache"
  iam_role_arn       = "arn:aws:iam::111122223333:role/dax"
  node_type          = "dax.r5.large"
  replication_factor = 3
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_dax_cluster" "cache" {
  cluster_name       = "cache"
  iam_role_arn       = "arn:aws:iam::111122223333:role/dax"
  node_type          = "dax.r5.large"
  replication_factor = 3
  server_side_encryption {
    enabled = true
  }
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cache:
    Type: AWS::DAX::Cluster
    Properties:
      NodeType: dax.r5.large
      ReplicationFactor: 3
      IAMRoleARN: arn:aws:iam::111122223333:role/dax
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cache:
    Type: AWS::DAX::Cluster
    Properties:
      NodeType: dax.r5.large
      ReplicationFactor: 3
      IAMRoleARN: arn:aws:iam::111122223333:role/dax
      SSESpecification:
        SSEEnabled: true
"##,
            },
        ],
    },
    check,
};

fn check(cluster: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_flag(
        &cluster.body,
        cluster.span,
        "server_side_encryption.enabled",
        true,
        false,
        "at-rest encryption",
    )]
}
