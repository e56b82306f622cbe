//! Rules for Kubernetes manifests.

pub mod images;
