//! Adapters: CloudFormation resources to canonical resources in the Terraform
//! AWS provider's vocabulary.
//!
//! Every adapter starts from a generic conversion of the properties
//! ([`generic`]: `PascalCase` names become `snake_case`, nested property
//! objects become nested blocks, lists of property objects repeated blocks,
//! `Tags` a map) and then renames or restructures what differs from the
//! Terraform resource the rules read. Values keep the span of the property
//! they were written in, and their references.

mod aws;

use rampart_model::{Attr, Block, Origin, Resource, ResourceMode, SourceFormat, Value};
use rampart_source::Span;

use crate::eval::{Ev, EvKind, Scope};
use crate::node::Node;

/// One CloudFormation resource, evaluated.
pub struct Res {
    pub logical: String,
    pub ty: String,
    /// The evaluated `Properties` (a map; empty when absent).
    pub props: Ev,
    /// The whole `LogicalId: {...}` entry.
    pub span: Span,
    pub key_span: Span,
}

impl Res {
    pub fn prop(&self, path: &str) -> Option<(Span, &Ev)> {
        self.props.path(path)
    }
}

/// The canonical kind of a CloudFormation type (the primary resource an
/// adapter makes), when there is an adapter.
pub fn tf_kind(ty: &str) -> Option<&'static str> {
    aws::KINDS.iter().find(|(c, _)| *c == ty).map(|(_, t)| *t)
}

/// Address `Ref`/`Fn::GetAtt` resolve to for a resource of type `ty`
/// declared as `decl`.
pub fn primary_address(ty: &str, logical: &str, decl: &Node) -> String {
    let has = |p: &str| node_has(decl, &["Properties", p]);
    let kind = match ty {
        "AWS::RDS::DBInstance" if has("DBClusterIdentifier") => "aws_rds_cluster_instance",
        "AWS::IAM::Policy" if has("Users") => "aws_iam_user_policy",
        "AWS::IAM::Policy" if !has("Roles") && has("Groups") => "aws_iam_group_policy",
        _ => tf_kind(ty).unwrap_or(ty),
    };
    format!("{kind}.{logical}")
}

/// Make the canonical resources for one CloudFormation resource. The first
/// one is the primary resource.
pub fn adapt(res: &Res, scope: &mut Scope) -> Vec<Resource> {
    let mut out = aws::adapt(res, scope);
    if out.is_empty() {
        // No adapter: a format-native resource (kind = CloudFormation type).
        let body = generic(&res.props, res.span, &[]);
        out.push(resource(&res.ty, &res.logical, res.span, body));
    }
    out
}

/// A canonical resource (address `kind.name`).
pub fn resource(kind: &str, name: &str, span: Span, mut body: Block) -> Resource {
    body.kind = "resource".into();
    body.labels = vec![kind.to_string(), name.to_string()];
    body.span = span;
    Resource {
        address: format!("{kind}.{name}"),
        kind: kind.to_string(),
        mode: ResourceMode::Managed,
        name: name.to_string(),
        module: String::new(),
        format: SourceFormat::CloudFormation,
        span,
        body,
        module_calls: Vec::new(),
    }
}

/// `PascalCase` to `snake_case`, keeping acronyms together
/// (`EnableIAMDatabaseAuthentication` gives `enable_iam_database_authentication`,
/// `MultiAZ` gives `multi_az`, `KMSMasterKeyID` gives `kms_master_key_id`).
pub fn snake(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
            let next = chars.get(i + 1).copied();
            let boundary = match prev {
                None => false,
                Some('_') => false,
                Some(p) if p.is_ascii_lowercase() || p.is_ascii_digit() => true,
                Some(p) if p.is_ascii_uppercase() => next.is_some_and(|n| n.is_ascii_lowercase()),
                _ => false,
            };
            if boundary {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c == '-' || c == ' ' || c == '.' {
            out.push('_');
        } else {
            out.push(c);
        }
    }
    // `Ipv6` and `S3` stay together: undo splits before digits only.
    out
}

/// An attribute from an evaluated value written at `span`.
pub fn attr_of(ev: &Ev, span: Span) -> Attr {
    Attr {
        value: ev.to_value(),
        span,
        origin: ev.origin.clone().unwrap_or(Origin::Explicit),
        refs: ev.all_refs(),
    }
}

/// True for a map of properties (keys in `PascalCase`), which becomes a block.
fn is_struct(ev: &Ev) -> bool {
    match &ev.kind {
        EvKind::Map(e) => {
            !e.is_empty()
                && e.iter()
                    .all(|(k, _, _)| k.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        }
        _ => false,
    }
}

/// `Tags: [{Key, Value}]` (or a plain map, as SAM writes them) to a map.
fn tags_of(ev: &Ev) -> Value {
    match &ev.kind {
        EvKind::List(items) => {
            let mut m = std::collections::BTreeMap::new();
            for it in items {
                let k = it.get("Key").map(Ev::to_value);
                let v = it.get("Value").map(Ev::to_value).unwrap_or(Value::Null);
                match k {
                    Some(Value::String(k)) => {
                        m.insert(k, v);
                    }
                    _ => return ev.to_value(),
                }
            }
            Value::Object(m)
        }
        _ => ev.to_value(),
    }
}

/// Generic conversion of a property map into a block body (kind `resource`).
/// Properties named in `skip` are left out (the adapter maps them itself).
pub fn generic(props: &Ev, span: Span, skip: &[&str]) -> Block {
    generic_block("resource", props, span, skip)
}

pub fn generic_block(kind: &str, props: &Ev, span: Span, skip: &[&str]) -> Block {
    let mut b = Block::new(kind, span);
    for (k, ks, v) in props.entries() {
        if skip.contains(&k.as_str()) || matches!(v.kind, EvKind::NoValue) {
            continue;
        }
        let name = snake(k);
        let espan = ks.join(v.span);
        if k == "Tags" {
            let mut a = attr_of(v, espan);
            a.value = tags_of(v);
            b.attrs.insert("tags".into(), a);
            continue;
        }
        match &v.kind {
            EvKind::Map(_) if is_struct(v) => {
                b.blocks.push(generic_block(&name, v, espan, &[]));
            }
            EvKind::List(items) if !items.is_empty() && items.iter().all(is_struct) => {
                for it in items {
                    b.blocks.push(generic_block(&name, it, it.span, &[]));
                }
            }
            _ => {
                b.attrs.insert(name, attr_of(v, espan));
            }
        }
    }
    b
}

/// Rename an attribute and/or blocks of `b` (no-op when absent).
pub fn rename(b: &mut Block, from: &str, to: &str) {
    if let Some(a) = b.attrs.remove(from) {
        b.attrs.insert(to.to_string(), a);
    }
    for nb in b.blocks.iter_mut().filter(|x| x.kind == from) {
        nb.kind = to.to_string();
    }
}

/// Set attribute `name` from the property at `path` (when written).
pub fn set(b: &mut Block, name: &str, res_props: &Ev, path: &str) {
    if let Some((span, ev)) = res_props.path(path) {
        b.attrs.insert(name.to_string(), attr_of(ev, span));
    }
}

/// An attribute referring to the resource at `address` (as `!Ref X` would).
pub fn ref_attr(address: &str, span: Span) -> Attr {
    Attr {
        value: Value::unknown_from(vec![address.to_string()]),
        span,
        origin: Origin::Explicit,
        refs: vec![address.to_string()],
    }
}

/// A policy document property as a JSON string, the way Terraform holds it.
/// Unknown parts inside `Resource`/`NotResource` become a placeholder (the
/// ARN is computed but the statement's meaning is not); unknown parts
/// elsewhere (effect, principal, action, condition) make the whole policy
/// unknown.
pub fn policy_attr(ev: &Ev, span: Span) -> Attr {
    let mut a = attr_of(ev, span);
    if let EvKind::Scalar(v) = &ev.kind {
        // Already a string (JSON text) or unknown.
        a.value = v.clone();
        return a;
    }
    let mut unknown = false;
    let j = policy_json(ev, false, &mut unknown);
    a.value = if unknown {
        Value::unknown_from(ev.all_refs())
    } else {
        Value::String(j.to_string())
    };
    a
}

/// Unknown parts that cannot change a statement's meaning are written as
/// placeholders: anything under `Resource`/`NotResource`, a resource's
/// attribute (`!GetAtt Role.Arn` is an ARN, never `*`), an `Fn::Sub` pattern.
fn policy_json(ev: &Ev, in_resource: bool, unknown: &mut bool) -> serde_json::Value {
    use serde_json::Value as J;
    match &ev.kind {
        EvKind::Scalar(v) if !v.is_wholly_known() => {
            if let Some(p) = &ev.partial {
                J::String(p.clone())
            } else if in_resource || !ev.refs.is_empty() {
                J::String("${known after apply}".into())
            } else {
                *unknown = true;
                J::Null
            }
        }
        EvKind::Scalar(v) => v.to_json(),
        EvKind::List(items) => J::Array(
            items
                .iter()
                .map(|i| policy_json(i, in_resource, unknown))
                .collect(),
        ),
        EvKind::Map(entries) => J::Object(
            entries
                .iter()
                .map(|(k, _, x)| {
                    let r = in_resource || k == "Resource" || k == "NotResource";
                    (k.clone(), policy_json(x, r, unknown))
                })
                .collect(),
        ),
        EvKind::NoValue => J::Null,
    }
}

/// A node's text for simple property reads before evaluation.
pub fn node_has(decl: &Node, path: &[&str]) -> bool {
    let mut cur = decl;
    for p in path {
        match cur.get(p) {
            Some(n) => cur = n,
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::snake;

    #[test]
    fn snake_case_names() {
        assert_eq!(
            snake("EnableIAMDatabaseAuthentication"),
            "enable_iam_database_authentication"
        );
        assert_eq!(snake("MultiAZ"), "multi_az");
        assert_eq!(snake("KMSMasterKeyID"), "kms_master_key_id");
        assert_eq!(snake("KmsMasterKeyId"), "kms_master_key_id");
        assert_eq!(snake("CidrIpv6"), "cidr_ipv6");
        assert_eq!(snake("WebACLId"), "web_acl_id");
        assert_eq!(snake("EnforceHTTPS"), "enforce_https");
        assert_eq!(snake("TLSSecurityPolicy"), "tls_security_policy");
        assert_eq!(snake("SSESpecification"), "sse_specification");
        assert_eq!(snake("RoleARN"), "role_arn");
        assert_eq!(snake("S3BucketName"), "s3_bucket_name");
    }
}
