//! ElastiCache replication groups encrypt data at rest.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-ELASTICACHE-001",
        name: "elasticache-at-rest-encryption",
        title: "ElastiCache replication groups encrypt data at rest",
        severity: Severity::High,
        kinds: &["aws_elasticache_replication_group"],
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
        aliases: &["CKV_AWS_29", "AVD-AWS-0045"],
        description: "Checks that `at_rest_encryption_enabled` is true on every \
            `aws_elasticache_replication_group` (Redis OSS or Valkey). The AWS provider 5.x \
            default is false.",
        rationale: "Caches often hold session tokens, personal data and query results copied \
            from encrypted databases. At-rest encryption protects what Redis writes to disk: \
            swap, backups and snapshots exported to S3.",
        remediation: "Set `at_rest_encryption_enabled = true` (and `kms_key_id` for a \
            customer managed key). Existing groups must be recreated, for example from a \
            backup.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "user sessions"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "user sessions"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
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
      TransitEncryptionEnabled: true
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
      AtRestEncryptionEnabled: true
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
        "at_rest_encryption_enabled",
        true,
        false,
        "at-rest encryption",
    )]
}
