//! Reading one module directory into a [`ModuleConfig`]: the declarations of
//! all its `*.tf` / `*.tf.json` files, with their syntax trees and spans.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body, Structure};
use hcl_edit::Span as _;
use indexmap::IndexMap;
use rampart_model::{Diagnostic, FileId, ResourceMode, Span};
use rampart_source::{SourceFile, SourceMap};

use crate::eval::eval_const;
use crate::types::{parse_type, Ty};

/// Largest configuration file read (bigger files are skipped with a diagnostic).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

pub struct ResDecl {
    pub mode: ResourceMode,
    pub rtype: String,
    pub name: String,
    pub file: FileId,
    pub span: Span,
    pub block: Block,
    pub count: Option<(Expression, Span)>,
    pub for_each: Option<(Expression, Span)>,
    /// Blocks from override files, in the order they apply.
    pub overrides: Vec<(FileId, Block)>,
}

pub struct VarDecl {
    pub name: String,
    pub file: FileId,
    pub span: Span,
    /// The default expression and the span of `default = ...`.
    pub default: Option<(Expression, Span)>,
    pub ty: Ty,
    pub type_text: Option<String>,
    pub sensitive: bool,
    pub nullable: bool,
    pub block: Block,
}

pub struct LocalDecl {
    pub expr: Expression,
    pub file: FileId,
    pub span: Span,
}

pub struct OutputDecl {
    pub expr: Option<Expression>,
    pub file: FileId,
    pub span: Span,
    pub sensitive: bool,
}

pub struct ModuleDecl {
    pub name: String,
    pub file: FileId,
    pub span: Span,
    pub block: Block,
    pub source: Option<String>,
    pub count: Option<(Expression, Span)>,
    pub for_each: Option<(Expression, Span)>,
    /// Blocks from override files, in the order they apply.
    pub overrides: Vec<(FileId, Block)>,
}

impl ModuleDecl {
    /// The argument `name` of the module call and the file it is written in:
    /// the last override file that sets it, or the call itself.
    pub fn arg(&self, name: &str) -> Option<(FileId, &hcl_edit::structure::Attribute)> {
        self.overrides
            .iter()
            .rev()
            .find_map(|(f, b)| b.body.get_attribute(name).map(|a| (*f, a)))
            .or_else(|| self.block.body.get_attribute(name).map(|a| (self.file, a)))
    }
}

pub struct ProviderDecl {
    pub name: String,
    pub alias: Option<String>,
    pub file: FileId,
    pub span: Span,
    pub block: Block,
    /// Blocks from override files, in the order they apply.
    pub overrides: Vec<(FileId, Block)>,
}

pub struct SettingsDecl {
    pub file: FileId,
    pub span: Span,
    pub block: Block,
    /// Blocks from override files, in the order they apply.
    pub overrides: Vec<(FileId, Block)>,
}

/// All declarations of one module directory.
#[derive(Default)]
pub struct ModuleConfig {
    pub dir: PathBuf,
    pub variables: IndexMap<String, VarDecl>,
    pub locals: HashMap<String, LocalDecl>,
    pub outputs: IndexMap<String, OutputDecl>,
    pub resources: Vec<ResDecl>,
    /// (is data source, type, name) → index in `resources`.
    pub res_index: HashMap<(bool, String, String), usize>,
    pub modules: IndexMap<String, ModuleDecl>,
    pub providers: Vec<ProviderDecl>,
    pub settings: Vec<SettingsDecl>,
    /// Files read from Terraform JSON syntax (their spans are not exact).
    pub json_files: Vec<FileId>,
}

impl ModuleConfig {
    pub fn resource(&self, data: bool, rtype: &str, name: &str) -> Option<usize> {
        self.res_index
            .get(&(data, rtype.to_string(), name.to_string()))
            .copied()
    }
}

/// A span in `file` from a parser byte range (empty span at 0 when absent).
pub fn sp(file: FileId, r: Option<std::ops::Range<usize>>) -> Span {
    match r {
        Some(r) => Span::new(file, r.start, r.end),
        None => Span::new(file, 0, 0),
    }
}

/// Path shown to users: relative to `root` when inside it.
pub fn display_path(path: &Path, root: &Path) -> String {
    let p = path.strip_prefix(root).unwrap_or(path);
    p.to_string_lossy().replace('\\', "/")
}

/// Read a text file for the source map; problems become diagnostics.
pub fn read_source(
    path: &Path,
    sources: &SourceMap,
    display_root: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<FileId> {
    if let Some(id) = sources.find(path) {
        return Some(id);
    }
    let display = display_path(path, display_root);
    match std::fs::metadata(path) {
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            diags.push(
                Diagnostic::error(
                    "file-too-large",
                    format!("{display}: file larger than {MAX_FILE_BYTES} bytes, skipped"),
                )
                .with_path(display),
            );
            return None;
        }
        Ok(_) => {}
        Err(e) => {
            diags.push(
                Diagnostic::error("unreadable", format!("{display}: {e}")).with_path(display),
            );
            return None;
        }
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.push(
                Diagnostic::error("unreadable", format!("{display}: {e}")).with_path(display),
            );
            return None;
        }
    };
    if bytes.contains(&0) {
        diags.push(
            Diagnostic::error(
                "binary-file",
                format!("{display}: binary content (NUL bytes), skipped"),
            )
            .with_path(display),
        );
        return None;
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = e
                .as_bytes()
                .get(..e.utf8_error().valid_up_to())
                .unwrap_or_default();
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let col = good.len() - good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
            diags.push(
                Diagnostic::error(
                    "not-utf8",
                    format!("{display}: not valid UTF-8 ({e}), skipped"),
                )
                .with_path(display)
                .at_line(line, col),
            );
            return None;
        }
    };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    Some(sources.add(SourceFile::new(display, path, text)))
}

/// Parse HCL text; a syntax error becomes a `parse-error` diagnostic.
pub fn parse_hcl(
    id: FileId,
    text: &str,
    display: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Body> {
    match hcl_edit::parser::parse_body(text) {
        Ok(b) => Some(b),
        Err(e) => {
            let loc = e.location();
            let off = loc.offset().min(text.len());
            let hint = oversized_number_at(text, off)
                .map(|n| {
                    let shown = match n.get(..12) {
                        Some(head) if n.len() > 24 => format!("{head}… ({} characters)", n.len()),
                        _ => n.to_string(),
                    };
                    format!(
                        " (the number {shown} is beyond the float range rampart's HCL parser reads; Terraform accepts it)"
                    )
                })
                .unwrap_or_default();
            diags.push(
                Diagnostic::error(
                    "parse-error",
                    format!(
                        "{display}:{}:{}: syntax error: {}{hint}",
                        loc.line(),
                        loc.column(),
                        e.message()
                    ),
                )
                .with_span(Span::new(id, off, off))
                .with_path(display.to_string())
                .at_line(loc.line(), loc.column()),
            );
            None
        }
    }
}

/// A number literal on the line of byte `off` that is too large for a double
/// (the HCL parser rejects those, so they surface as syntax errors there).
fn oversized_number_at(text: &str, off: usize) -> Option<&str> {
    let off = off.min(text.len());
    let line_start = text.get(..off)?.rfind('\n').map_or(0, |i| i + 1);
    let line_end = text.get(off..)?.find('\n').map_or(text.len(), |i| off + i);
    let bytes = text.as_bytes();
    let mut i = line_start;
    while i < line_end {
        let starts = bytes.get(i).is_some_and(u8::is_ascii_digit)
            && !(i > 0
                && bytes
                    .get(i - 1)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.'));
        if !starts {
            i += 1;
            continue;
        }
        let mut end = i;
        while bytes
            .get(end)
            .is_some_and(|b| b.is_ascii_digit() || *b == b'.')
        {
            end += 1;
        }
        if matches!(bytes.get(end), Some(b'e' | b'E')) {
            end += 1;
            if matches!(bytes.get(end), Some(b'+' | b'-')) {
                end += 1;
            }
            while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
        }
        let lit = text.get(i..end)?;
        if lit.parse::<f64>().is_ok_and(f64::is_infinite) {
            return Some(lit);
        }
        i = end.max(i + 1);
    }
    None
}

fn is_config_file(name: &str) -> bool {
    name.ends_with(".tf") || name.ends_with(".tf.json")
}

fn is_override(name: &str) -> bool {
    let stem = name.trim_end_matches(".json").trim_end_matches(".tf");
    stem == "override" || stem.ends_with("_override")
}

/// Load every configuration file of `dir`.
pub fn load_module(
    dir: &Path,
    sources: &SourceMap,
    display_root: &Path,
    diags: &mut Vec<Diagnostic>,
) -> ModuleConfig {
    let mut cfg = ModuleConfig {
        dir: dir.to_path_buf(),
        ..ModuleConfig::default()
    };
    let mut names: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .filter(|e| {
                e.file_type()
                    .map(|t| t.is_file() || t.is_symlink())
                    .unwrap_or(false)
            })
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(is_config_file)
            })
            .collect(),
        Err(e) => {
            diags.push(
                Diagnostic::error(
                    "unreadable",
                    format!("{}: {e}", display_path(dir, display_root)),
                )
                .with_path(display_path(dir, display_root)),
            );
            return cfg;
        }
    };
    // Override files are merged after all the others, in lexical order.
    names.sort_by_key(|p| {
        let n = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        (is_override(n), p.clone())
    });
    for path in names {
        let fname = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let overriding = is_override(&fname);
        let Some(id) = read_source(&path, sources, display_root, diags) else {
            continue;
        };
        let Some(file) = sources.get(id) else {
            continue;
        };
        let body = if fname.ends_with(".json") {
            cfg.json_files.push(id);
            match crate::load::json::json_to_hcl(&file.text) {
                Ok(hcl) => parse_hcl(id, &hcl, &file.display, diags).map(|b| {
                    // Spans of generated text do not point into the JSON file.
                    (b, false)
                }),
                Err(e) => {
                    let mut d = Diagnostic::error(
                        "parse-error",
                        format!("{}: invalid Terraform JSON: {e}", file.display),
                    )
                    .with_path(file.display.clone());
                    // Syntax errors: where serde_json stopped.
                    if let Err(je) = serde_json::from_str::<serde_json::Value>(&file.text) {
                        d = d.at_line(je.line(), je.column());
                    }
                    diags.push(d);
                    None
                }
            }
        } else {
            parse_hcl(id, &file.text, &file.display, diags).map(|b| (b, true))
        };
        let Some((body, real_spans)) = body else {
            continue;
        };
        let text: &str = if real_spans { &file.text } else { "" };
        let json_text: Option<&str> = if real_spans { None } else { Some(&file.text) };
        if overriding {
            merge_override(&mut cfg, id, body, text, diags);
        } else {
            add_body(&mut cfg, id, body, text, json_text, diags);
        }
    }
    cfg
}

/// Merge the blocks of an override file into the configuration, the way
/// Terraform does: arguments replace arguments, nested blocks of a type replace
/// all nested blocks of that type, locals replace locals.
fn merge_override(
    cfg: &mut ModuleConfig,
    file: FileId,
    body: Body,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) {
    for st in body {
        let Structure::Block(b) = st else { continue };
        let span = sp(file, b.span());
        let kind = b.ident.value().as_str().to_string();
        match kind.as_str() {
            "resource" | "data" => {
                let (Some(t), Some(n)) = (label(&b, 0), label(&b, 1)) else {
                    continue;
                };
                let Some(idx) = cfg.resource(kind == "data", &t, &n) else {
                    diags.push(
                        Diagnostic::error("override-target-missing", format!("Missing {kind} to override: there is no {kind} \"{t}\" \"{n}\" to override"))
                            .with_span(span),
                    );
                    continue;
                };
                let Some(d) = cfg.resources.get_mut(idx) else {
                    continue;
                };
                if let Some(a) = b.body.get_attribute("count") {
                    d.count = Some((a.value.clone(), sp(file, a.span())));
                }
                if let Some(a) = b.body.get_attribute("for_each") {
                    d.for_each = Some((a.value.clone(), sp(file, a.span())));
                }
                d.overrides.push((file, b));
            }
            "variable" => {
                let Some(n) = label(&b, 0) else { continue };
                let dir = cfg.dir.clone();
                let Some(v) = cfg.variables.get_mut(&n) else {
                    diags.push(
                        Diagnostic::error(
                            "override-target-missing",
                            format!("Missing variable to override: there is no variable \"{n}\""),
                        )
                        .with_span(span),
                    );
                    continue;
                };
                if let Some(a) = b.body.get_attribute("default") {
                    v.default = Some((a.value.clone(), sp(file, a.span())));
                }
                if let Some(a) = b.body.get_attribute("type") {
                    let ev = |e: &Expression| eval_const(e, &dir);
                    if let Ok(t) = parse_type(&a.value, &ev) {
                        v.ty = t;
                        v.type_text = a
                            .value
                            .span()
                            .and_then(|r| text.get(r))
                            .map(|s| s.trim().to_string());
                    }
                }
                if let Some(x) = const_bool(&b, "sensitive", &dir) {
                    v.sensitive = x;
                }
                if let Some(x) = const_bool(&b, "nullable", &dir) {
                    v.nullable = x;
                }
            }
            "locals" => {
                for st in b.body {
                    if let Structure::Attribute(a) = st {
                        let name = a.key.value().as_str().to_string();
                        let aspan = sp(file, a.span());
                        cfg.locals.insert(
                            name,
                            LocalDecl {
                                expr: a.value,
                                file,
                                span: aspan,
                            },
                        );
                    }
                }
            }
            "output" => {
                let Some(n) = label(&b, 0) else { continue };
                let dir = cfg.dir.clone();
                let Some(o) = cfg.outputs.get_mut(&n) else {
                    continue;
                };
                if let Some(a) = b.body.get_attribute("value") {
                    o.expr = Some(a.value.clone());
                    o.file = file;
                }
                if let Some(x) = const_bool(&b, "sensitive", &dir) {
                    o.sensitive = x;
                }
            }
            "module" => {
                let Some(n) = label(&b, 0) else { continue };
                let dir = cfg.dir.clone();
                let Some(m) = cfg.modules.get_mut(&n) else {
                    diags.push(
                        Diagnostic::error(
                            "override-target-missing",
                            format!("Missing module call to override: there is no module \"{n}\""),
                        )
                        .with_span(span),
                    );
                    continue;
                };
                if let Some(a) = b.body.get_attribute("source") {
                    m.source = eval_const(&a.value, &dir)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string));
                }
                if let Some(a) = b.body.get_attribute("count") {
                    m.count = Some((a.value.clone(), sp(file, a.span())));
                }
                if let Some(a) = b.body.get_attribute("for_each") {
                    m.for_each = Some((a.value.clone(), sp(file, a.span())));
                }
                m.overrides.push((file, b));
            }
            "provider" => {
                let Some(n) = label(&b, 0) else { continue };
                let alias = b
                    .body
                    .get_attribute("alias")
                    .and_then(|a| eval_const(&a.value, &cfg.dir).ok())
                    .and_then(|v| v.as_str().map(str::to_string));
                match cfg
                    .providers
                    .iter_mut()
                    .find(|p| p.name == n && p.alias == alias)
                {
                    Some(p) => p.overrides.push((file, b)),
                    None => diags.push(
                        Diagnostic::error(
                            "override-target-missing",
                            format!("Missing provider configuration to override: there is no provider \"{n}\"{} to override", alias.map(|a| format!(" with alias \"{a}\"")).unwrap_or_default()),
                        )
                        .with_span(span),
                    ),
                }
            }
            // Terraform merges every `terraform` block of an override file
            // into the module's settings (there may be none to start with).
            "terraform" => match cfg.settings.first_mut() {
                Some(s) => s.overrides.push((file, b)),
                None => cfg.settings.push(SettingsDecl {
                    file,
                    span,
                    block: b,
                    overrides: Vec::new(),
                }),
            },
            _ => diags.push(
                Diagnostic::note(
                    "override-not-merged",
                    format!("Override of a {kind} block is not merged; the original is used"),
                )
                .with_span(span),
            ),
        }
    }
}

/// Where a block read from Terraform JSON is declared: the key of its last
/// label (found by looking for the block kind and the labels in order).
fn json_span(file: FileId, text: &str, kind: &str, labels: &[String]) -> Span {
    let mut pos = 0;
    let mut found = None;
    for key in std::iter::once(kind).chain(labels.iter().map(String::as_str)) {
        let quoted = format!("\"{key}\"");
        match text.get(pos..).and_then(|t| t.find(&quoted)) {
            Some(i) => {
                found = Some((pos + i, pos + i + quoted.len()));
                pos += i + quoted.len();
            }
            None => break,
        }
    }
    match found {
        Some((a, b)) => Span::new(file, a, b),
        None => Span::new(file, 0, 0),
    }
}

fn label(b: &Block, i: usize) -> Option<String> {
    b.labels.get(i).map(|l| l.as_str().to_string())
}

fn attr_expr(b: &Block, name: &str, file: FileId) -> Option<(Expression, Span)> {
    b.body
        .get_attribute(name)
        .map(|a| (a.value.clone(), sp(file, a.span())))
}

fn const_bool(b: &Block, name: &str, dir: &Path) -> Option<bool> {
    b.body
        .get_attribute(name)
        .and_then(|a| eval_const(&a.value, dir).ok())
        .and_then(|v| v.as_bool())
}

fn add_body(
    cfg: &mut ModuleConfig,
    file: FileId,
    body: Body,
    text: &str,
    json_text: Option<&str>,
    diags: &mut Vec<Diagnostic>,
) {
    let real_spans = json_text.is_none();
    let fsp = |r: Option<std::ops::Range<usize>>| {
        if real_spans {
            sp(file, r)
        } else {
            Span::new(file, 0, 0)
        }
    };
    for st in body {
        let Structure::Block(b) = st else { continue };
        let span = match json_text {
            None => fsp(b.span()),
            Some(jt) => {
                let labels: Vec<String> = b.labels.iter().map(|l| l.as_str().to_string()).collect();
                json_span(file, jt, b.ident.value().as_str(), &labels)
            }
        };
        let kind = b.ident.value().as_str().to_string();
        match kind.as_str() {
            "resource" | "data" => {
                let (Some(t), Some(n)) = (label(&b, 0), label(&b, 1)) else {
                    diags.push(
                        Diagnostic::error(
                            "invalid-block",
                            format!("{kind} block needs a type and a name label"),
                        )
                        .with_span(span),
                    );
                    continue;
                };
                let data = kind == "data";
                let key = (data, t.clone(), n.clone());
                if cfg.res_index.contains_key(&key) {
                    diags.push(
                        Diagnostic::error(
                            "duplicate-resource",
                            format!("Duplicate {kind} \"{t}\" configuration named \"{n}\""),
                        )
                        .with_span(span),
                    );
                    continue;
                }
                let count = attr_expr(&b, "count", file)
                    .map(|(e, s)| (e, if real_spans { s } else { span }));
                let for_each = attr_expr(&b, "for_each", file)
                    .map(|(e, s)| (e, if real_spans { s } else { span }));
                cfg.res_index.insert(key, cfg.resources.len());
                cfg.resources.push(ResDecl {
                    mode: if data {
                        ResourceMode::Data
                    } else {
                        ResourceMode::Managed
                    },
                    rtype: t,
                    name: n,
                    file,
                    span,
                    block: b,
                    count,
                    for_each,
                    overrides: Vec::new(),
                });
            }
            "variable" => {
                let Some(n) = label(&b, 0) else { continue };
                let default = attr_expr(&b, "default", file)
                    .map(|(e, s)| (e, if real_spans { s } else { span }));
                let (ty, type_text) = match b.body.get_attribute("type") {
                    Some(a) => {
                        let txt = a
                            .value
                            .span()
                            .and_then(|r| text.get(r))
                            .map(|s| s.trim().to_string())
                            .or_else(|| Some(a.value.to_string().trim().to_string()));
                        let ev = |e: &Expression| eval_const(e, &cfg.dir);
                        match parse_type(&a.value, &ev) {
                            Ok(t) => (t, txt),
                            Err(m) => {
                                diags.push(
                                    Diagnostic::error(
                                        "invalid-type",
                                        format!("variable \"{n}\": {m}"),
                                    )
                                    .with_span(fsp(a.span())),
                                );
                                (Ty::Any, txt)
                            }
                        }
                    }
                    None => (Ty::Any, None),
                };
                let sensitive = const_bool(&b, "sensitive", &cfg.dir).unwrap_or(false);
                let nullable = const_bool(&b, "nullable", &cfg.dir).unwrap_or(true);
                cfg.variables.insert(
                    n.clone(),
                    VarDecl {
                        name: n,
                        file,
                        span,
                        default,
                        ty,
                        type_text,
                        sensitive,
                        nullable,
                        block: b,
                    },
                );
            }
            "locals" => {
                for st in b.body {
                    if let Structure::Attribute(a) = st {
                        let name = a.key.value().as_str().to_string();
                        let aspan = fsp(a.span());
                        if cfg.locals.contains_key(&name) {
                            diags.push(
                                Diagnostic::error(
                                    "duplicate-local",
                                    format!("Duplicate local value definition \"{name}\""),
                                )
                                .with_span(aspan),
                            );
                            continue;
                        }
                        cfg.locals.insert(
                            name,
                            LocalDecl {
                                expr: a.value,
                                file,
                                span: aspan,
                            },
                        );
                    }
                }
            }
            "output" => {
                let Some(n) = label(&b, 0) else { continue };
                let expr = b.body.get_attribute("value").map(|a| a.value.clone());
                let sensitive = const_bool(&b, "sensitive", &cfg.dir).unwrap_or(false);
                cfg.outputs.insert(
                    n,
                    OutputDecl {
                        expr,
                        file,
                        span,
                        sensitive,
                    },
                );
            }
            "module" => {
                let Some(n) = label(&b, 0) else { continue };
                let source = b
                    .body
                    .get_attribute("source")
                    .and_then(|a| eval_const(&a.value, &cfg.dir).ok())
                    .and_then(|v| v.as_str().map(str::to_string));
                let count = attr_expr(&b, "count", file)
                    .map(|(e, s)| (e, if real_spans { s } else { span }));
                let for_each = attr_expr(&b, "for_each", file)
                    .map(|(e, s)| (e, if real_spans { s } else { span }));
                cfg.modules.insert(
                    n.clone(),
                    ModuleDecl {
                        name: n,
                        file,
                        span,
                        block: b,
                        source,
                        count,
                        for_each,
                        overrides: Vec::new(),
                    },
                );
            }
            "provider" => {
                let Some(n) = label(&b, 0) else { continue };
                let alias = b
                    .body
                    .get_attribute("alias")
                    .and_then(|a| eval_const(&a.value, &cfg.dir).ok())
                    .and_then(|v| v.as_str().map(str::to_string));
                cfg.providers.push(ProviderDecl {
                    name: n,
                    alias,
                    file,
                    span,
                    block: b,
                    overrides: Vec::new(),
                });
            }
            "terraform" => cfg.settings.push(SettingsDecl {
                file,
                span,
                block: b,
                overrides: Vec::new(),
            }),
            _ => {}
        }
    }
}
