//! Terraform plan JSON (`terraform show -json <planfile>`), state files (format
//! version 4) and `terraform show -json` of a state, read into the same
//! [`Resource`] model the evaluator produces.
//!
//! Conventions for the resource body (shared with the evaluator's output, so
//! rules cannot tell the difference):
//!
//! * every key of the resource's `values` (state: `attributes`) becomes an
//!   [`Attr`] holding the value;
//! * an attribute whose value is a non-empty list of objects is *also* exposed
//!   as nested [`Block`]s of that name, one per element, built by the same rules
//!   (rules read blocks such as `ingress`, `versioning`, `rule`). The attribute
//!   stays, so [`Block::to_json`] gives back the original shape;
//! * a value terraform reports in `after_unknown` becomes [`Value::Unknown`]
//!   whose refs hold the resource's own address, with [`Origin::Computed`] when
//!   the whole attribute is unknown;
//! * a value marked in `sensitive_values` / `after_sensitive` (state:
//!   `sensitive_attributes`) is wrapped in [`Value::Sensitive`];
//! * state files keep dynamically typed attributes as `{"value", "type"}`
//!   pairs; those are unwrapped to the bare value, as plans show them;
//! * spans: the file is registered in the [`SourceMap`]; a resource's span covers
//!   the first `"address": "..."` property naming it (plans and shown states) or
//!   its element of the `resources` array (state files); attributes share the
//!   resource's span.
//!
//! Data sources read during planning appear only under `prior_state` in a plan;
//! they are included (after those in `planned_values`).

use std::collections::HashMap;
use std::path::Path;

use rampart_model::{
    Attr, Block, Diagnostic, Origin, Resource, ResourceMode, SourceFormat, Span, Value,
};
use rampart_source::{FileId, SourceFile, SourceMap};
use serde_json::Value as J;

use crate::Evaluation;

/// What a JSON document is, judged by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanKind {
    /// `terraform show -json` of a saved plan.
    Plan,
    /// A state file (format version 4, `terraform.tfstate`).
    State,
    /// `terraform show -json` of a state (no plan file given).
    ShowState,
}

/// Classify a JSON text: a plan has `format_version` and `planned_values`; a
/// state file has `version: 4`, `terraform_version` and `resources` whose
/// entries have `instances`; a shown state has `format_version` and
/// `values.root_module`.
pub fn detect(text: &str) -> Option<PlanKind> {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if !t.starts_with('{') {
        return None;
    }
    let j: J = serde_json::from_str(t).ok()?;
    detect_value(&j)
}

fn detect_value(j: &J) -> Option<PlanKind> {
    let o = j.as_object()?;
    if o.contains_key("format_version") && o.get("planned_values").is_some_and(J::is_object) {
        return Some(PlanKind::Plan);
    }
    if o.get("version").and_then(J::as_u64) == Some(4)
        && o.get("terraform_version").is_some_and(J::is_string)
    {
        if let Some(J::Array(rs)) = o.get("resources") {
            if rs
                .iter()
                .all(|r| r.get("instances").is_some_and(J::is_array))
            {
                return Some(PlanKind::State);
            }
        }
    }
    if o.contains_key("format_version")
        && o.get("values")
            .and_then(|v| v.get("root_module"))
            .is_some_and(J::is_object)
    {
        return Some(PlanKind::ShowState);
    }
    None
}

/// Load `terraform show -json` output of a plan.
pub fn load_plan(path: &Path, sources: &SourceMap) -> Evaluation {
    load_any(path, sources, Some(PlanKind::Plan))
}

/// Load a state file (v4) or `terraform show -json` of a state.
pub fn load_state(path: &Path, sources: &SourceMap) -> Evaluation {
    load_any(path, sources, None)
}

fn display_of(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

fn load_any(path: &Path, sources: &SourceMap, want: Option<PlanKind>) -> Evaluation {
    let mut ev = Evaluation::default();
    let text = match std::fs::read(path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            ev.diagnostics.push(
                Diagnostic::error("read-error", format!("cannot read file: {e}"))
                    .with_path(display_of(path)),
            );
            return ev;
        }
    };
    let file = match sources.find(path) {
        Some(id) => id,
        None => sources.add(SourceFile::new(display_of(path), path, text.clone())),
    };
    load_text(&text, file, want, &mut ev);
    ev
}

/// Load already registered text (`file` is its id in the source map). `want`
/// restricts the accepted kind: `Some(Plan)` for plans only, `None` for states.
pub fn load_text(text: &str, file: FileId, want: Option<PlanKind>, ev: &mut Evaluation) {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let offset = text.len() - body.len();
    let j: J = match serde_json::from_str(body) {
        Ok(j) => j,
        Err(e) => {
            let (line, col) = (e.line(), e.column());
            let at = offset + byte_offset(body, line, col);
            ev.diagnostics.push(
                Diagnostic::error("parse-error", format!("invalid JSON: {e}"))
                    .with_span(Span::new(file, at, at))
                    .at_line(line.max(1), col.max(1)),
            );
            return;
        }
    };
    let kind = detect_value(&j);
    let ok = match (want, kind) {
        (Some(PlanKind::Plan), Some(PlanKind::Plan)) => true,
        (None, Some(PlanKind::State | PlanKind::ShowState)) => true,
        (Some(w), Some(k)) => w == k,
        _ => false,
    };
    if !ok {
        let expected = if want == Some(PlanKind::Plan) {
            "a `terraform show -json` plan (format_version and planned_values)"
        } else {
            "a Terraform state (version 4) or `terraform show -json` state output"
        };
        ev.diagnostics.push(
            Diagnostic::error("not-terraform-json", format!("not {expected}"))
                .with_span(Span::new(file, offset, offset)),
        );
        return;
    }
    match kind {
        Some(PlanKind::Plan) => read_plan(text, file, &j, ev),
        Some(PlanKind::ShowState) => read_shown_state(text, file, &j, ev),
        Some(PlanKind::State) => read_state_v4(text, file, &j, ev),
        None => {}
    }
}

/// Byte offset of 1-based line/column (serde_json's column is 1-based bytes).
fn byte_offset(text: &str, line: usize, col: usize) -> usize {
    let mut off = 0usize;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return (off + col.saturating_sub(1)).min(text.len());
        }
        off += l.len();
    }
    text.len()
}

// ---------------------------------------------------------------------------
// Plans and shown states.

/// Offsets of every `"address": "<string>"` property, keyed by the decoded
/// address (first occurrence wins).
fn address_spans(text: &str) -> HashMap<String, (usize, usize)> {
    let mut out = HashMap::new();
    let bytes = text.as_bytes();
    let key = "\"address\"";
    let mut from = 0usize;
    while let Some(pos) = text.get(from..).and_then(|t| t.find(key)) {
        let start = from + pos;
        from = start + key.len();
        let mut i = from;
        while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
            i += 1;
        }
        if bytes.get(i) != Some(&b':') {
            continue;
        }
        i += 1;
        while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
            i += 1;
        }
        if bytes.get(i) != Some(&b'"') {
            continue;
        }
        let Some(end) = string_end(bytes, i) else {
            continue;
        };
        if let Some(Ok(addr)) = text.get(i..end).map(serde_json::from_str::<String>) {
            out.entry(addr).or_insert((start, end));
        }
        from = end;
    }
    out
}

/// Given the offset of an opening quote, the offset just past the closing one.
fn string_end(bytes: &[u8], open: usize) -> Option<usize> {
    let mut i = open + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

struct Ctx<'a> {
    file: FileId,
    spans: HashMap<String, (usize, usize)>,
    format: SourceFormat,
    /// address → (after_unknown, after_sensitive) from resource_changes.
    changes: HashMap<String, (&'a J, &'a J)>,
}

impl Ctx<'_> {
    fn span_of(&self, address: &str) -> Span {
        match self.spans.get(address) {
            Some(&(s, e)) => Span::new(self.file, s, e),
            None => Span::new(self.file, 0, 0),
        }
    }
}

fn read_plan(text: &str, file: FileId, j: &J, ev: &mut Evaluation) {
    let mut changes = HashMap::new();
    if let Some(J::Array(rc)) = j.get("resource_changes") {
        for c in rc {
            if let (Some(addr), Some(ch)) = (c.get("address").and_then(J::as_str), c.get("change"))
            {
                let unk = ch.get("after_unknown").unwrap_or(&J::Null);
                let sens = ch.get("after_sensitive").unwrap_or(&J::Null);
                changes.insert(addr.to_string(), (unk, sens));
            }
        }
    }
    let ctx = Ctx {
        file,
        spans: address_spans(text),
        format: SourceFormat::TerraformPlan,
        changes,
    };
    if let Some(root) = j.get("planned_values").and_then(|p| p.get("root_module")) {
        walk_module(&ctx, root, "", ev);
    }
    if let Some(root) = j.get("configuration").and_then(|c| c.get("root_module")) {
        let mut refs = HashMap::new();
        config_references(root, "", &mut refs);
        attach_references(&refs, ev);
    }
    // Data sources read while planning live only in prior_state.
    if let Some(root) = j
        .get("prior_state")
        .and_then(|p| p.get("values"))
        .and_then(|v| v.get("root_module"))
    {
        let mut prior = Evaluation::default();
        walk_module(&ctx, root, "", &mut prior);
        for r in prior.resources {
            if r.mode == ResourceMode::Data && !ev.resources.iter().any(|x| x.address == r.address)
            {
                ev.resources.push(r);
            }
        }
    }
}

/// (module config path, resource config address) → attribute → referenced
/// resources, from the plan's `configuration` section.
type ConfigRefs = HashMap<(String, String), HashMap<String, Vec<String>>>;

/// Collect the `references` of every top-level argument expression of every
/// resource in the configuration, module calls included.
fn config_references(m: &J, module: &str, out: &mut ConfigRefs) {
    if let Some(J::Array(rs)) = m.get("resources") {
        for r in rs {
            let (Some(addr), Some(J::Object(exprs))) =
                (r.get("address").and_then(J::as_str), r.get("expressions"))
            else {
                continue;
            };
            let mut attrs = HashMap::new();
            for (name, e) in exprs {
                let list: Vec<String> = e
                    .get("references")
                    .and_then(J::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(J::as_str)
                            .filter_map(resource_of_reference)
                            .collect()
                    })
                    .unwrap_or_default();
                if !list.is_empty() {
                    let mut dedup: Vec<String> = Vec::new();
                    for x in list {
                        if !dedup.contains(&x) {
                            dedup.push(x);
                        }
                    }
                    attrs.insert(name.clone(), dedup);
                }
            }
            out.insert((module.to_string(), addr.to_string()), attrs);
        }
    }
    if let Some(J::Object(calls)) = m.get("module_calls") {
        for (name, call) in calls {
            let path = if module.is_empty() {
                format!("module.{name}")
            } else {
                format!("{module}.module.{name}")
            };
            if let Some(child) = call.get("module") {
                config_references(child, &path, out);
            }
        }
    }
}

/// The resource a configuration reference points into: `aws_vpc.main.id`
/// gives `aws_vpc.main`, `data.x.y.json` gives `data.x.y`; references to
/// variables, locals, modules and the like give nothing.
fn resource_of_reference(r: &str) -> Option<String> {
    let first = r.split(['.', '[']).next()?;
    if matches!(
        first,
        "var" | "local" | "each" | "count" | "path" | "terraform" | "self" | "module"
    ) {
        return None;
    }
    let parts: Vec<&str> = r.split('.').collect();
    let n = if first == "data" { 3 } else { 2 };
    (parts.len() >= n).then(|| parts[..n].join("."))
}

/// Strip instance keys from a module path: `module.a["x"].module.b[0]` → `module.a.module.b`.
fn module_config_path(module: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut in_str = false;
    let mut prev = '\0';
    for c in module.chars() {
        match c {
            '"' if depth > 0 && prev != '\\' => in_str = !in_str,
            '[' if !in_str => depth += 1,
            ']' if !in_str && depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
        prev = c;
    }
    out
}

/// Give plan resources' attributes the references their expressions make, so
/// cross-resource rules can follow them as they do in HCL scans.
fn attach_references(refs: &ConfigRefs, ev: &mut Evaluation) {
    for r in &mut ev.resources {
        let cfg_module = module_config_path(&r.module);
        let local = r
            .address
            .strip_prefix(&r.module)
            .map(|a| a.trim_start_matches('.'))
            .unwrap_or(&r.address);
        let cfg_addr = module_config_path(local);
        let Some(attrs) = refs.get(&(cfg_module, cfg_addr)) else {
            continue;
        };
        for (name, list) in attrs {
            if let Some(a) = r.body.attrs.get_mut(name) {
                for x in list {
                    let full = if r.module.is_empty() {
                        x.clone()
                    } else {
                        format!("{}.{x}", r.module)
                    };
                    if !a.refs.contains(&full) {
                        a.refs.push(full);
                    }
                }
            }
        }
    }
}

fn read_shown_state(text: &str, file: FileId, j: &J, ev: &mut Evaluation) {
    let ctx = Ctx {
        file,
        spans: address_spans(text),
        format: SourceFormat::TerraformState,
        changes: HashMap::new(),
    };
    if let Some(root) = j.get("values").and_then(|v| v.get("root_module")) {
        walk_module(&ctx, root, "", ev);
    }
}

fn walk_module(ctx: &Ctx<'_>, m: &J, module: &str, ev: &mut Evaluation) {
    let module = m.get("address").and_then(J::as_str).unwrap_or(module);
    if let Some(J::Array(rs)) = m.get("resources") {
        for r in rs {
            if let Some(res) = resource_from_values(ctx, r, module) {
                ev.resources.push(res);
            }
        }
    }
    if let Some(J::Array(children)) = m.get("child_modules") {
        for c in children {
            walk_module(ctx, c, module, ev);
        }
    }
}

fn mode_of(s: Option<&str>) -> ResourceMode {
    match s {
        Some("data") => ResourceMode::Data,
        _ => ResourceMode::Managed,
    }
}

fn resource_from_values(ctx: &Ctx<'_>, r: &J, module: &str) -> Option<Resource> {
    let address = r.get("address").and_then(J::as_str)?.to_string();
    let kind = r
        .get("type")
        .and_then(J::as_str)
        .unwrap_or_default()
        .to_string();
    let name = r
        .get("name")
        .and_then(J::as_str)
        .unwrap_or_default()
        .to_string();
    let mode = mode_of(r.get("mode").and_then(J::as_str));
    let span = ctx.span_of(&address);
    let empty = J::Object(serde_json::Map::new());
    let values = r.get("values").unwrap_or(&empty);
    let (unknown, sensitive) = match ctx.changes.get(&address) {
        Some(&(u, s)) => (u, r.get("sensitive_values").unwrap_or(s)),
        None => (&J::Null, r.get("sensitive_values").unwrap_or(&J::Null)),
    };
    let body = body_from_values(&kind, values, unknown, sensitive, span, &address);
    Some(Resource {
        module: module.to_string(),
        address,
        kind,
        mode,
        name,
        format: ctx.format,
        span,
        body,
        module_calls: Vec::new(),
    })
}

/// Build a resource body from JSON values following the conventions in the
/// module documentation. `unknown` and `sensitive` are masks shaped like
/// `after_unknown` / `after_sensitive` (`true` marks a value; `null` or absent
/// means none). `address` is used as the ref of unknown values.
pub fn body_from_values(
    kind: &str,
    values: &J,
    unknown: &J,
    sensitive: &J,
    span: Span,
    address: &str,
) -> Block {
    let mut v = Value::from_json(values);
    apply_unknown(&mut v, unknown, address);
    apply_sensitive(&mut v, sensitive);
    let mut b = block_from_value(kind, &v, span);
    // Attributes that are wholly unknown were computed by the provider.
    for a in b.attrs.values_mut() {
        if a.value.is_unknown() {
            a.origin = Origin::Computed;
        }
    }
    b
}

fn block_from_value(kind: &str, v: &Value, span: Span) -> Block {
    let mut b = Block::new(kind, span);
    let Some(m) = v.as_object() else {
        return b;
    };
    for (k, val) in m {
        b.attrs.insert(k.clone(), Attr::new(val.clone(), span));
        if let Some(items) = val.as_list() {
            if !items.is_empty() && items.iter().all(|i| i.as_object().is_some()) {
                for it in items {
                    b.blocks.push(block_from_value(k, it, span));
                }
            }
        }
    }
    b
}

fn apply_unknown(v: &mut Value, mask: &J, address: &str) {
    match mask {
        J::Bool(true) => *v = Value::unknown_from(vec![address.to_string()]),
        J::Object(m) => {
            if !mask_has_true(mask) {
                return;
            }
            if v.is_null() {
                *v = Value::Object(Default::default());
            }
            if let Value::Object(obj) = v {
                for (k, sub) in m {
                    if !mask_has_true(sub) {
                        continue;
                    }
                    let slot = obj.entry(k.clone()).or_insert(Value::Null);
                    apply_unknown(slot, sub, address);
                }
            }
        }
        J::Array(items) => {
            if let Value::List(list) | Value::Set(list) = v {
                for (i, sub) in items.iter().enumerate() {
                    if let Some(slot) = list.get_mut(i) {
                        apply_unknown(slot, sub, address);
                    } else if sub == &J::Bool(true) {
                        list.push(Value::unknown_from(vec![address.to_string()]));
                    }
                }
            } else if v.is_null() && items.iter().any(|x| x == &J::Bool(true)) {
                *v = Value::List(
                    items
                        .iter()
                        .map(|x| {
                            if x == &J::Bool(true) {
                                Value::unknown_from(vec![address.to_string()])
                            } else {
                                Value::Null
                            }
                        })
                        .collect(),
                );
            }
        }
        _ => {}
    }
}

fn mask_has_true(mask: &J) -> bool {
    match mask {
        J::Bool(b) => *b,
        J::Object(m) => m.values().any(mask_has_true),
        J::Array(a) => a.iter().any(mask_has_true),
        _ => false,
    }
}

fn apply_sensitive(v: &mut Value, mask: &J) {
    match mask {
        J::Bool(true) => {
            let inner = std::mem::take(v);
            *v = inner.mark(true);
        }
        J::Object(m) => {
            if let Value::Object(obj) = v {
                for (k, sub) in m {
                    if let Some(slot) = obj.get_mut(k) {
                        apply_sensitive(slot, sub);
                    }
                }
            }
        }
        J::Array(items) => {
            if let Value::List(list) | Value::Set(list) = v {
                for (slot, sub) in list.iter_mut().zip(items) {
                    apply_sensitive(slot, sub);
                }
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------
// State files (format version 4).

fn read_state_v4(text: &str, file: FileId, j: &J, ev: &mut Evaluation) {
    let Some(J::Array(resources)) = j.get("resources") else {
        return;
    };
    let elem_spans = top_level_array_elements(text, "resources");
    for (ri, r) in resources.iter().enumerate() {
        let mode_s = r.get("mode").and_then(J::as_str);
        let mode = mode_of(mode_s);
        let kind = r.get("type").and_then(J::as_str).unwrap_or_default();
        let name = r.get("name").and_then(J::as_str).unwrap_or_default();
        let module = r.get("module").and_then(J::as_str).unwrap_or_default();
        let span = match elem_spans.get(ri) {
            Some(&(s, e)) => Span::new(file, s, e),
            None => Span::new(file, 0, 0),
        };
        let mut base = String::new();
        if !module.is_empty() {
            base.push_str(module);
            base.push('.');
        }
        if mode == ResourceMode::Data {
            base.push_str("data.");
        }
        base.push_str(kind);
        base.push('.');
        base.push_str(name);
        let Some(J::Array(instances)) = r.get("instances") else {
            continue;
        };
        for inst in instances {
            let address = match inst.get("index_key") {
                Some(J::Number(n)) => format!("{base}[{n}]"),
                Some(J::String(s)) => format!(
                    "{base}[{}]",
                    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
                ),
                _ => base.clone(),
            };
            let empty = J::Object(serde_json::Map::new());
            let attrs = inst
                .get("attributes")
                .or_else(|| inst.get("attributes_flat"))
                .unwrap_or(&empty);
            let attrs = unwrap_dynamic(attrs);
            let mask = sensitive_mask_from_paths(inst.get("sensitive_attributes"));
            let body = body_from_values(kind, &attrs, &J::Null, &mask, span, &address);
            ev.resources.push(Resource {
                address,
                kind: kind.to_string(),
                mode,
                name: name.to_string(),
                module: module.to_string(),
                format: SourceFormat::TerraformState,
                span,
                body,
                module_calls: Vec::new(),
            });
        }
    }
}

/// State files store attributes of dynamic type (such as `terraform_data`'s
/// `input`) as `{"value": ..., "type": <cty type>}`; `terraform show -json`
/// and plans give the bare value. Unwrap top-level attributes of that exact
/// shape (keys `value` and `type`, with `type` a cty type: a primitive type
/// name or a `["list", ...]`-style array) so every format gives the same body.
fn unwrap_dynamic(attrs: &J) -> J {
    let Some(m) = attrs.as_object() else {
        return attrs.clone();
    };
    fn is_cty_type(t: &J) -> bool {
        match t {
            J::String(s) => matches!(s.as_str(), "string" | "number" | "bool" | "dynamic"),
            J::Array(a) => matches!(
                a.first().and_then(J::as_str),
                Some("list" | "set" | "map" | "object" | "tuple")
            ),
            _ => false,
        }
    }
    let out = m
        .iter()
        .map(|(k, v)| {
            let unwrapped = match v.as_object() {
                Some(o)
                    if o.len() == 2
                        && o.contains_key("value")
                        && o.get("type").is_some_and(is_cty_type) =>
                {
                    o.get("value").cloned().unwrap_or(J::Null)
                }
                _ => v.clone(),
            };
            (k.clone(), unwrapped)
        })
        .collect();
    J::Object(out)
}

/// Turn state v4 `sensitive_attributes` (a list of paths, each a list of
/// `{"type": "get_attr"|"index", "value": ...}` steps) into a mask shaped like
/// `sensitive_values`.
fn sensitive_mask_from_paths(paths: Option<&J>) -> J {
    let mut mask = J::Null;
    let Some(J::Array(paths)) = paths else {
        return mask;
    };
    for p in paths {
        let steps: Vec<&J> = match p {
            J::Array(steps) => steps.iter().collect(),
            J::Object(_) => vec![p],
            _ => continue,
        };
        set_mask(&mut mask, &steps);
    }
    mask
}

fn set_mask(mask: &mut J, steps: &[&J]) {
    let Some((first, rest)) = steps.split_first() else {
        *mask = J::Bool(true);
        return;
    };
    // Index steps carry a typed value: {"value": "key", "type": "string"}.
    let value = match first.get("value") {
        Some(J::Object(o)) => o.get("value"),
        v => v,
    };
    match (first.get("type").and_then(J::as_str), value) {
        (Some("get_attr"), Some(J::String(k))) | (Some("index"), Some(J::String(k))) => {
            if !mask.is_object() {
                *mask = J::Object(serde_json::Map::new());
            }
            if let J::Object(m) = mask {
                let slot = m.entry(k.clone()).or_insert(J::Null);
                set_mask(slot, rest);
            }
        }
        (Some("index"), Some(J::Number(n))) => {
            let Some(i) = n.as_u64().and_then(|i| usize::try_from(i).ok()) else {
                return;
            };
            if i > 100_000 {
                return;
            }
            if !mask.is_array() {
                *mask = J::Array(Vec::new());
            }
            if let J::Array(a) = mask {
                while a.len() <= i {
                    a.push(J::Null);
                }
                if let Some(slot) = a.get_mut(i) {
                    set_mask(slot, rest);
                }
            }
        }
        _ => {}
    }
}

/// Byte ranges of the elements of the array stored under `key` in the
/// top-level object of `text` (empty when not found or malformed).
fn top_level_array_elements(text: &str, key: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return Vec::new();
    }
    i += 1;
    loop {
        i = skip_ws(b, i);
        if b.get(i) != Some(&b'"') {
            return Vec::new();
        }
        let Some(kend) = string_end(b, i) else {
            return Vec::new();
        };
        let k: Option<String> = text.get(i..kend).and_then(|s| serde_json::from_str(s).ok());
        i = skip_ws(b, kend);
        if b.get(i) != Some(&b':') {
            return Vec::new();
        }
        i = skip_ws(b, i + 1);
        if k.as_deref() == Some(key) {
            return array_elements(b, i);
        }
        let Some(vend) = skip_value(b, i) else {
            return Vec::new();
        };
        i = skip_ws(b, vend);
        match b.get(i) {
            Some(b',') => i += 1,
            _ => return Vec::new(),
        }
    }
}

fn array_elements(b: &[u8], open: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if b.get(open) != Some(&b'[') {
        return out;
    }
    let mut i = skip_ws(b, open + 1);
    if b.get(i) == Some(&b']') {
        return out;
    }
    loop {
        let Some(end) = skip_value(b, i) else {
            return out;
        };
        out.push((i, end));
        i = skip_ws(b, end);
        match b.get(i) {
            Some(b',') => i = skip_ws(b, i + 1),
            _ => return out,
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

/// Offset just past the JSON value starting at `i` (iterative, so deep nesting
/// cannot overflow the stack).
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => string_end(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while let Some(&c) = b.get(j) {
                match c {
                    b'"' => {
                        j = string_end(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.checked_sub(1)?;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while b
                .get(j)
                .is_some_and(|c| !matches!(c, b',' | b'}' | b']') && !c.is_ascii_whitespace())
            {
                j += 1;
            }
            (j > i).then_some(j)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_from_line_col() {
        assert_eq!(byte_offset("ab\ncd", 2, 2), 4);
        assert_eq!(byte_offset("ab\ncd", 1, 1), 0);
        assert_eq!(byte_offset("ab", 9, 9), 2);
    }

    #[test]
    fn elements_of_top_level_array() {
        let t = r#"{"a": {"x": [1, "]"]}, "resources": [ {"n": 1}, {"n": "}"} ]}"#;
        let el = top_level_array_elements(t, "resources");
        let texts: Vec<&str> = el.iter().filter_map(|&(s, e)| t.get(s..e)).collect();
        assert_eq!(texts, vec![r#"{"n": 1}"#, r#"{"n": "}"}"#]);
        assert!(top_level_array_elements("[1]", "resources").is_empty());
        assert!(top_level_array_elements(r#"{"resources": [ {"#, "resources").is_empty());
    }

    #[test]
    fn address_spans_decode_escapes() {
        let t = r#"{"address":"a.b[\"k\"]", "x": {"address" : "c.d"}}"#;
        let s = address_spans(t);
        assert_eq!(s.get("a.b[\"k\"]").copied(), Some((1, 23)));
        assert!(s.contains_key("c.d"));
    }

    #[test]
    fn state_sensitive_paths() {
        let p: J = serde_json::json!([[{"type": "get_attr", "value": "password"}],
            [{"type": "get_attr", "value": "list"}, {"type": "index", "value": 1}]]);
        assert_eq!(
            sensitive_mask_from_paths(Some(&p)),
            serde_json::json!({"password": true, "list": [null, true]})
        );
    }
}

#[cfg(test)]
mod reference_tests {
    use super::*;

    #[test]
    fn references_name_resources() {
        assert_eq!(
            resource_of_reference("aws_vpc.main.id").as_deref(),
            Some("aws_vpc.main")
        );
        assert_eq!(
            resource_of_reference("aws_subnet.a[0].id").as_deref(),
            Some("aws_subnet.a[0]")
        );
        assert_eq!(
            resource_of_reference("data.aws_iam_policy_document.p.json").as_deref(),
            Some("data.aws_iam_policy_document.p")
        );
        assert_eq!(resource_of_reference("var.x"), None);
        assert_eq!(resource_of_reference("module.m.out"), None);
        assert_eq!(resource_of_reference("aws_vpc"), None);
    }

    #[test]
    fn module_paths_lose_instance_keys() {
        assert_eq!(
            module_config_path("module.a[\"x.y]\"].module.b[0]"),
            "module.a.module.b"
        );
        assert_eq!(module_config_path(""), "");
    }
}
