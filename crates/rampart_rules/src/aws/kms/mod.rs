//! AWS KMS rules, and the helper other services use to judge which key
//! encrypts them: a customer managed key (declared here, looked up by a data
//! source, or given by ARN) or an AWS managed key (`alias/aws/<service>`).

pub mod key_policy_wildcard;
pub mod key_rotation;

use rampart_model::{resource::ref_matches, Block, Resource, ResourceMode, Value};

use crate::ctx::Ctx;
use crate::rule::Check;
use crate::util::{field, missing_span, Field};

/// What a key reference turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum KeyRef {
    /// A customer managed key; the text says which.
    Customer(String),
    /// An AWS managed key (`alias/aws/...`); the text names it.
    AwsManaged(String),
    /// Cannot tell before apply.
    Unknown,
}

/// True for the names AWS reserves for its managed keys.
pub fn is_aws_managed_alias(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("alias/aws/") || s.contains(":alias/aws/")
}

/// Classify a key id, ARN or alias: a known string is judged by its text; a
/// value known only after apply by the resource it comes from.
pub fn classify(value: &Value, refs: &[String], ctx: &Ctx) -> KeyRef {
    if let Some(s) = value.as_str() {
        return if is_aws_managed_alias(s) {
            KeyRef::AwsManaged(s.to_string())
        } else {
            KeyRef::Customer(format!("`{s}`"))
        };
    }
    let mut all: Vec<String> = refs.to_vec();
    value.unknown_refs(&mut all);
    for r in &all {
        let target = ctx.resources().iter().find(|x| ref_matches(r, &x.address));
        let Some(t) = target else {
            // Not in this configuration: judge by the reference's text.
            if !r.starts_with("data.") && !r.contains(".data.") && r.contains("aws_kms_") {
                return KeyRef::Customer(format!("the key `{r}`"));
            }
            continue;
        };
        match (t.mode, t.kind.as_str()) {
            (
                ResourceMode::Managed,
                "aws_kms_key"
                | "aws_kms_replica_key"
                | "aws_kms_external_key"
                | "aws_kms_replica_external_key"
                | "aws_kms_alias",
            ) => return KeyRef::Customer(format!("the key managed by `{}`", t.address)),
            (ResourceMode::Data, "aws_kms_key") => {
                return by_name(t, "key_id");
            }
            (ResourceMode::Data, "aws_kms_alias") => {
                return by_name(t, "name");
            }
            _ => {}
        }
    }
    KeyRef::Unknown
}

fn by_name(data: &Resource, attr: &str) -> KeyRef {
    match data.body.value(attr).and_then(Value::as_str) {
        Some(s) if is_aws_managed_alias(s) => KeyRef::AwsManaged(s.to_string()),
        Some(s) => KeyRef::Customer(format!("`{s}` (looked up by `{}`)", data.address)),
        None => KeyRef::Unknown,
    }
}

/// The check "`path` of `b` names a customer managed key". `what` names the
/// protected thing; `when_missing` says what happens without the attribute
/// (for example "the AWS managed key `aws/sns` is used").
pub fn expect_customer_key(
    res: &Resource,
    ctx: &Ctx,
    b: &Block,
    path: &str,
    what: &str,
    when_missing: &str,
) -> Check {
    let c = match field(b, path) {
        Field::Missing => Check::fail(
            missing_span(b, path, res.span),
            format!("{what}: `{path}` is not set, so {when_missing}"),
        ),
        Field::Known(v, a) if v.as_str().is_some_and(|s| s.trim().is_empty()) => Check::fail(
            a.span,
            format!("{what}: `{path}` is empty, so {when_missing}"),
        ),
        Field::Known(v, a) => judge(v, a, ctx, what, path),
        Field::Unknown(a) => {
            let v = b.lookup(path).map(|l| l.value).unwrap_or(&a.value);
            judge(v, a, ctx, what, path)
        }
    };
    c.at(path)
}

fn judge(v: &Value, a: &rampart_model::Attr, ctx: &Ctx, what: &str, path: &str) -> Check {
    match classify(v, &a.refs, ctx) {
        KeyRef::Customer(k) => Check::pass(a.span, format!("{what}: encrypted with {k}")),
        KeyRef::AwsManaged(k) => Check::fail(
            a.span,
            format!("{what}: `{path}` names the AWS managed key `{k}`, not a customer managed key"),
        ),
        KeyRef::Unknown => Check::unknown(
            a.span,
            format!("{what}: the key in `{path}` is known only after apply"),
        ),
    }
}
