//! ElastiCache Redis/Valkey caches keep automatic snapshots.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-ELASTICACHE-003",
        name: "elasticache-snapshot-retention",
        title: "ElastiCache Redis and Valkey caches keep automatic snapshots",
        severity: Severity::Low,
        kinds: &[
            "aws_elasticache_replication_group",
            "aws_elasticache_cluster",
        ],
        frameworks: &[
            "soc2:A1.2",
            "hipaa:164.308(a)(7)(ii)(A)",
            "iso27001:A.8.13",
            "nist-csf:PR.DS-11",
            "cis-controls:11.2",
            "nis2:21.2.c",
        ],
        policies: &["ENG-POL-003-HIPAA:3.7.1", "ENG-POL-003-SOC2:3.5"],
        aliases: &["AVD-AWS-0050"],
        description: "Checks that `snapshot_retention_limit` is greater than 0 on replication \
            groups and on Redis/Valkey cache clusters, so ElastiCache takes daily snapshots. \
            The provider default is 0 (no snapshots). Memcached clusters cannot be snapshotted \
            and cache clusters that belong to a replication group inherit its setting: both \
            are NotApplicable.",
        rationale: "Caches used as primary stores for sessions, queues or leaderboards lose \
            everything when a node or the whole group fails without a snapshot to restore \
            from. Daily snapshots make recovery possible at negligible cost.",
        remediation: "Set `snapshot_retention_limit` to the number of days to keep (for \
            example 7) and a `snapshot_window` outside peak hours.",
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
            Example::tf_fail(
                r#"resource "aws_elasticache_cluster" "cache" {
  cluster_id      = "cache"
  engine          = "redis"
  node_type       = "cache.t4g.micro"
  num_cache_nodes = 1
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id     = "sessions"
  description              = "user sessions"
  node_type                = "cache.t4g.small"
  num_cache_clusters       = 2
  snapshot_retention_limit = 7
  snapshot_window          = "03:00-04:00"
}

resource "aws_elasticache_cluster" "memcached" {
  cluster_id      = "pages"
  engine          = "memcached"
  node_type       = "cache.t4g.micro"
  num_cache_nodes = 2
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
      SnapshotRetentionLimit: 7
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    const P: &str = "snapshot_retention_limit";
    if res.kind == "aws_elasticache_cluster" {
        if let Field::Known(v, a) = field(&res.body, "engine") {
            if v.as_str() == Some("memcached") {
                return vec![Check::not_applicable(
                    a.span,
                    "Memcached clusters do not support snapshots",
                )
                .at(P)];
            }
        }
        if let Some(a) = res
            .body
            .attr("replication_group_id")
            .filter(|a| !a.value.is_null())
        {
            return vec![Check::not_applicable(
                a.span,
                "this cache cluster takes its snapshot settings from its replication group",
            )
            .at(P)];
        }
    }
    let c = match field(&res.body, P) {
        Field::Known(v, a) => match v.as_f64() {
            Some(n) if n > 0.0 => Check::pass(
                a.span,
                format!("automatic snapshots are kept for {n} day(s)"),
            ),
            Some(_) => Check::fail(a.span, "automatic snapshots are turned off (0 days)"),
            None => Check::unknown(a.span, format!("`{P}` is not a number")),
        },
        Field::Unknown(a) => Check::unknown(a.span, format!("`{P}` is known only after apply")),
        Field::Missing => Check::fail(
            res.span,
            format!(
                "`{P}` is not set; the AWS provider 5.x default is 0, so no snapshots are taken"
            ),
        ),
    };
    vec![c.at(P)]
}
