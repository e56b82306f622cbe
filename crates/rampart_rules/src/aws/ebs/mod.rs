//! Amazon EBS rules.

pub mod encryption_by_default;
pub mod volume_encrypted;
