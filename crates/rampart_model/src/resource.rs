//! Evaluated configuration bodies and canonical resources.

use std::collections::BTreeMap;

use crate::value::Value;
use rampart_source::Span;

/// Where an attribute's value came from.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Origin {
    /// Written in the block itself (a literal, or an expression over literals).
    #[default]
    Explicit,
    /// Derived from an input variable. `set_at` is where the variable got its
    /// value (its default, a tfvars file); `None` for command line or environment.
    Variable {
        name: String,
        set_at: Option<Span>,
        /// `default`, a tfvars file name, `-var`, or `TF_VAR_<name>`.
        source: String,
    },
    /// Not written: the provider's default applies (filled by adapters and rules).
    Default,
    /// Computed by the provider at apply time.
    Computed,
}

/// One evaluated attribute.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Attr {
    pub value: Value,
    /// Span of the whole `name = expr` (or of the JSON property).
    pub span: Span,
    pub origin: Origin,
    /// Addresses of resource instances the expression refers to
    /// (e.g. `bucket = aws_s3_bucket.logs.id` gives `aws_s3_bucket.logs`).
    pub refs: Vec<String>,
}

impl Attr {
    pub fn new(value: Value, span: Span) -> Attr {
        Attr {
            value,
            span,
            origin: Origin::Explicit,
            refs: Vec::new(),
        }
    }
}

/// An evaluated block: attributes plus nested blocks, in the Terraform AWS
/// provider's vocabulary. Nested blocks of one type appear in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Block {
    /// The block type (`resource`, `ingress`, `rule`, ...).
    pub kind: String,
    pub labels: Vec<String>,
    /// Span of the whole block (header to closing brace).
    pub span: Span,
    pub attrs: BTreeMap<String, Attr>,
    pub blocks: Vec<Block>,
}

impl Block {
    pub fn new(kind: impl Into<String>, span: Span) -> Block {
        Block {
            kind: kind.into(),
            span,
            ..Block::default()
        }
    }

    pub fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.get(name)
    }

    /// The attribute's value, when present and not null.
    pub fn value(&self, name: &str) -> Option<&Value> {
        self.attrs
            .get(name)
            .map(|a| &a.value)
            .filter(|v| !v.is_null())
    }

    /// Nested blocks of type `kind`.
    pub fn blocks<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a Block> + 'a {
        self.blocks.iter().filter(move |b| b.kind == kind)
    }

    /// The first nested block of type `kind`.
    pub fn block(&self, kind: &str) -> Option<&Block> {
        self.blocks.iter().find(|b| b.kind == kind)
    }

    /// Follow a dotted path through nested blocks (first block of each type) and
    /// end at an attribute: `versioning.enabled`,
    /// `rule.apply_server_side_encryption_by_default.sse_algorithm`. When a
    /// segment names an attribute holding an object (or list of objects), the
    /// rest of the path is looked up inside the value.
    pub fn lookup(&self, path: &str) -> Option<Lookup<'_>> {
        let mut segs = path.split('.');
        let first = segs.next()?;
        let rest: Vec<&str> = segs.collect();
        if rest.is_empty() {
            return self.attr(first).map(|a| Lookup {
                value: &a.value,
                attr: a,
            });
        }
        if let Some(b) = self.block(first) {
            return b.lookup(&rest.join("."));
        }
        let a = self.attr(first)?;
        let mut v = &a.value;
        for s in rest {
            v = match v.unmarked() {
                Value::Object(m) => m.get(s)?,
                Value::List(items) | Value::Set(items) => items.first()?.get(s)?,
                _ => return None,
            };
        }
        Some(Lookup { value: v, attr: a })
    }

    /// Convert to a JSON object shaped like `terraform show -json` values:
    /// attributes as values, nested blocks as lists of objects.
    pub fn to_json(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        for (k, a) in &self.attrs {
            m.insert(k.clone(), a.value.to_json());
        }
        let mut kinds: Vec<&str> = Vec::new();
        for b in &self.blocks {
            if !kinds.contains(&b.kind.as_str()) {
                kinds.push(&b.kind);
            }
        }
        for k in kinds {
            let list = self.blocks(k).map(Block::to_json).collect();
            m.insert(k.to_string(), serde_json::Value::Array(list));
        }
        serde_json::Value::Object(m)
    }
}

/// Result of [`Block::lookup`]: the value found and the attribute that holds it
/// (for its span and origin).
#[derive(Debug, Clone, Copy)]
pub struct Lookup<'a> {
    pub value: &'a Value,
    pub attr: &'a Attr,
}

/// What kind of thing a [`Resource`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResourceMode {
    /// A managed resource (`resource "aws_s3_bucket" "x"`, a CloudFormation resource).
    Managed,
    /// A data source (`data "aws_iam_policy_document" "x"`).
    Data,
    /// A provider configuration block (`provider "aws"`).
    Provider,
    /// A module call (`module "x"`), with its evaluated arguments.
    ModuleCall,
    /// The `terraform {}` settings block.
    Settings,
    /// An input variable declaration (with its default as `default`).
    Variable,
}

/// The input format a resource was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    Terraform,
    TerraformPlan,
    TerraformState,
    CloudFormation,
    Kubernetes,
    Dockerfile,
    Arm,
    GithubActions,
}

impl SourceFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Terraform => "terraform",
            SourceFormat::TerraformPlan => "terraform_plan",
            SourceFormat::TerraformState => "terraform_state",
            SourceFormat::CloudFormation => "cloudformation",
            SourceFormat::Kubernetes => "kubernetes",
            SourceFormat::Dockerfile => "dockerfile",
            SourceFormat::Arm => "arm",
            SourceFormat::GithubActions => "github_actions",
        }
    }
}

/// One resource instance in canonical form.
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    /// Terraform-style address: `module.app.aws_s3_bucket.logs["a"]`,
    /// `data.aws_iam_policy_document.p`, `provider.aws.west`, `module.app`.
    pub address: String,
    /// Resource type in the Terraform AWS provider's vocabulary (`aws_s3_bucket`);
    /// the provider name for providers, `module` / `terraform` / `variable` otherwise.
    pub kind: String,
    pub mode: ResourceMode,
    /// Block name (`logs`).
    pub name: String,
    /// Module path (`module.app` or `module.a["x"].module.b`); empty for the root.
    pub module: String,
    pub format: SourceFormat,
    /// Span of the declaration (the whole block).
    pub span: Span,
    pub body: Block,
    /// Spans of the module calls that lead to this resource, outermost first
    /// (a suppression on a module call covers the resources inside it).
    pub module_calls: Vec<Span>,
}

impl Resource {
    /// The address without the instance key of the last step:
    /// `aws_s3_bucket.logs["a"]` gives `aws_s3_bucket.logs`.
    pub fn config_address(&self) -> &str {
        strip_instance_key(&self.address)
    }

    /// True when an attribute of this resource refers to `address` (an instance or
    /// config address), directly or through an unknown value.
    pub fn refers_to(&self, address: &str) -> bool {
        fn walk(b: &Block, address: &str) -> bool {
            b.attrs.values().any(|a| {
                a.refs.iter().any(|r| ref_matches(r, address)) || {
                    let mut refs = Vec::new();
                    a.value.unknown_refs(&mut refs);
                    refs.iter().any(|r| ref_matches(r, address))
                }
            }) || b.blocks.iter().any(|c| walk(c, address))
        }
        walk(&self.body, address)
    }
}

/// An address without the instance key of its last step:
/// `module.m["a"].aws_s3_bucket.b[0]` gives `module.m["a"].aws_s3_bucket.b`.
pub fn strip_instance_key(a: &str) -> &str {
    let cut = if a.ends_with("\"]") {
        a.rfind("[\"")
    } else if a.ends_with(']') {
        a.rfind('[')
    } else {
        None
    };
    cut.map(|i| &a[..i]).unwrap_or(a)
}

/// Split a container image reference into repository, tag and digest:
/// `registry:5000/team/app:1.2@sha256:ab` gives
/// (`registry:5000/team/app`, `1.2`, `sha256:ab`). A colon before the last
/// `/` is a registry port, not a tag.
pub fn split_image_reference(image: &str) -> (String, Option<String>, Option<String>) {
    let (rest, digest) = match image.split_once('@') {
        Some((r, d)) => (r, Some(d.to_string())),
        None => (image, None),
    };
    let last_slash = rest.rfind('/').map(|i| i + 1).unwrap_or(0);
    match rest.get(last_slash..).and_then(|t| t.rfind(':')) {
        Some(i) => (
            rest[..last_slash + i].to_string(),
            Some(rest[last_slash + i + 1..].to_string()),
            digest,
        ),
        None => (rest.to_string(), None, digest),
    }
}

/// A reference `r` matches `address` when equal, or when `r` is a config address
/// and `address` one of its instances.
pub fn ref_matches(r: &str, address: &str) -> bool {
    r == address
        || (address.starts_with(r) && address[r.len()..].starts_with('['))
        || (r.starts_with(address) && r[address.len()..].starts_with('['))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn res(address: &str) -> Resource {
        Resource {
            address: address.into(),
            kind: "aws_s3_bucket".into(),
            mode: ResourceMode::Managed,
            name: "logs".into(),
            module: String::new(),
            format: SourceFormat::Terraform,
            span: Span::default(),
            body: Block::default(),
            module_calls: vec![],
        }
    }

    #[test]
    fn config_address_strips_instance_key() {
        assert_eq!(
            res("aws_s3_bucket.logs[\"a.b\"]").config_address(),
            "aws_s3_bucket.logs"
        );
        assert_eq!(
            res("aws_s3_bucket.logs[0]").config_address(),
            "aws_s3_bucket.logs"
        );
        assert_eq!(
            res("module.m[0].aws_s3_bucket.logs").config_address(),
            "module.m[0].aws_s3_bucket.logs"
        );
    }

    #[test]
    fn lookup_through_blocks_and_values() {
        let mut b = Block::default();
        let mut v = Block::new("versioning", Span::default());
        v.attrs.insert(
            "enabled".into(),
            Attr::new(Value::Bool(true), Span::default()),
        );
        b.blocks.push(v);
        b.attrs.insert(
            "tags".into(),
            Attr::new(
                Value::object([("env", Value::from("prod"))]),
                Span::default(),
            ),
        );
        assert_eq!(
            b.lookup("versioning.enabled").map(|l| l.value),
            Some(&Value::Bool(true))
        );
        assert_eq!(
            b.lookup("tags.env").map(|l| l.value),
            Some(&Value::from("prod"))
        );
        assert!(b.lookup("versioning.mfa_delete").is_none());
        assert_eq!(
            b.to_json(),
            serde_json::json!({"tags": {"env": "prod"}, "versioning": [{"enabled": true}]})
        );
    }

    #[test]
    fn refs_match_instances() {
        assert!(ref_matches("aws_s3_bucket.a", "aws_s3_bucket.a[0]"));
        assert!(ref_matches("aws_s3_bucket.a[0]", "aws_s3_bucket.a"));
        assert!(!ref_matches("aws_s3_bucket.a", "aws_s3_bucket.ab"));
    }
}
