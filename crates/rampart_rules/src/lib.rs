//! Built-in rules.
//!
//! One rule per file under `src/<provider>/<service>/<rule>.rs`. Each file
//! defines a `pub static RULE: Rule` holding the rule's metadata, its
//! documentation, pass/fail examples (run as tests) and its check function.
//! [`registry::ALL`] lists every rule; a test keeps that list in step with the
//! files on disk.
//!
//! Rules read only the canonical model ([`rampart_model::Resource`] in the
//! Terraform AWS provider's vocabulary) through a [`Ctx`] that also answers
//! cross-resource questions (which `aws_s3_bucket_versioning` points at this
//! bucket?). They do no I/O.

pub mod aws;
pub mod ctx;
pub mod dockerfile;
pub mod github;
pub mod kubernetes;
pub mod registry;
pub mod rule;
pub mod terraform;
pub mod util;

pub use ctx::Ctx;
pub use registry::{all, find};
pub use rule::{Check, Example, ExampleFormat, Rule, RuleMeta};
