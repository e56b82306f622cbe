//! Rules for Amazon Web Services.

pub mod s3;
