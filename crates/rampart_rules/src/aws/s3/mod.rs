//! Amazon S3 rules, and the bucket view shared by them: a bucket's settings may
//! be written inline (provider v3 style) or in their own resources that
//! reference the bucket (provider v4+); both count for the bucket.

pub mod block_public_acls;
pub mod block_public_policy;
pub mod bucket_versioning;
pub mod encryption_customer_key;
pub mod ignore_public_acls;
pub mod no_public_acl;
pub mod public_access_block;
pub mod restrict_public_buckets;
pub mod server_access_logging;
pub mod tls_only_policy;

use rampart_model::{Attr, Block, Resource, ResourceMode, Span, Value};
use rampart_terraform::iam::{self, Condition, Effect, Policy, Principals, Statement};

use crate::ctx::Ctx;
use crate::rule::Check;
use crate::util::{expect_flag, strings};

/// Split v4+ resources of `kind` that configure `bucket`.
pub fn split<'a>(ctx: &Ctx<'a>, bucket: &Resource, kind: &str) -> Vec<&'a Resource> {
    ctx.linked(bucket, kind, "bucket", &["bucket", "id"])
}

/// The first inline block of `kind` on the bucket, if any.
pub fn inline<'a>(bucket: &'a Resource, kind: &str) -> Option<&'a Block> {
    bucket.body.block(kind)
}

/// One setting of an `aws_s3_bucket_public_access_block` (or the account-wide
/// `aws_s3_account_public_access_block`): all four default to false.
pub fn public_access_setting(res: &Resource, attr: &str, what: &str) -> Vec<Check> {
    vec![expect_flag(&res.body, res.span, attr, true, false, what)]
}

/// An IAM policy document as a rule sees it.
#[derive(Debug, Clone)]
pub enum PolicyView {
    /// Parsed; the span is the attribute holding it.
    Parsed(Policy, Span),
    /// Written, but its text is known only after apply.
    Unknown(Span),
    /// Known text that is not a policy document.
    Invalid(Span),
}

/// Read the policy held by `a`: a JSON string (`jsonencode`, heredoc, file),
/// or a reference to a `data "aws_iam_policy_document"` whose JSON is either
/// rendered already or rebuilt here from its statement blocks (effects,
/// principals and conditions are usually known even when resource ARNs are not).
pub fn read_policy(a: &Attr, ctx: &Ctx) -> PolicyView {
    if let Some(text) = a.value.as_str() {
        return match iam::parse_policy(text) {
            Some(p) => PolicyView::Parsed(p, a.span),
            None => PolicyView::Invalid(a.span),
        };
    }
    let mut refs = a.refs.clone();
    a.value.unknown_refs(&mut refs);
    for r in &refs {
        let doc = ctx
            .resolve(r)
            .into_iter()
            .find(|x| x.mode == ResourceMode::Data && x.kind == "aws_iam_policy_document");
        if let Some(doc) = doc {
            if let Some(p) = doc
                .body
                .value("json")
                .and_then(Value::as_str)
                .and_then(iam::parse_policy)
            {
                return PolicyView::Parsed(p, a.span);
            }
            return PolicyView::Parsed(policy_from_document(&doc.body), a.span);
        }
    }
    PolicyView::Unknown(a.span)
}

/// Rebuild a policy from an evaluated `aws_iam_policy_document` body. Unknown
/// values are left out of the lists they belong to.
pub fn policy_from_document(body: &Block) -> Policy {
    let mut statements = Vec::new();
    if let Some(v) = body.value("source_policy_documents") {
        for text in strings(v) {
            if let Some(p) = iam::parse_policy(text) {
                statements.extend(p.statements);
            }
        }
    }
    for s in body.blocks("statement") {
        let list = |k: &str| -> Vec<String> {
            s.value(k)
                .map(|v| strings(v).into_iter().map(str::to_string).collect())
                .unwrap_or_default()
        };
        let effect = match s.value("effect").and_then(Value::as_str) {
            None | Some("Allow") => Effect::Allow,
            Some("Deny") => Effect::Deny,
            Some(other) => Effect::Other(other.to_string()),
        };
        let principals = |kind: &str| -> Option<Principals> {
            let mut map = std::collections::BTreeMap::<String, Vec<String>>::new();
            for p in s.blocks(kind) {
                let t = p
                    .value("type")
                    .and_then(Value::as_str)
                    .unwrap_or("AWS")
                    .to_string();
                let ids: Vec<String> = p
                    .value("identifiers")
                    .map(|v| strings(v).into_iter().map(str::to_string).collect())
                    .unwrap_or_default();
                map.entry(t).or_default().extend(ids);
            }
            if map.is_empty() {
                None
            } else {
                Some(Principals::Typed(map))
            }
        };
        let conditions = s
            .blocks("condition")
            .map(|c| Condition {
                operator: c
                    .value("test")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                key: c
                    .value("variable")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                values: c
                    .value("values")
                    .map(|v| {
                        v.as_list()
                            .unwrap_or_default()
                            .iter()
                            .filter_map(scalar_text)
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect();
        statements.push(Statement {
            sid: s.value("sid").and_then(Value::as_str).map(str::to_string),
            effect,
            actions: list("actions"),
            not_actions: list("not_actions"),
            resources: list("resources"),
            not_resources: list("not_resources"),
            principals: principals("principals"),
            not_principals: principals("not_principals"),
            conditions,
        });
    }
    Policy {
        version: body
            .value("version")
            .and_then(Value::as_str)
            .map(str::to_string),
        id: body
            .value("policy_id")
            .and_then(Value::as_str)
            .map(str::to_string),
        statements,
    }
}

fn scalar_text(v: &Value) -> Option<String> {
    match v.unmarked() {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(rampart_model::value::format_number(n)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use rampart_model::Status;

    use crate::aws::kms::testing::statuses;

    #[test]
    fn policy_known_only_after_apply_is_unknown() {
        let s = statuses(
            &super::tls_only_policy::RULE,
            r#"variable "policy" {
  type = string
}
resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}
resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = var.policy
}
"#,
        );
        assert_eq!(s, vec![Status::Unknown]);
    }

    #[test]
    fn allow_over_tls_is_not_a_deny() {
        let s = statuses(
            &super::tls_only_policy::RULE,
            r#"resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::acme-b/*"
      Condition = { Bool = { "aws:SecureTransport" = "true" } }
    }]
  })
}
"#,
        );
        assert_eq!(s, vec![Status::Fail]);
    }

    #[test]
    fn split_settings_match_buckets_by_name_too() {
        let code = r#"resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}
resource "aws_s3_bucket_logging" "b" {
  bucket        = "acme-b"
  target_bucket = "acme-logs"
}
resource "aws_s3_bucket_acl" "b" {
  bucket = "acme-b"
  acl    = "authenticated-read"
}
"#;
        assert_eq!(
            statuses(&super::server_access_logging::RULE, code),
            vec![Status::Pass]
        );
        assert_eq!(
            statuses(&super::no_public_acl::RULE, code),
            vec![Status::Fail]
        );
    }
}
