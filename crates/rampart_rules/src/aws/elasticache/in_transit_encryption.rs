//! ElastiCache replication groups encrypt data in transit.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-ELASTICACHE-002",
        name: "elasticache-in-transit-encryption",
        title: "ElastiCache replication groups encrypt data in transit",
        severity: Severity::High,
        kinds: &["aws_elasticache_replication_group"],
        frameworks: &[
            "soc2:CC6.7",
            "hipaa:164.312(e)(1)",
            "hipaa:164.312(e)(2)(ii)",
            "iso27001:A.8.24",
            "nist-csf:PR.DS-02",
            "pci-dss:4.2.1",
            "cis-controls:3.10",
            "nis2:21.2.h",
        ],
        policies: &[
            "OP-POL-001:3.1",
            "ENG-POL-003-HIPAA:3.4.1",
            "ENG-POL-003-SOC2:3.2",
            "SIAC:6.3",
        ],
        aliases: &["CKV_AWS_30", "AVD-AWS-0051"],
        description: "Checks that `transit_encryption_enabled` is true on every \
            `aws_elasticache_replication_group`, so clients and replicas talk TLS. The AWS \
            provider 5.x default is false.",
        rationale: "Without TLS, cached data, commands and the AUTH token cross the network in \
            clear text, where anything on the path (a compromised host in the VPC, mirrored \
            traffic) can read or alter them.",
        remediation: "Set `transit_encryption_enabled = true` (with `transit_encryption_mode = \
            \"required\"` once all clients use TLS) and add an `auth_token` or RBAC user \
            group.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_elasticache_replication_group" "queue" {
  replication_group_id = "queue"
  description          = "job queue"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_elasticache_replication_group" "queue" {
  replication_group_id       = "queue"
  description                = "job queue"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  transit_encryption_enabled = false
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_elasticache_replication_group" "queue" {
  replication_group_id       = "queue"
  description                = "job queue"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  transit_encryption_enabled = true
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Sessions:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: sessions
      Engine: redis
      CacheNodeType: cache.t3.micro
      NumCacheClusters: 2
      AtRestEncryptionEnabled: true
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Sessions:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: sessions
      Engine: redis
      CacheNodeType: cache.t3.micro
      NumCacheClusters: 2
      TransitEncryptionEnabled: true
"##,
            },
        ],
    },
    check,
};

fn check(rg: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_flag(
        &rg.body,
        rg.span,
        "transit_encryption_enabled",
        true,
        false,
        "in-transit encryption",
    )]
}
