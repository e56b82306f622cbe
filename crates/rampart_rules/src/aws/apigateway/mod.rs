//! Amazon API Gateway rules.

pub mod domain_tls;
pub mod stage_access_logging;
pub mod stage_xray;
