//! Amazon CloudFront rules.

pub mod minimum_tls;
pub mod viewer_https;
