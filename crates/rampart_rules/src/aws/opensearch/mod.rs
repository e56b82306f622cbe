//! Amazon OpenSearch Service rules (`aws_opensearch_domain` and the older
//! `aws_elasticsearch_domain`, which share these settings).

pub mod encrypt_at_rest;
pub mod enforce_https;
pub mod node_to_node_encryption;
pub mod tls_policy;

/// The domain resource kinds.
pub const DOMAINS: &[&str] = &["aws_opensearch_domain", "aws_elasticsearch_domain"];
