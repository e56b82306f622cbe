//! OpenSearch domains encrypt data at rest.

use rampart_model::{Resource, Severity};

use crate::aws::opensearch::DOMAINS;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-OPENSEARCH-001",
        name: "opensearch-encrypt-at-rest",
        title: "OpenSearch domains encrypt data at rest",
        severity: Severity::High,
        kinds: DOMAINS,
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
        aliases: &["CKV_AWS_5", "AVD-AWS-0048"],
        description: "Checks that OpenSearch and Elasticsearch domains have an \
            `encrypt_at_rest` block with `enabled = true`. Without the block the provider \
            default is false.",
        rationale: "Search domains hold indexed copies of logs, documents and customer \
            records. At-rest encryption covers indices, swap, logs and automated snapshots, \
            so the data stays protected outside the running cluster.",
        remediation: "Add `encrypt_at_rest { enabled = true }` (with `kms_key_id` for a \
            customer managed key).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_elasticsearch_domain" "legacy" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"
  encrypt_at_rest {
    enabled = false
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"
  encrypt_at_rest {
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
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Search:
    Type: AWS::Elasticsearch::Domain
    Properties:
      DomainName: search
      EncryptionAtRestOptions:
        Enabled: false
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
      EncryptionAtRestOptions:
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
        "encrypt_at_rest.enabled",
        true,
        false,
        "encryption at rest",
    )]
}
