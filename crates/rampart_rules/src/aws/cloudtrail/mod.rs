//! AWS CloudTrail rules.

pub mod cloudwatch_integration;
pub mod kms_encryption;
pub mod log_file_validation;
pub mod multi_region;
