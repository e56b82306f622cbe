//! Amazon EKS rules.

pub mod control_plane_logging;
pub mod no_public_endpoint;
pub mod public_access_cidrs;
pub mod secrets_encryption;
