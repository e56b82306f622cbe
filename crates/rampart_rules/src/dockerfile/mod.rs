//! Rules for Dockerfiles.

pub mod hardening;
pub mod image;
