//! AWS Lambda rules.

pub mod env_encrypted_cmk;
pub mod xray_tracing;
