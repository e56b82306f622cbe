//! Rules for GitHub Actions workflows.

pub mod actions;
