//! EC2 rules (instances, launch templates, launch configurations), and the
//! block-device and metadata-service views shared by them.

pub mod instance_ebs_encrypted;
pub mod instance_imdsv2;
pub mod instance_no_public_ip;
pub mod launch_configuration_encrypted;
pub mod launch_configuration_no_public_ip;
pub mod launch_template_encrypted;
pub mod launch_template_imdsv2;

use rampart_model::{Block, Resource, Span, Status};

use crate::ctx::Ctx;
use crate::rule::Check;
use crate::util::{field, Field};

/// An `aws_ebs_encryption_by_default` in the configuration that turns
/// account-level default encryption on (`enabled` defaults to true).
pub fn default_encryption<'a>(ctx: &Ctx<'a>) -> Option<&'a Resource> {
    ctx.of_kind("aws_ebs_encryption_by_default")
        .find(|r| field(&r.body, "enabled").bool().unwrap_or(true))
}

/// Judge one block device (`root_block_device`, an `ebs_block_device`, a launch
/// template mapping's `ebs`): `encrypted` must be true (provider default false).
/// `label` names the device in messages.
pub fn device(b: &Block, label: &str, ctx: &Ctx) -> Check {
    match field(b, "encrypted") {
        Field::Known(v, a) => match v.as_bool() {
            Some(true) => Check::pass(a.span, format!("{label} is encrypted")),
            Some(false) => Check::fail(a.span, format!("{label} sets `encrypted = false`")),
            None => Check::unknown(a.span, format!("{label}: `encrypted` is not a boolean")),
        },
        Field::Unknown(a) => Check::unknown(
            a.span,
            format!("{label}: `encrypted` is known only after apply"),
        ),
        Field::Missing => {
            if let Some(d) = default_encryption(ctx) {
                return Check::pass(
                    b.span,
                    format!(
                        "{label} does not set `encrypted`, but account-level EBS encryption by \
                         default (`{}`) encrypts it",
                        d.address
                    ),
                );
            }
            if b.value("snapshot_id").is_some() {
                return Check::unknown(
                    b.span,
                    format!(
                        "{label} does not set `encrypted`; it takes the encryption of its \
                         snapshot, which the configuration does not show"
                    ),
                );
            }
            Check::fail(
                b.span,
                format!("{label} does not set `encrypted`; the AWS provider 5.x default is false"),
            )
        }
    }
}

/// The root volume when no block describes it: it comes from the AMI.
pub fn implicit_root(res: &Resource, ctx: &Ctx, what: &str) -> Check {
    match default_encryption(ctx) {
        Some(d) => Check::pass(
            res.span,
            format!(
                "no {what} is declared, but account-level EBS encryption by default (`{}`) \
                 encrypts the root volume",
                d.address
            ),
        ),
        None => Check::fail(
            res.span,
            format!(
                "no {what} is declared: the root volume is created from the AMI's snapshot \
                 and is not encrypted unless that snapshot is"
            ),
        ),
    }
}

/// Collapse per-device results: every failure, else every unknown, else one pass.
pub fn summarize(checks: Vec<Check>, span: Span, pass_msg: &str) -> Vec<Check> {
    let fails: Vec<Check> = checks
        .iter()
        .filter(|c| c.status == Status::Fail)
        .cloned()
        .collect();
    if !fails.is_empty() {
        return fails;
    }
    let unknown: Vec<Check> = checks
        .iter()
        .filter(|c| c.status == Status::Unknown)
        .cloned()
        .collect();
    if !unknown.is_empty() {
        return unknown;
    }
    match checks.len() {
        1 => checks,
        _ => vec![Check::pass(span, pass_msg)],
    }
}

/// IMDSv2: `metadata_options.http_tokens` must be `required`, unless the
/// metadata endpoint is switched off altogether.
pub fn imds(res: &Resource) -> Check {
    let endpoint = field(&res.body, "metadata_options.http_endpoint");
    if let Field::Known(v, a) = endpoint {
        if v.as_str() == Some("disabled") {
            return Check::pass(a.span, "the instance metadata service is disabled")
                .at("metadata_options.http_endpoint");
        }
    }
    let path = "metadata_options.http_tokens";
    let c = match field(&res.body, path) {
        Field::Known(v, a) => match v.as_str() {
            Some("required") => Check::pass(a.span, "IMDSv2 is required (`http_tokens = \"required\"`)"),
            Some(s) => Check::fail(
                a.span,
                format!("`http_tokens` is \"{s}\": IMDSv1 requests without a session token are accepted"),
            ),
            None => Check::unknown(a.span, "`http_tokens` is not a string"),
        },
        Field::Unknown(a) => Check::unknown(a.span, "`http_tokens` is known only after apply"),
        Field::Missing => Check::fail(
            res.body.block("metadata_options").map(|b| b.span).unwrap_or(res.span),
            "`metadata_options.http_tokens` is not set; the AWS provider 5.x default is \
             \"optional\" (unless the AMI is marked IMDSv2-only), so IMDSv1 stays available",
        ),
    };
    c.at(path)
}
