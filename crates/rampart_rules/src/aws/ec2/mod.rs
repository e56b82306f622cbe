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
            Some("required") => {
                Check::pass(a.span, "IMDSv2 is required (`http_tokens = \"required\"`)")
            }
            Some(s) => Check::fail(
                a.span,
                format!(
                    "`http_tokens` is \"{s}\": IMDSv1 requests without a session token are \
                     accepted"
                ),
            ),
            None => Check::unknown(a.span, "`http_tokens` is not a string"),
        },
        Field::Unknown(a) => Check::unknown(a.span, "`http_tokens` is known only after apply"),
        Field::Missing => Check::fail(
            res.body
                .block("metadata_options")
                .map(|b| b.span)
                .unwrap_or(res.span),
            "`metadata_options.http_tokens` is not set; the AWS provider 5.x default is \
             \"optional\" (unless the AMI is marked IMDSv2-only), so IMDSv1 stays available",
        ),
    };
    c.at(path)
}

/// The launch template an instance names in its `launch_template` block.
pub enum Template<'a> {
    /// The instance names no launch template.
    NotUsed,
    /// The template, declared in this configuration.
    Found(&'a Resource),
    /// A template this configuration does not declare (or names unknown).
    Unresolved(Span),
}

pub fn instance_template<'a>(inst: &Resource, ctx: &Ctx<'a>) -> Template<'a> {
    let Some(lt) = inst.body.block("launch_template") else {
        return Template::NotUsed;
    };
    for key in ["id", "name"] {
        let Some(a) = lt.attr(key) else { continue };
        let mut refs = a.refs.clone();
        a.value.unknown_refs(&mut refs);
        let by_ref = refs
            .iter()
            .flat_map(|x| ctx.resolve(x))
            .find(|t| t.kind == "aws_launch_template");
        if let Some(t) = by_ref {
            return Template::Found(t);
        }
        if let Some(name) = a.value.as_str() {
            let by_value = ctx
                .of_kind("aws_launch_template")
                .find(|t| t.body.value(key).and_then(|v| v.as_str()) == Some(name));
            if let Some(t) = by_value {
                return Template::Found(t);
            }
        }
    }
    Template::Unresolved(lt.span)
}

/// Encryption of the EBS volumes a launch template maps (one check per
/// mapping, or one for the implicit root volume).
pub fn template_devices(t: &Resource, ctx: &Ctx) -> Vec<Check> {
    let mut checks = Vec::new();
    for m in t.body.blocks("block_device_mappings") {
        let Some(ebs) = m.block("ebs") else {
            continue;
        };
        let name = m
            .value("device_name")
            .and_then(|v| v.as_str())
            .map(|s| format!("block device mapping `{s}`"))
            .unwrap_or_else(|| "a block device mapping".into());
        checks.push(device(ebs, &name, ctx));
    }
    if checks.is_empty() {
        checks.push(implicit_root(t, ctx, "EBS block device mapping"));
    }
    checks
}

/// Prefix a check's message with where the setting came from.
pub fn via_template(mut c: Check, t: &Resource) -> Check {
    c.message = format!("launch template `{}`: {}", t.address, c.message);
    c
}

#[cfg(test)]
mod tests {
    use rampart_model::Status;

    use crate::aws::vpc::testing::only;

    #[test]
    fn instance_with_undeclared_template_is_unknown() {
        let code = r#"
resource "aws_instance" "a" {
  instance_type = "t3.micro"
  launch_template {
    name = "shared-base"
  }
}
"#;
        assert_eq!(only(&super::instance_imdsv2::RULE, code), Status::Unknown);
        assert_eq!(
            only(&super::instance_ebs_encrypted::RULE, code),
            Status::Unknown
        );
    }

    #[test]
    fn instance_settings_override_template() {
        let code = r#"
resource "aws_launch_template" "t" {
  name = "base"
  metadata_options {
    http_tokens = "required"
  }
}
resource "aws_instance" "a" {
  instance_type = "t3.micro"
  launch_template {
    name = "base"
  }
  metadata_options {
    http_tokens = "optional"
  }
}
"#;
        let s = crate::aws::vpc::testing::statuses(&super::instance_imdsv2::RULE, code);
        assert_eq!(s.len(), 1, "{s:?}");
        assert!(s.iter().all(|x| x.1 == Status::Fail), "{s:?}");
    }

    #[test]
    fn snapshot_device_and_unknown_flag() {
        let code = r#"
variable "enc" { type = bool }
resource "aws_instance" "a" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = var.enc
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    snapshot_id = "snap-0123456789abcdef0"
  }
}
"#;
        let s = crate::aws::vpc::testing::statuses(&super::instance_ebs_encrypted::RULE, code);
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s.iter().all(|x| x.1 == Status::Unknown), "{s:?}");
    }

    #[test]
    fn imds_unknown_tokens() {
        let code = r#"
variable "tokens" { type = string }
resource "aws_instance" "a" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = var.tokens
  }
}
"#;
        assert_eq!(only(&super::instance_imdsv2::RULE, code), Status::Unknown);
    }
}
