//! OpenSearch domains encrypt traffic between nodes.

use rampart_model::{Resource, Severity};

use crate::aws::opensearch::DOMAINS;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-OPENSEARCH-002",
        name: "opensearch-node-to-node-encryption",
        title: "OpenSearch domains encrypt traffic between nodes",
        severity: Severity::Medium,
        kinds: DOMAINS,
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
        aliases: &["CKV_AWS_6", "AVD-AWS-0043"],
        description: "Checks that OpenSearch and Elasticsearch domains have a \
            `node_to_node_encryption` block with `enabled = true`. Without it the provider \
            default is false.",
        rationale: "Nodes of a domain replicate shards and forward queries to each other. \
            Without node-to-node TLS that traffic, including every indexed document, crosses \
            the VPC in clear text.",
        remediation: "Add `node_to_node_encryption { enabled = true }`; it requires Elasticsearch \
            6.0 or later, or any OpenSearch version.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"
  node_to_node_encryption {
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
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainName: search
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainName: search
      NodeToNodeEncryptionOptions:
        Enabled: true
"##,
            },
        ],
    },
    check,
};

fn check(domain: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_flag(
        &domain.body,
        domain.span,
        "node_to_node_encryption.enabled",
        true,
        false,
        "node-to-node encryption",
    )]
}
