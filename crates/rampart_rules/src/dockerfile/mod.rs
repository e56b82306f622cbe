//! Rules for Dockerfiles.

pub mod image;
