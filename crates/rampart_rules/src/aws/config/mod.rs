//! AWS Config rules.

pub mod aggregator_all_regions;
pub mod recorder_all_resources;
