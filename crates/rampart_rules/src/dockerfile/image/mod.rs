//! Base images named in `FROM`.

pub mod from_digest;
pub mod from_tag;

use rampart_model::Resource;

use crate::rule::Check;

/// `FROM scratch` and `FROM <earlier stage>` pin nothing and need nothing;
/// an image left with an unresolved `${ARG}` cannot be judged.
pub fn skip(from: &Resource) -> Option<Check> {
    let b = |k: &str| from.body.value(k).and_then(|v| v.as_bool()) == Some(true);
    if b("is_scratch") {
        return Some(Check::not_applicable(
            from.span,
            "`FROM scratch` has no base image",
        ));
    }
    if b("is_stage_ref") {
        return Some(Check::not_applicable(
            from.span,
            "builds on an earlier stage of this file",
        ));
    }
    if b("unresolved") {
        return Some(Check::unknown(
            from.span,
            "the image comes from a build argument without a default",
        ));
    }
    None
}
