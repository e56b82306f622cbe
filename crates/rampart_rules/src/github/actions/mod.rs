//! Actions and reusable workflows referenced with `uses:`, and `run:` scripts.

pub mod pinned_sha;
pub mod script_injection;
