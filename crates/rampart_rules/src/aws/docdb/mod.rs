//! Amazon DocumentDB rules.

pub mod cluster_storage_encrypted;
