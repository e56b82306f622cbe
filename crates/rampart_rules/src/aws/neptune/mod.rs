//! Amazon Neptune rules.

pub mod cluster_storage_encrypted;
