//! IAM rules, and the policy view shared by them: a policy attribute (from
//! `jsonencode`, a heredoc, a file or `data.aws_iam_policy_document.x.json`) or
//! a policy document data source, parsed into [`Policy`].

pub mod no_user_policies;
pub mod password_complexity;
pub mod password_min_length;
pub mod password_reuse;
pub mod policy_document_no_full_admin;
pub mod policy_document_no_wildcard_actions;
pub mod policy_no_full_admin;
pub mod policy_no_wildcard_actions;

use rampart_model::{resource::ref_matches, Block, Resource, ResourceMode, Span, Status, Value};
use rampart_terraform::iam::{parse_policy, render, Effect, Policy, Statement};

use crate::ctx::Ctx;
use crate::rule::Check;
use crate::util::{field, Field};

/// Resources with an inline or standalone policy in their `policy` attribute,
/// and roles with `inline_policy` blocks.
pub const POLICY_KINDS: &[&str] = &[
    "aws_iam_policy",
    "aws_iam_role_policy",
    "aws_iam_user_policy",
    "aws_iam_group_policy",
    "aws_iam_role",
];

/// Every policy a resource carries: its `policy` attribute, or for a role each
/// `inline_policy` block (the trust policy is not a permissions policy).
pub fn policies_of(res: &Resource, ctx: &Ctx) -> Vec<Result<(Policy, Span), Check>> {
    if res.kind == "aws_iam_role" {
        let inline: Vec<&Block> = res
            .body
            .blocks("inline_policy")
            .filter(|b| b.attr("policy").is_some())
            .collect();
        if inline.is_empty() {
            return vec![Err(Check::not_applicable(
                res.span,
                "the role has no inline policies",
            ))];
        }
        return inline
            .into_iter()
            .map(|b| policy_attr(b, b.span, ctx))
            .collect();
    }
    vec![policy_attr(&res.body, res.span, ctx)]
}

/// Judge every policy of `res` with `offending` (names of bad statements).
pub fn judge_policies(
    res: &Resource,
    ctx: &Ctx,
    offending: fn(&Policy) -> Vec<String>,
    bad: &str,
    good: &str,
) -> Vec<Check> {
    let mut out = Vec::new();
    for p in policies_of(res, ctx) {
        match p {
            Ok((policy, span)) => out.push(verdict(span, offending(&policy), bad, good)),
            Err(c) => out.push(c),
        }
    }
    let fails: Vec<Check> = out
        .iter()
        .filter(|c| c.status == Status::Fail)
        .cloned()
        .collect();
    let result = if fails.is_empty() { out } else { fails };
    result.into_iter().map(|c| c.at("policy")).collect()
}

/// The parsed `policy` attribute, or the check to return when it cannot be
/// read. A policy taken from a policy document data source whose JSON is known
/// only after apply is read from that data source's statements instead.
pub fn policy_attr(body: &Block, fallback: Span, ctx: &Ctx) -> Result<(Policy, Span), Check> {
    match field(body, "policy") {
        Field::Known(v, a) => match v.as_str().and_then(parse_policy) {
            Some(p) => Ok((p, a.span)),
            None => Err(Check::unknown(
                a.span,
                "the policy is not a JSON policy document the rule can read",
            )
            .at("policy")),
        },
        Field::Unknown(a) => {
            let mut refs = a.refs.clone();
            a.value.unknown_refs(&mut refs);
            let docs: Vec<&Resource> = ctx
                .resources()
                .iter()
                .filter(|r| {
                    r.mode == ResourceMode::Data
                        && r.kind == "aws_iam_policy_document"
                        && refs.iter().any(|x| ref_matches(x, &r.address))
                })
                .collect();
            if let [doc] = docs.as_slice() {
                if let Ok(p) = policy_document(doc) {
                    return Ok((p, a.span));
                }
            }
            Err(Check::unknown(a.span, "the policy is known only after apply").at("policy"))
        }
        Field::Missing => Err(Check::not_applicable(fallback, "no `policy` attribute")),
    }
}

/// The document an `aws_iam_policy_document` data source renders: its `json`
/// attribute when the evaluator filled it, else rendered here from the blocks,
/// else (a value is known only after apply) read from the statement blocks.
pub fn policy_document(res: &Resource) -> Result<Policy, Check> {
    if let Field::Known(v, _) = field(&res.body, "json") {
        if let Some(p) = v.as_str().and_then(parse_policy) {
            return Ok(p);
        }
    }
    if let Some(p) = render(&res.body).as_deref().and_then(parse_policy) {
        return Ok(p);
    }
    statements_from_blocks(&res.body).ok_or_else(|| {
        Check::unknown(
            res.span,
            "the policy document depends on values known only after apply",
        )
    })
}

/// Placeholder for a resource or principal computed from another resource
/// (an ARN): never equal to `*`.
const COMPUTED: &str = "(computed)";

/// Strings of a list attribute; `None` when an element is unknown, unless
/// `computed_ok` and the unknown derives from another resource.
fn list_of(b: &Block, name: &str, computed_ok: bool) -> Option<Vec<String>> {
    let Some(a) = b.attr(name) else {
        return Some(Vec::new());
    };
    let computed = |v: &Value| {
        let mut refs = Vec::new();
        v.unknown_refs(&mut refs);
        computed_ok && !refs.is_empty()
    };
    match a.value.unmarked() {
        Value::Null => Some(Vec::new()),
        Value::List(items) | Value::Set(items) => items
            .iter()
            .map(|i| match i.unmarked() {
                Value::String(s) => Some(s.clone()),
                v if v.is_unknown() && computed(v) => Some(COMPUTED.to_string()),
                _ => None,
            })
            .collect(),
        v if v.is_unknown() && (computed(v) || (computed_ok && !a.refs.is_empty())) => {
            Some(vec![COMPUTED.to_string()])
        }
        _ => None,
    }
}

/// Statements read straight from the data source's `statement` blocks, for
/// documents the provider could not render yet. `None` when something the
/// rules need (effect, actions, a resource not derived from another resource)
/// is unknown, or when source/override documents are involved.
fn statements_from_blocks(body: &Block) -> Option<Policy> {
    for merged in ["source_policy_documents", "override_policy_documents"] {
        if body.value(merged).is_some() {
            return None;
        }
    }
    let mut statements = Vec::new();
    for sb in body.blocks("statement") {
        let effect = match field(sb, "effect") {
            Field::Missing => Effect::Allow,
            Field::Known(v, _) => match v.as_str()? {
                "Allow" => Effect::Allow,
                "Deny" => Effect::Deny,
                other => Effect::Other(other.to_string()),
            },
            Field::Unknown(_) => return None,
        };
        statements.push(Statement {
            sid: sb.value("sid").and_then(|v| v.as_str()).map(str::to_string),
            effect,
            actions: list_of(sb, "actions", false)?,
            not_actions: list_of(sb, "not_actions", false)?,
            resources: list_of(sb, "resources", true)?,
            not_resources: list_of(sb, "not_resources", true)?,
            principals: None,
            not_principals: None,
            conditions: Vec::new(),
        });
    }
    Some(Policy {
        version: None,
        id: None,
        statements,
    })
}

/// True for `*` or `*:*` in an action list.
pub fn is_any_action(a: &str) -> bool {
    matches!(a.trim(), "*" | "*:*")
}

fn label(i: usize, s: &Statement) -> String {
    match &s.sid {
        Some(sid) if !sid.is_empty() => format!("statement `{sid}`"),
        _ => format!("statement #{}", i + 1),
    }
}

/// Allow statements that grant every action on every resource.
pub fn full_admin(p: &Policy) -> Vec<String> {
    p.statements
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            s.effect == Effect::Allow
                && s.actions.iter().any(|a| is_any_action(a))
                && s.resources.iter().any(|r| r.trim() == "*")
        })
        .map(|(i, s)| label(i, s))
        .collect()
}

/// Allow statements whose actions include the bare wildcard.
pub fn wildcard_actions(p: &Policy) -> Vec<String> {
    p.statements
        .iter()
        .enumerate()
        .filter(|(_, s)| s.effect == Effect::Allow && s.actions.iter().any(|a| is_any_action(a)))
        .map(|(i, s)| label(i, s))
        .collect()
}

/// Turn a list of offending statements into the rule's result.
pub fn verdict(span: Span, offending: Vec<String>, bad: &str, good: &str) -> Check {
    if offending.is_empty() {
        Check::new(Status::Pass, span, good)
    } else {
        Check::fail(span, format!("{}: {bad}", offending.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use rampart_model::Status;

    use crate::aws::vpc::testing::only;

    #[test]
    fn unknown_policy_text_is_unknown() {
        let code = r#"
variable "doc" { type = string }
resource "aws_iam_policy" "p" {
  name   = "p"
  policy = var.doc
}
"#;
        assert_eq!(
            only(&super::policy_no_full_admin::RULE, code),
            Status::Unknown
        );
        assert_eq!(
            only(&super::policy_no_wildcard_actions::RULE, code),
            Status::Unknown
        );
    }

    #[test]
    fn unknown_actions_in_document_are_unknown() {
        let code = r#"
variable "actions" { type = list(string) }
data "aws_iam_policy_document" "d" {
  statement {
    actions   = var.actions
    resources = ["*"]
  }
}
"#;
        assert_eq!(
            only(&super::policy_document_no_full_admin::RULE, code),
            Status::Unknown
        );
    }

    #[test]
    fn role_without_inline_policies_is_not_applicable() {
        let code = r#"
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = "{}"
}
"#;
        assert_eq!(
            only(&super::policy_no_full_admin::RULE, code),
            Status::NotApplicable
        );
    }

    #[test]
    fn deny_statements_are_not_grants() {
        let code = r#"
resource "aws_iam_policy" "p" {
  name = "p"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = { Effect = "Deny", Action = "*", Resource = "*" }
  })
}
"#;
        assert_eq!(only(&super::policy_no_full_admin::RULE, code), Status::Pass);
    }
}
