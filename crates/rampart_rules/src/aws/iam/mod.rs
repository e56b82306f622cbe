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

/// Resources with an inline or standalone policy in their `policy` attribute.
pub const POLICY_KINDS: &[&str] = &[
    "aws_iam_policy",
    "aws_iam_role_policy",
    "aws_iam_user_policy",
    "aws_iam_group_policy",
];

/// The parsed `policy` attribute, or the check to return when it cannot be
/// read. A policy taken from a policy document data source whose JSON is known
/// only after apply is read from that data source's statements instead.
pub fn policy_attr(res: &Resource, ctx: &Ctx) -> Result<(Policy, Span), Check> {
    match field(&res.body, "policy") {
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
        Field::Missing => Err(Check::not_applicable(res.span, "no `policy` attribute")),
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
