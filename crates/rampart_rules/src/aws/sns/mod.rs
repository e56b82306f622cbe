//! Amazon SNS rules.

pub mod topic_encryption;
