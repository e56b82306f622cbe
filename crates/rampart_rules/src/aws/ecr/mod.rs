//! Amazon ECR rules.

pub mod immutable_tags;
pub mod scan_on_push;
