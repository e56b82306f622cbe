//! What a rule can ask about the other resources of the same configuration.

use std::collections::HashMap;

use rampart_model::{resource::ref_matches, Resource, ResourceMode};

/// All resources of one evaluation unit (a Terraform root module with its
/// modules, a plan, a CloudFormation template), indexed for cross-resource rules.
pub struct Ctx<'a> {
    resources: &'a [Resource],
    by_kind: HashMap<&'a str, Vec<usize>>,
    by_address: HashMap<&'a str, usize>,
}

impl<'a> Ctx<'a> {
    pub fn new(resources: &'a [Resource]) -> Ctx<'a> {
        let mut by_kind: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_address = HashMap::new();
        for (i, r) in resources.iter().enumerate() {
            by_kind.entry(r.kind.as_str()).or_default().push(i);
            by_address.insert(r.address.as_str(), i);
        }
        Ctx {
            resources,
            by_kind,
            by_address,
        }
    }

    pub fn resources(&self) -> &'a [Resource] {
        self.resources
    }

    pub fn get(&self, address: &str) -> Option<&'a Resource> {
        self.by_address.get(address).map(|&i| &self.resources[i])
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

    /// Resources of `kind` whose attribute `via` points at `target`: either the
    /// expression refers to `target` (`bucket = aws_s3_bucket.b.id`), or its
    /// known value equals one of `target`'s identifying attributes `keys`
    /// (`bucket = "my-logs"` when the bucket's `bucket` is `"my-logs"`).
    pub fn linked(
        &self,
        target: &Resource,
        kind: &str,
        via: &str,
        keys: &[&str],
    ) -> Vec<&'a Resource> {
        let target_keys: Vec<&str> = keys
            .iter()
            .filter_map(|k| target.body.value(k).and_then(|v| v.as_str()))
            .collect();
        self.of_kind(kind)
            .filter(|r| {
                let Some(a) = r.body.attr(via) else {
                    return false;
                };
                if a.refs.iter().any(|x| ref_matches(x, &target.address)) {
                    return true;
                }
                let mut refs = Vec::new();
                a.value.unknown_refs(&mut refs);
                if refs.iter().any(|x| ref_matches(x, &target.address)) {
                    return true;
                }
                a.value.as_str().is_some_and(|s| target_keys.contains(&s))
            })
            .collect()
    }

    /// Resources (any kind) that refer to `target` in any attribute.
    pub fn referencing(&self, target: &Resource) -> impl Iterator<Item = &'a Resource> + '_ {
        let address = target.address.clone();
        self.resources
            .iter()
            .filter(move |r| r.address != address && r.refers_to(&address))
    }
}
