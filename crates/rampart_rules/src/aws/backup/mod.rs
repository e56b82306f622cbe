//! AWS Backup rules.

pub mod vault_customer_key;
