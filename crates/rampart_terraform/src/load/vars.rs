//! Root module variable values from the environment, tfvars files and the
//! command line, with Terraform's precedence (later sources win).

use std::collections::HashMap;
use std::path::Path;

use hcl_edit::structure::Structure;
use hcl_edit::Span as _;
use rampart_model::{Diagnostic, Span, Value};
use rampart_source::SourceMap;

use super::config::{parse_hcl, read_source, sp};
use crate::eval::eval_const;
use crate::Options;

/// A value as given, before conversion to the variable's type.
#[derive(Debug, Clone)]
pub enum RawVal {
    /// From a tfvars file (already an HCL or JSON value).
    Value(Value),
    /// From `-var` or `TF_VAR_`: a string, parsed as HCL when the variable's
    /// type is not a string.
    Text(String),
}

#[derive(Debug, Clone)]
pub struct RawVar {
    pub value: RawVal,
    pub set_at: Option<Span>,
    /// `terraform.tfvars`, a file name, `-var`, `TF_VAR_name`.
    pub source: String,
}

/// Collect the values set for root variables.
pub fn collect(
    dir: &Path,
    opts: &Options,
    sources: &SourceMap,
    display_root: &Path,
    diags: &mut Vec<Diagnostic>,
) -> HashMap<String, RawVar> {
    let mut out: HashMap<String, RawVar> = HashMap::new();
    if opts.use_env {
        let mut env: Vec<(String, String)> = std::env::vars()
            .filter_map(|(k, v)| k.strip_prefix("TF_VAR_").map(|n| (n.to_string(), v)))
            .collect();
        env.sort();
        for (n, v) in env {
            let source = format!("TF_VAR_{n}");
            out.insert(
                n,
                RawVar {
                    value: RawVal::Text(v),
                    set_at: None,
                    source,
                },
            );
        }
    }
    let mut files = Vec::new();
    for f in ["terraform.tfvars", "terraform.tfvars.json"] {
        let p = dir.join(f);
        if p.is_file() {
            files.push(p);
        }
    }
    let mut auto: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                        n.ends_with(".auto.tfvars") || n.ends_with(".auto.tfvars.json")
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    auto.sort();
    files.extend(auto);
    for f in &opts.var_files {
        let p = if f.is_absolute() {
            f.clone()
        } else {
            dir.join(f)
        };
        files.push(p);
    }
    for p in files {
        read_tfvars(&p, dir, sources, display_root, diags, &mut out);
    }
    for (n, v) in &opts.vars {
        out.insert(
            n.clone(),
            RawVar {
                value: RawVal::Text(v.clone()),
                set_at: None,
                source: "-var".into(),
            },
        );
    }
    out
}

fn read_tfvars(
    path: &Path,
    dir: &Path,
    sources: &SourceMap,
    display_root: &Path,
    diags: &mut Vec<Diagnostic>,
    out: &mut HashMap<String, RawVar>,
) {
    let Some(id) = read_source(path, sources, display_root, diags) else {
        return;
    };
    let Some(file) = sources.get(id) else { return };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.ends_with(".json") {
        match serde_json::from_str::<serde_json::Value>(&file.text) {
            Ok(serde_json::Value::Object(m)) => {
                for (k, v) in m {
                    out.insert(
                        k,
                        RawVar {
                            value: RawVal::Value(Value::from_json(&v)),
                            set_at: Some(Span::new(id, 0, 0)),
                            source: name.clone(),
                        },
                    );
                }
            }
            Ok(_) => diags.push(
                Diagnostic::error(
                    "parse-error",
                    format!("{}: a tfvars JSON file must hold an object", file.display),
                )
                .with_path(file.display.clone()),
            ),
            Err(e) => diags.push(
                Diagnostic::error("parse-error", format!("{}: {e}", file.display))
                    .with_path(file.display.clone())
                    .at_line(e.line(), e.column()),
            ),
        }
        return;
    }
    let Some(body) = parse_hcl(id, &file.text, &file.display, diags) else {
        return;
    };
    for st in body.iter() {
        match st {
            Structure::Attribute(a) => {
                let span = sp(id, a.span());
                match eval_const(&a.value, dir) {
                    Ok(v) => {
                        out.insert(
                            a.key.value().as_str().to_string(),
                            RawVar {
                                value: RawVal::Value(v),
                                set_at: Some(span),
                                source: name.clone(),
                            },
                        );
                    }
                    Err(m) => diags.push(
                        Diagnostic::error(
                            "eval-error",
                            format!("{}: variable value: {m}", file.display),
                        )
                        .with_span(span),
                    ),
                }
            }
            Structure::Block(b) => diags.push(
                Diagnostic::error(
                    "invalid-tfvars",
                    format!(
                        "{}: blocks are not allowed in a variables file",
                        file.display
                    ),
                )
                .with_span(sp(id, b.span())),
            ),
        }
    }
}
