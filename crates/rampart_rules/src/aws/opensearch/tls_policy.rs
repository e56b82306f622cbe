//! OpenSearch domains require TLS 1.2 or later.

use rampart_model::{Resource, Severity};

use crate::aws::opensearch::DOMAINS;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_str;

/// The AWS-side default when no policy is given.
const AWS_DEFAULT: &str = "Policy-Min-TLS-1-0-2019-07";

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-OPENSEARCH-004",
        name: "opensearch-tls-1-2",
        title: "OpenSearch domains require TLS 1.2 or later",
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
        aliases: &["CKV_AWS_228", "AVD-AWS-0126"],
        description: "Checks that `domain_endpoint_options.tls_security_policy` is a TLS 1.2 \
            minimum policy (`Policy-Min-TLS-1-2-2019-07`, `Policy-Min-TLS-1-2-PFS-2023-10`, or \
            later 1.2/1.3 policies). Left out, AWS applies `Policy-Min-TLS-1-0-2019-07`, which \
            still accepts TLS 1.0 and 1.1.",
        rationale: "TLS 1.0 and 1.1 rely on outdated constructions and cipher suites, are \
            deprecated by RFC 8996, and are not accepted as strong cryptography by PCI DSS. \
            Allowing them lets a downgrade expose traffic that should be protected.",
        remediation: "Set `tls_security_policy = \"Policy-Min-TLS-1-2-PFS-2023-10\"` (or \
            `Policy-Min-TLS-1-2-2019-07`) in `domain_endpoint_options`.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"
  domain_endpoint_options {
    enforce_https = true
  }
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
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
      DomainEndpointOptions:
        EnforceHTTPS: true
        TLSSecurityPolicy: Policy-Min-TLS-1-0-2019-07
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
      DomainEndpointOptions:
        EnforceHTTPS: true
        TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07
"##,
            },
        ],
    },
    check,
};

/// TLS 1.2 (or newer) minimum policies, present and future.
fn modern(policy: &str) -> bool {
    policy.starts_with("Policy-Min-TLS-1-2") || policy.starts_with("Policy-Min-TLS-1-3")
}

fn check(domain: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_str(
        &domain.body,
        domain.span,
        "domain_endpoint_options.tls_security_policy",
        modern,
        Some(AWS_DEFAULT),
        "minimum TLS version",
    )]
}
