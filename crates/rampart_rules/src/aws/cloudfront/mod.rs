//! Amazon CloudFront rules.

pub mod access_logging;
pub mod minimum_tls;
pub mod viewer_https;
pub mod waf;
