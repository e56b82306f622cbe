//! Amazon S3 rules, and the bucket view shared by them: a bucket's settings may
//! be written inline (provider v3 style) or in their own resources that
//! reference the bucket (provider v4+); both count for the bucket.

pub mod bucket_versioning;
pub mod public_access_block;

use rampart_model::{Block, Resource};

use crate::ctx::Ctx;

/// Split v4+ resources of `kind` that configure `bucket`.
pub fn split<'a>(ctx: &Ctx<'a>, bucket: &Resource, kind: &str) -> Vec<&'a Resource> {
    ctx.linked(bucket, kind, "bucket", &["bucket", "id"])
}

/// The first inline block of `kind` on the bucket, if any.
pub fn inline<'a>(bucket: &'a Resource, kind: &str) -> Option<&'a Block> {
    bucket.body.block(kind)
}
