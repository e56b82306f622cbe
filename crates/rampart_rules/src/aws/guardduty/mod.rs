//! Amazon GuardDuty rules.

pub mod detector_enabled;
