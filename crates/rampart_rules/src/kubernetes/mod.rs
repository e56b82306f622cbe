//! Rules for Kubernetes manifests.

pub mod images;
pub mod pods;
