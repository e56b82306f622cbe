//! Loading and evaluating a root module: files, variables, modules, and the
//! resource instances `terraform plan` would produce.
//!
//! Evaluation is lazy and memoised ([`world::World`]): a variable, local,
//! output, resource expansion or resource body is computed the first time
//! something refers to it, so files and modules can be in any order; a value
//! met again while it is being computed is a `cycle` diagnostic. The plan is
//! one from no state: every managed resource is created, so its attributes
//! not set in configuration are unknown, and data sources that depend on
//! managed resources are read at apply (their computed attributes unknown).
//!
//! Diagnostic codes: `parse-error`, `binary-file`, `not-utf8`,
//! `file-too-large`, `unreadable` (files); `eval-error`, `cycle`, `too-deep`,
//! `invalid-count`, `invalid-for-each`, `too-many-instances`,
//! `too-many-modules`, `invalid-variable-value`, `invalid-type`,
//! `invalid-block`, `duplicate-resource`, `duplicate-local`,
//! `override-target-missing`, `module-cycle`, `module-too-deep` (errors);
//! `variable-unset`, `unknown-expansion`, `unknown-function`,
//! `module-not-downloaded`, `undeclared-variable`, `invalid-modules-json`
//! (warnings); `known-after-apply`, `provider-function`, `unknown-dynamic`,
//! `override-not-merged` (notes).

pub mod config;
pub mod json;
pub mod vars;
pub mod world;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rampart_model::{Block, Diagnostic};
use rampart_source::SourceMap;

use crate::{Evaluation, Options};

/// Stack size of the evaluation thread: reference chains are followed
/// recursively (bounded by [`world::MAX_CHAIN`]).
const STACK_BYTES: usize = 512 * 1024 * 1024;

/// `json` of a `data "aws_iam_policy_document"` instance.
pub(crate) fn render_policy(b: &Block) -> Option<String> {
    crate::iam::render(b)
}

/// `minified_json` of a `data "aws_iam_policy_document"` instance.
pub(crate) fn render_policy_minified(b: &Block) -> Option<String> {
    crate::iam::render_minified(b)
}

pub fn evaluate_root(dir: &Path, sources: &SourceMap, opts: &Options) -> Evaluation {
    let run = || evaluate_here(dir, sources, opts);
    std::thread::scope(|s| {
        match std::thread::Builder::new()
            .name("rampart-tf-eval".into())
            .stack_size(STACK_BYTES)
            .spawn_scoped(s, run)
        {
            Ok(h) => h.join().unwrap_or_else(|_| Evaluation {
                resources: Vec::new(),
                diagnostics: vec![Diagnostic::error(
                    "internal-error",
                    "the Terraform evaluator failed unexpectedly",
                )],
            }),
            Err(_) => evaluate_here(dir, sources, opts),
        }
    })
}

fn read_modules_json(root: &Path, diags: &mut Vec<Diagnostic>) -> HashMap<String, PathBuf> {
    let p = root.join(".terraform").join("modules").join("modules.json");
    let mut out = HashMap::new();
    let Ok(text) = std::fs::read_to_string(&p) else {
        return out;
    };
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(j) => {
            for m in j
                .get("Modules")
                .and_then(|m| m.as_array())
                .into_iter()
                .flatten()
            {
                if let (Some(k), Some(d)) = (
                    m.get("Key").and_then(|v| v.as_str()),
                    m.get("Dir").and_then(|v| v.as_str()),
                ) {
                    if !k.is_empty() {
                        out.insert(k.to_string(), PathBuf::from(d));
                    }
                }
            }
        }
        Err(e) => diags.push(
            Diagnostic::warning(
                "invalid-modules-json",
                format!(".terraform/modules/modules.json: {e}"),
            )
            .with_path(".terraform/modules/modules.json"),
        ),
    }
    out
}

fn evaluate_here(dir: &Path, sources: &SourceMap, opts: &Options) -> Evaluation {
    let root = if dir.is_absolute() {
        dir.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|c| c.join(dir))
            .unwrap_or_else(|_| dir.to_path_buf())
    };
    let display_root = opts.display_root.clone().unwrap_or_else(|| root.clone());
    let mut diags = Vec::new();
    let modules_json = read_modules_json(&root, &mut diags);
    let root_vars = vars::collect(&root, opts, sources, &display_root, &mut diags);
    let w = world::World::new(
        sources,
        opts,
        root.clone(),
        display_root,
        root_vars,
        modules_json,
    );
    for d in diags {
        w.diag(d);
    }
    let root_id = w.add_root();
    if let Some(cfg) = w.inst(root_id).config.clone() {
        let mut names: Vec<(&String, &vars::RawVar)> = w
            .root_vars
            .iter()
            .filter(|(n, _)| !cfg.variables.contains_key(*n))
            .collect();
        names.sort_by(|a, b| a.0.cmp(b.0));
        for (n, raw) in names {
            if raw.source.starts_with("TF_VAR_") {
                continue;
            }
            let d = Diagnostic::warning(
                "undeclared-variable",
                format!("Value for undeclared variable \"{n}\" (from {}): the root module does not declare a variable of that name", raw.source),
            );
            w.diag(match raw.set_at {
                Some(s) => d.with_span(s),
                None => d,
            });
        }
    }
    let mut resources = Vec::new();
    let mut pending = Vec::new();
    w.emit(root_id, &mut resources, &mut pending);
    for (i, inst, idx, pos) in pending {
        if let Some(r) = resources.get_mut(i) {
            r.body = w.take_body(inst, idx, pos);
        }
    }
    Evaluation {
        resources,
        diagnostics: w.diags.into_inner(),
    }
}
