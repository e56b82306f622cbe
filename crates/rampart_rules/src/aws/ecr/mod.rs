//! Amazon ECR rules.

pub mod immutable_tags;
pub mod kms_encryption;
pub mod scan_on_push;
