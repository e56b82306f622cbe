//! Actions and reusable workflows referenced with `uses:`.

pub mod pinned_sha;
