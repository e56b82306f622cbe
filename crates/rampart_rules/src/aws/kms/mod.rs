//! AWS KMS rules, and the helper other services use to judge which key
//! encrypts them: a customer managed key (declared here, looked up by a data
//! source, or given by ARN) or an AWS managed key (`alias/aws/<service>`).

pub mod key_policy_wildcard;
pub mod key_rotation;

use rampart_model::{Block, Resource, ResourceMode, Value};

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
        let target = ctx.resolve(r).into_iter().next();
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

/// Test support shared by the part-A rule tests: evaluate a Terraform snippet
/// and run one rule over it.
#[cfg(test)]
pub(crate) mod testing {
    use rampart_model::Status;

    use crate::ctx::Ctx;
    use crate::rule::Rule;

    /// `(resource address, status, message)` for every result of `rule`.
    pub fn run(rule: &Rule, code: &str) -> Vec<(String, Status, String)> {
        let Ok(dir) = tempfile::tempdir() else {
            return Vec::new();
        };
        if std::fs::write(dir.path().join("main.tf"), code).is_err() {
            return Vec::new();
        }
        let sources = rampart_source::SourceMap::new();
        let eval = rampart_terraform::evaluate_dir(dir.path(), &sources, &Default::default());
        let ctx = Ctx::new(&eval.resources);
        eval.resources
            .iter()
            .filter(|r| rule.applies_to(&r.kind))
            .flat_map(|r| {
                (rule.check)(r, &ctx)
                    .into_iter()
                    .map(move |c| (r.address.clone(), c.status, c.message))
            })
            .collect()
    }

    /// The statuses only.
    pub fn statuses(rule: &Rule, code: &str) -> Vec<Status> {
        run(rule, code).into_iter().map(|(_, s, _)| s).collect()
    }
}

#[cfg(test)]
mod tests {
    use rampart_model::Status;

    use super::testing::statuses;

    #[test]
    fn key_from_unset_variable_is_unknown() {
        let s = statuses(
            &crate::aws::secretsmanager::customer_key::RULE,
            r#"variable "key" {
  type = string
}
resource "aws_secretsmanager_secret" "s" {
  kms_key_id = var.key
}
"#,
        );
        assert_eq!(s, vec![Status::Unknown]);
    }

    #[test]
    fn key_from_data_source_is_judged_by_its_name() {
        let rule = &crate::aws::backup::vault_customer_key::RULE;
        let aws = statuses(
            rule,
            r#"data "aws_kms_alias" "backup" {
  name = "alias/aws/backup"
}
resource "aws_backup_vault" "v" {
  name        = "v"
  kms_key_arn = data.aws_kms_alias.backup.target_key_arn
}
"#,
        );
        assert_eq!(aws, vec![Status::Fail]);
        let own = statuses(
            rule,
            r#"data "aws_kms_key" "backup" {
  key_id = "alias/backup"
}
resource "aws_backup_vault" "v" {
  name        = "v"
  kms_key_arn = data.aws_kms_key.backup.arn
}
"#,
        );
        assert_eq!(own, vec![Status::Pass]);
    }

    #[test]
    fn asymmetric_and_unknown_specs() {
        let rule = &super::key_rotation::RULE;
        let s = statuses(
            rule,
            r#"resource "aws_kms_key" "hmac" {
  key_usage                = "GENERATE_VERIFY_MAC"
  customer_master_key_spec = "HMAC_256"
}
"#,
        );
        assert_eq!(s, vec![Status::NotApplicable]);
    }

    #[test]
    fn key_policy_in_split_resource_moves_the_judgement() {
        let rule = &super::key_policy_wildcard::RULE;
        let s = super::testing::run(
            rule,
            r#"resource "aws_kms_key" "k" {}
resource "aws_kms_key_policy" "k" {
  key_id = aws_kms_key.k.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" }]
  })
}
"#,
        );
        let by: Vec<(&str, Status)> = s.iter().map(|(a, st, _)| (a.as_str(), *st)).collect();
        assert!(
            by.contains(&("aws_kms_key.k", Status::NotApplicable)),
            "{s:?}"
        );
        assert!(
            by.contains(&("aws_kms_key_policy.k", Status::Pass)),
            "{s:?}"
        );
    }
}
