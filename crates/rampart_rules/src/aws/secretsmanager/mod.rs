//! AWS Secrets Manager rules.

pub mod customer_key;
pub mod rotation;
