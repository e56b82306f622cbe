//! A synthetic resource describing the root module itself, so rules can check
//! facts about the module as a whole (a dependency lock file, a
//! `required_version` constraint) through the same model as everything else.
//!
//! Address `terraform_root_module`, kind `terraform_root_module`, mode
//! `Settings`; attributes:
//! - `lock_file` (bool): `.terraform.lock.hcl` exists in the root directory;
//! - `required_version` (string or null): the constraint from the root
//!   module's `terraform {}` blocks;
//! - `has_terraform_block` (bool).
//!
//! Its span is the start of the root module's first `.tf` file (in name
//! order), so findings point at `file:1`.

use std::path::Path;

use rampart_model::{Attr, Block, Resource, ResourceMode, SourceFormat, Span, Value};
use rampart_source::SourceMap;

pub const KIND: &str = "terraform_root_module";

pub fn root_resource(dir: &Path, sources: &SourceMap, resources: &[Resource]) -> Option<Resource> {
    let mut tf_files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".tf") || n.ends_with(".tf.json"))
        })
        .collect();
    tf_files.sort();
    let file = tf_files.iter().find_map(|p| {
        sources
            .find(p)
            .or_else(|| std::fs::canonicalize(p).ok().and_then(|c| sources.find(&c)))
    })?;
    let span = Span::new(file, 0, 0);
    let settings: Vec<&Resource> = resources
        .iter()
        .filter(|r| {
            r.mode == ResourceMode::Settings && r.module.is_empty() && r.kind == "terraform"
        })
        .collect();
    let required_version = settings
        .iter()
        .find_map(|r| r.body.attr("required_version").cloned());
    let mut body = Block::new("terraform_root_module", span);
    body.attrs.insert(
        "lock_file".into(),
        Attr::new(Value::Bool(dir.join(".terraform.lock.hcl").is_file()), span),
    );
    body.attrs.insert(
        "has_terraform_block".into(),
        Attr::new(Value::Bool(!settings.is_empty()), span),
    );
    body.attrs.insert(
        "required_version".into(),
        required_version.unwrap_or_else(|| Attr::new(Value::Null, span)),
    );
    Some(Resource {
        address: KIND.into(),
        kind: KIND.into(),
        mode: ResourceMode::Settings,
        name: dir
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default(),
        module: String::new(),
        format: SourceFormat::Terraform,
        span,
        body,
        module_calls: Vec::new(),
    })
}
