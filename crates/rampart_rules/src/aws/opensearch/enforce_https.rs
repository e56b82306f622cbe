//! OpenSearch domains accept HTTPS only.

use rampart_model::{Resource, Severity};

use crate::aws::opensearch::DOMAINS;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-OPENSEARCH-003",
        name: "opensearch-enforce-https",
        title: "OpenSearch domains accept HTTPS only",
        severity: Severity::High,
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
        aliases: &["CKV_AWS_83", "AVD-AWS-0046"],
        description: "Checks that the domain's `domain_endpoint_options` sets `enforce_https` \
            to true. Without the block, the domain is created with AWS's setting (HTTP \
            allowed); inside the block, a left-out `enforce_https` takes the provider's \
            default of true.",
        rationale: "If the endpoint also answers plain HTTP, clients that get the URL wrong \
            send queries, documents and credentials (basic auth or signed headers) in clear \
            text.",
        remediation: "Add `domain_endpoint_options { enforce_https = true, tls_security_policy \
            = \"Policy-Min-TLS-1-2-2019-07\" }`.",
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
  domain_endpoint_options {
    enforce_https = false
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
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
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
        EnforceHTTPS: false
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
"##,
            },
        ],
    },
    check,
};

fn check(domain: &Resource, _ctx: &Ctx) -> Vec<Check> {
    const P: &str = "domain_endpoint_options.enforce_https";
    if domain.body.block("domain_endpoint_options").is_none() {
        return vec![Check::fail(
            domain.span,
            "no `domain_endpoint_options` block: the domain is created without HTTPS \
             enforcement, so it also answers plain HTTP",
        )
        .at(P)];
    }
    vec![expect_flag(
        &domain.body,
        domain.span,
        P,
        true,
        true,
        "HTTPS enforcement",
    )]
}
