//! Amazon DocumentDB rules.

pub mod cluster_customer_key;
pub mod cluster_storage_encrypted;
