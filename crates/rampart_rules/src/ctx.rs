//! What a rule can ask about the other resources of the same configuration.
//!
//! Cross-resource questions are answered from indexes built once per
//! evaluation unit (lazily, per question kind), so a configuration with
//! thousands of buckets and thousands of split encryption resources costs
//! linear time, not a scan of every resource for every bucket.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rampart_model::{resource::ref_matches, Resource, ResourceMode};

pub use rampart_model::resource::strip_instance_key;

/// Config address of a referenced resource → indexes of the resources that refer to it.
type RefIndex = HashMap<String, Vec<usize>>;

/// Which resources of one kind point at what through one attribute.
#[derive(Default)]
struct LinkIndex {
    /// Config address of a referenced resource → indexes of resources whose
    /// attribute refers to it.
    by_ref: HashMap<String, Vec<usize>>,
    /// Known string value of the attribute → indexes.
    by_value: HashMap<String, Vec<usize>>,
}

/// All resources of one evaluation unit (a Terraform root module with its
/// modules, a plan, a CloudFormation template), indexed for cross-resource rules.
pub struct Ctx<'a> {
    resources: &'a [Resource],
    by_kind: HashMap<&'a str, Vec<usize>>,
    by_address: HashMap<&'a str, usize>,
    /// Config address → indexes of the instances of that resource block.
    by_config: HashMap<&'a str, Vec<usize>>,
    links: Mutex<HashMap<(String, String), Arc<LinkIndex>>>,
    /// Config address of a referenced resource → indexes of every resource
    /// that refers to it (built on first use).
    referrers: Mutex<Option<Arc<RefIndex>>>,
}

/// Every resource address an attribute's expression refers to (explicit
/// references and the refs carried by unknown values).
fn attr_refs(a: &rampart_model::Attr) -> Vec<String> {
    let mut refs = a.refs.clone();
    a.value.unknown_refs(&mut refs);
    refs
}

impl<'a> Ctx<'a> {
    pub fn new(resources: &'a [Resource]) -> Ctx<'a> {
        let mut by_kind: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_address = HashMap::new();
        let mut by_config: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, r) in resources.iter().enumerate() {
            by_kind.entry(r.kind.as_str()).or_default().push(i);
            by_address.insert(r.address.as_str(), i);
            by_config
                .entry(strip_instance_key(&r.address))
                .or_default()
                .push(i);
        }
        Ctx {
            resources,
            by_kind,
            by_address,
            by_config,
            links: Mutex::new(HashMap::new()),
            referrers: Mutex::new(None),
        }
    }

    pub fn resources(&self) -> &'a [Resource] {
        self.resources
    }

    pub fn get(&self, address: &str) -> Option<&'a Resource> {
        self.by_address.get(address).map(|&i| &self.resources[i])
    }

    /// The resources a reference (`aws_kms_key.k`, `aws_s3_bucket.b[0]`)
    /// can mean: the exact instance, or every instance of a config address.
    pub fn resolve(&self, reference: &str) -> Vec<&'a Resource> {
        if let Some(r) = self.get(reference) {
            return vec![r];
        }
        self.by_config
            .get(strip_instance_key(reference))
            .into_iter()
            .flatten()
            .map(|&i| &self.resources[i])
            .filter(|r| ref_matches(reference, &r.address))
            .collect()
    }

    /// Managed resources of one kind.
    pub fn of_kind(&self, kind: &str) -> impl Iterator<Item = &'a Resource> + '_ {
        let resources = self.resources;
        self.by_kind
            .get(kind)
            .into_iter()
            .flatten()
            .map(move |&i| &resources[i])
            .filter(|r| r.mode == ResourceMode::Managed)
    }

    /// Data sources of one kind.
    pub fn data_of_kind(&self, kind: &str) -> impl Iterator<Item = &'a Resource> + '_ {
        let resources = self.resources;
        self.by_kind
            .get(kind)
            .into_iter()
            .flatten()
            .map(move |&i| &resources[i])
            .filter(|r| r.mode == ResourceMode::Data)
    }

    /// The attributes `via` of resource `r`: a top-level attribute, or, for
    /// `block.attr`, that attribute in every nested block of that type.
    fn via_attrs<'r>(r: &'r Resource, via: &str) -> Vec<&'r rampart_model::Attr> {
        match via.split_once('.') {
            Some((block, attr)) => r
                .body
                .blocks
                .iter()
                .filter(|b| b.kind == block)
                .filter_map(|b| b.attr(attr))
                .collect(),
            None => r.body.attr(via).into_iter().collect(),
        }
    }

    fn link_index(&self, kind: &str, via: &str) -> Arc<LinkIndex> {
        let key = (kind.to_string(), via.to_string());
        let mut links = self.links.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(ix) = links.get(&key) {
            return ix.clone();
        }
        let mut ix = LinkIndex::default();
        for &i in self.by_kind.get(kind).into_iter().flatten() {
            let r = &self.resources[i];
            if r.mode != ResourceMode::Managed {
                continue;
            }
            for a in Self::via_attrs(r, via) {
                for x in attr_refs(a) {
                    let list = ix
                        .by_ref
                        .entry(strip_instance_key(&x).to_string())
                        .or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
                if let Some(s) = a.value.as_str() {
                    let list = ix.by_value.entry(s.to_string()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        let ix = Arc::new(ix);
        links.insert(key, ix.clone());
        ix
    }

    /// Resources of `kind` whose attribute `via` (or `block.attr`, looked up in
    /// every nested block of that type) points at `target`: either the
    /// expression refers to `target` (`bucket = aws_s3_bucket.b.id`), or its
    /// known value equals one of `target`'s identifying attributes `keys`
    /// (`bucket = "my-logs"` when the bucket's `bucket` is `"my-logs"`).
    /// Results are in configuration order.
    pub fn linked(
        &self,
        target: &Resource,
        kind: &str,
        via: &str,
        keys: &[&str],
    ) -> Vec<&'a Resource> {
        let ix = self.link_index(kind, via);
        let mut hits: Vec<usize> = Vec::new();
        for &i in ix
            .by_ref
            .get(strip_instance_key(&target.address))
            .into_iter()
            .flatten()
        {
            let r = &self.resources[i];
            let refers = Self::via_attrs(r, via)
                .iter()
                .any(|a| attr_refs(a).iter().any(|x| ref_matches(x, &target.address)));
            if refers {
                hits.push(i);
            }
        }
        for k in keys {
            if let Some(s) = target.body.value(k).and_then(|v| v.as_str()) {
                hits.extend(ix.by_value.get(s).into_iter().flatten().copied());
            }
        }
        hits.sort_unstable();
        hits.dedup();
        hits.into_iter().map(|i| &self.resources[i]).collect()
    }

    /// Resources (any kind) that refer to `target` in any attribute.
    pub fn referencing(&self, target: &Resource) -> Vec<&'a Resource> {
        let index = {
            let mut guard = self.referrers.lock().unwrap_or_else(|e| e.into_inner());
            guard
                .get_or_insert_with(|| {
                    let mut m = RefIndex::new();
                    for (i, r) in self.resources.iter().enumerate() {
                        let mut all = Vec::new();
                        collect_refs(&r.body, &mut all);
                        for x in all {
                            let list = m.entry(strip_instance_key(&x).to_string()).or_default();
                            if list.last() != Some(&i) {
                                list.push(i);
                            }
                        }
                    }
                    Arc::new(m)
                })
                .clone()
        };
        index
            .get(strip_instance_key(&target.address))
            .into_iter()
            .flatten()
            .map(|&i| &self.resources[i])
            .filter(|r| r.address != target.address && r.refers_to(&target.address))
            .collect()
    }
}

fn collect_refs(b: &rampart_model::Block, out: &mut Vec<String>) {
    for a in b.attrs.values() {
        out.extend(attr_refs(a));
    }
    for c in &b.blocks {
        collect_refs(c, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rampart_model::{Attr, Block, SourceFormat, Span, Value};

    fn res(address: &str, kind: &str, attrs: Vec<(&str, Attr)>) -> Resource {
        let mut body = Block::default();
        for (k, a) in attrs {
            body.attrs.insert(k.to_string(), a);
        }
        Resource {
            address: address.into(),
            kind: kind.into(),
            mode: ResourceMode::Managed,
            name: "x".into(),
            module: String::new(),
            format: SourceFormat::Terraform,
            span: Span::default(),
            body,
            module_calls: vec![],
        }
    }

    fn refattr(to: &str) -> Attr {
        Attr {
            value: Value::unknown_from(vec![to.to_string()]),
            ..Attr::default()
        }
    }

    #[test]
    fn links_by_reference_instance_and_value() {
        let rs = vec![
            res(
                "aws_s3_bucket.a[0]",
                "aws_s3_bucket",
                vec![("bucket", Attr::new("logs-0".into(), Span::default()))],
            ),
            res(
                "aws_s3_bucket.a[1]",
                "aws_s3_bucket",
                vec![("bucket", Attr::new("logs-1".into(), Span::default()))],
            ),
            res(
                "aws_s3_bucket_versioning.v[0]",
                "aws_s3_bucket_versioning",
                vec![("bucket", refattr("aws_s3_bucket.a[0]"))],
            ),
            res(
                "aws_s3_bucket_versioning.all",
                "aws_s3_bucket_versioning",
                vec![("bucket", refattr("aws_s3_bucket.a"))],
            ),
            res(
                "aws_s3_bucket_versioning.named",
                "aws_s3_bucket_versioning",
                vec![("bucket", Attr::new("logs-1".into(), Span::default()))],
            ),
        ];
        let ctx = Ctx::new(&rs);
        let names = |v: Vec<&Resource>| v.iter().map(|r| r.address.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(ctx.linked(&rs[0], "aws_s3_bucket_versioning", "bucket", &["bucket"])),
            vec![
                "aws_s3_bucket_versioning.v[0]",
                "aws_s3_bucket_versioning.all"
            ]
        );
        assert_eq!(
            names(ctx.linked(&rs[1], "aws_s3_bucket_versioning", "bucket", &["bucket"])),
            vec![
                "aws_s3_bucket_versioning.all",
                "aws_s3_bucket_versioning.named"
            ]
        );
        assert_eq!(names(ctx.resolve("aws_s3_bucket.a")).len(), 2);
        assert_eq!(
            names(ctx.resolve("aws_s3_bucket.a[1]")),
            vec!["aws_s3_bucket.a[1]"]
        );
        assert_eq!(
            names(ctx.referencing(&rs[0])),
            vec![
                "aws_s3_bucket_versioning.v[0]",
                "aws_s3_bucket_versioning.all"
            ]
        );
    }

    #[test]
    fn instance_keys_are_stripped_from_the_last_step_only() {
        assert_eq!(
            strip_instance_key("module.m[\"a\"].aws_x.y[\"k.z\"]"),
            "module.m[\"a\"].aws_x.y"
        );
        assert_eq!(
            strip_instance_key("module.m[0].aws_x.y"),
            "module.m[0].aws_x.y"
        );
        assert_eq!(strip_instance_key("aws_x.y[3]"), "aws_x.y");
    }
}
