//! Container images of workloads.

pub mod image_version;
