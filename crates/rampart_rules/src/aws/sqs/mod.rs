//! Amazon SQS rules.

pub mod queue_encryption;
