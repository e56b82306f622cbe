//! Amazon ElastiCache rules.

pub mod at_rest_encryption;
pub mod in_transit_encryption;
pub mod snapshot_retention;
