//! AWS Config rules.

pub mod recorder_all_resources;
