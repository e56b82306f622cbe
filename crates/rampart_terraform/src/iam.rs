//! IAM policy documents.
//!
//! * [`render`] turns an evaluated `data "aws_iam_policy_document"` body into the
//!   exact JSON text the AWS provider (5.x) puts in its `json` attribute, and
//!   [`render_minified`] into its `minified_json`. The golden corpus checks both
//!   against recorded provider output.
//! * [`parse_policy`] reads any IAM policy JSON (from `jsonencode`, a heredoc, a
//!   file, the data source, a plan) into one normalised [`Policy`] type for rules.
//!
//! How the provider builds the document (observed in recordings and in its
//! public source): `actions`, `not_actions`, `resources`, `not_resources` and
//! principal `identifiers` are sets; a set of one becomes a plain string, larger
//! ones are sorted in *descending* byte order. `condition` `values` keep their
//! written order (one value becomes a string). Principal and condition blocks
//! are themselves sets, iterated in the order of their hash (the CRC-32 of a
//! canonical serialisation, compared as decimal strings); that order shows when
//! two blocks share a principal type or a condition test and variable. `&{` in
//! resources, identifiers and condition values becomes `${`. Source documents are
//! merged first, then this document's statements, then override documents; a
//! statement with a `Sid` replaces an earlier one with the same `Sid`. Output is
//! Go's `encoding/json`: struct fields in declaration order, map keys sorted,
//! two-space indentation, and `<`, `>`, `&` escaped as `\u003c` and so on.

use std::collections::BTreeMap;

use rampart_model::{Block, Value};
use serde::{Deserialize, Serialize};
use serde_json::Value as J;

const DEFAULT_VERSION: &str = "2012-10-17";

/// Render the provider's `json` attribute (indented). `None` when a value the
/// document needs is unknown, or the provider would reject the configuration.
pub fn render(body: &Block) -> Option<String> {
    let doc = build(body)?;
    let mut out = String::new();
    write_out(&doc_out(&doc), Some(0), &mut out);
    Some(out)
}

/// Render the provider's `minified_json` attribute.
pub fn render_minified(body: &Block) -> Option<String> {
    let doc = build(body)?;
    let mut out = String::new();
    write_out(&doc_out(&doc), None, &mut out);
    Some(out)
}

// ---------------------------------------------------------------------------
// The provider's document model.

#[derive(Debug, Default)]
struct Doc {
    version: String,
    id: String,
    statements: Vec<Stmt>,
}

#[derive(Debug, Default, Clone)]
struct Stmt {
    sid: String,
    effect: String,
    action: Option<J>,
    not_action: Option<J>,
    resource: Option<J>,
    not_resource: Option<J>,
    principals: Vec<Principal>,
    not_principals: Vec<Principal>,
    conditions: Vec<Cond>,
}

/// One string or a list of strings, as the provider keeps them.
#[derive(Debug, Clone)]
enum Strs {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Clone)]
struct Principal {
    kind: String,
    ids: Strs,
}

#[derive(Debug, Clone)]
struct Cond {
    test: String,
    variable: String,
    values: Strs,
}

impl Doc {
    fn merge(&mut self, new: Doc) {
        if !new.id.is_empty() {
            self.id = new.id;
        }
        if new.version > self.version {
            self.version = new.version;
        }
        for st in new.statements {
            if st.sid.is_empty() {
                self.statements.push(st);
                continue;
            }
            match self.statements.iter_mut().find(|s| s.sid == st.sid) {
                Some(slot) => *slot = st,
                None => self.statements.push(st),
            }
        }
    }
}

// ---------------------------------------------------------------------------
// From the evaluated configuration.

fn build(body: &Block) -> Option<Doc> {
    let mut merged = Doc::default();

    if let Some(list) = opt_string_list(body, "source_policy_documents")? {
        let mut sids: Vec<String> = Vec::new();
        for text in list.into_iter().flatten() {
            let doc = parse_source_doc(&text)?;
            for st in &doc.statements {
                if !st.sid.is_empty() {
                    if sids.contains(&st.sid) {
                        return None;
                    }
                    sids.push(st.sid.clone());
                }
            }
            merged.merge(doc);
        }
    }

    let version = match attr_value(body, "version")? {
        None => DEFAULT_VERSION.to_string(),
        Some(v) => v.as_str()?.to_string(),
    };
    let id = match attr_value(body, "policy_id")? {
        None => String::new(),
        Some(v) => v.as_str()?.to_string(),
    };
    let mut doc = Doc {
        version,
        id,
        statements: Vec::new(),
    };
    let mut sids: Vec<String> = Vec::new();
    for sb in body.blocks("statement") {
        let st = build_statement(sb, &doc.version)?;
        if sids.contains(&st.sid) {
            return None;
        }
        if !st.sid.is_empty() {
            sids.push(st.sid.clone());
        }
        doc.statements.push(st);
    }
    merged.merge(doc);

    if let Some(list) = opt_string_list(body, "override_policy_documents")? {
        for text in list.into_iter().flatten() {
            merged.merge(parse_source_doc(&text)?);
        }
    }
    Some(merged)
}

/// `Some(None)` when absent or null, `None` when unknown.
fn attr_value<'a>(b: &'a Block, name: &str) -> Option<Option<&'a Value>> {
    match b.attrs.get(name).map(|a| a.value.unmarked()) {
        None | Some(Value::Null) => Some(None),
        Some(Value::Unknown(_)) => None,
        Some(v) => Some(Some(v)),
    }
}

/// A list of optional strings (null elements kept as `None`). Outer `None`
/// when unknown or not a list of strings.
#[allow(clippy::type_complexity)]
fn opt_string_list(b: &Block, name: &str) -> Option<Option<Vec<Option<String>>>> {
    let Some(v) = attr_value(b, name)? else {
        return Some(None);
    };
    let items = v.as_list()?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        match it.unmarked() {
            Value::Null => out.push(None),
            Value::String(s) => out.push(Some(s.clone())),
            _ => return None,
        }
    }
    Some(Some(out))
}

/// A list of strings; empty when absent. `None` when unknown or ill-typed.
fn string_list(b: &Block, name: &str) -> Option<Vec<String>> {
    let Some(v) = attr_value(b, name)? else {
        return Some(Vec::new());
    };
    let items = v.as_list()?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        match it.unmarked() {
            Value::String(s) => out.push(s.clone()),
            Value::Number(n) => out.push(rampart_model::value::format_number(n)),
            Value::Bool(x) => out.push(x.to_string()),
            _ => return None,
        }
    }
    Some(out)
}

fn opt_string(b: &Block, name: &str) -> Option<String> {
    Some(match attr_value(b, name)? {
        None => String::new(),
        Some(v) => match v {
            Value::String(s) => s.clone(),
            Value::Number(n) => rampart_model::value::format_number(n),
            Value::Bool(x) => x.to_string(),
            _ => return None,
        },
    })
}

fn dedup(v: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(v.len());
    for s in v {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The provider's treatment of a string set: one element stays a string,
/// more are sorted in descending order.
fn decode_set(v: Vec<String>) -> Option<Strs> {
    let mut v = dedup(v);
    match v.len() {
        0 => None,
        1 => v.pop().map(Strs::One),
        _ => {
            v.sort_by(|a, b| b.cmp(a));
            Some(Strs::Many(v))
        }
    }
}

fn replace_vars(s: &str, version: &str) -> Option<String> {
    if version == "2008-10-17" && s.contains("&{") {
        return None;
    }
    Some(s.replace("&{", "${"))
}

fn replace_vars_strs(v: Strs, version: &str) -> Option<Strs> {
    Some(match v {
        Strs::One(s) => Strs::One(replace_vars(&s, version)?),
        Strs::Many(v) => Strs::Many(
            v.iter()
                .map(|s| replace_vars(s, version))
                .collect::<Option<Vec<_>>>()?,
        ),
    })
}

fn strs_json(v: Strs) -> J {
    match v {
        Strs::One(s) => J::String(s),
        Strs::Many(v) => J::Array(v.into_iter().map(J::String).collect()),
    }
}

fn go_hash(s: &str) -> String {
    crc32fast::hash(s.as_bytes()).to_string()
}

/// Order of a string set's elements inside the provider (hash order).
fn hash_order(mut v: Vec<String>) -> Vec<String> {
    v.sort_by_cached_key(|s| go_hash(&format!("{s};")));
    v
}

fn build_statement(b: &Block, version: &str) -> Option<Stmt> {
    let effect = match opt_string(b, "effect")? {
        e if e.is_empty() => "Allow".to_string(),
        e => e,
    };
    let mut st = Stmt {
        sid: opt_string(b, "sid")?,
        effect,
        ..Stmt::default()
    };
    st.action = decode_set(string_list(b, "actions")?).map(strs_json);
    st.not_action = decode_set(string_list(b, "not_actions")?).map(strs_json);
    st.resource = match decode_set(string_list(b, "resources")?) {
        Some(v) => Some(strs_json(replace_vars_strs(v, version)?)),
        None => None,
    };
    st.not_resource = match decode_set(string_list(b, "not_resources")?) {
        Some(v) => Some(strs_json(replace_vars_strs(v, version)?)),
        None => None,
    };
    st.principals = build_principals(b, "principals", version)?;
    st.not_principals = build_principals(b, "not_principals", version)?;
    st.conditions = build_conditions(b, version)?;
    Some(st)
}

fn build_principals(b: &Block, kind: &str, version: &str) -> Option<Vec<Principal>> {
    // (hash, principal), deduplicated by hash key like the provider's set.
    let mut keyed: Vec<(String, String, Principal)> = Vec::new();
    for pb in b.blocks(kind) {
        let kind = opt_string(pb, "type")?;
        let ids = dedup(string_list(pb, "identifiers")?);
        let mut ser = String::from("identifiers:{");
        for id in hash_order(ids.clone()) {
            ser.push_str(&id);
            ser.push(';');
        }
        ser.push_str("};type:");
        ser.push_str(&kind);
        ser.push(';');
        let hash = go_hash(&ser);
        if keyed.iter().any(|(h, s, _)| *h == hash && *s == ser) {
            continue;
        }
        let ids = match decode_set(ids) {
            Some(v) => replace_vars_strs(v, version)?,
            None => Strs::Many(Vec::new()),
        };
        keyed.push((hash, ser, Principal { kind, ids }));
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    Some(keyed.into_iter().map(|(_, _, p)| p).collect())
}

fn build_conditions(b: &Block, version: &str) -> Option<Vec<Cond>> {
    let mut keyed: Vec<(String, String, Cond)> = Vec::new();
    for cb in b.blocks("condition") {
        let test = opt_string(cb, "test")?;
        let variable = opt_string(cb, "variable")?;
        let values = string_list(cb, "values")?;
        let mut ser = format!("test:{test};values:(");
        for v in &values {
            ser.push_str(v);
            ser.push(';');
        }
        ser.push_str(");variable:");
        ser.push_str(&variable);
        ser.push(';');
        let hash = go_hash(&ser);
        if keyed.iter().any(|(h, s, _)| *h == hash && *s == ser) {
            continue;
        }
        let mut values = values
            .iter()
            .map(|s| replace_vars(s, version))
            .collect::<Option<Vec<_>>>()?;
        let values = if values.len() == 1 {
            Strs::One(values.pop()?)
        } else {
            Strs::Many(values)
        };
        keyed.push((
            hash,
            ser,
            Cond {
                test,
                variable,
                values,
            },
        ));
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    Some(keyed.into_iter().map(|(_, _, c)| c).collect())
}

// ---------------------------------------------------------------------------
// Source and override documents, read the way Go's encoding/json reads them
// into the provider's structs (field names match case-insensitively).

fn field<'a>(obj: &'a serde_json::Map<String, J>, name: &str) -> Option<&'a J> {
    obj.iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
        .next_back()
}

fn go_string_field(obj: &serde_json::Map<String, J>, name: &str) -> Option<String> {
    match field(obj, name) {
        None | Some(J::Null) => Some(String::new()),
        Some(J::String(s)) => Some(s.clone()),
        Some(_) => None,
    }
}

fn parse_source_doc(text: &str) -> Option<Doc> {
    let j: J = serde_json::from_str(text).ok()?;
    let obj = j.as_object()?;
    let mut doc = Doc {
        version: go_string_field(obj, "Version")?,
        id: go_string_field(obj, "Id")?,
        statements: Vec::new(),
    };
    match field(obj, "Statement") {
        None | Some(J::Null) => {}
        Some(J::Array(items)) => {
            for it in items {
                doc.statements.push(parse_source_stmt(it.as_object()?)?);
            }
        }
        Some(_) => return None,
    }
    Some(doc)
}

fn non_null(v: Option<&J>) -> Option<J> {
    match v {
        None | Some(J::Null) => None,
        Some(v) => Some(v.clone()),
    }
}

fn parse_source_stmt(o: &serde_json::Map<String, J>) -> Option<Stmt> {
    Some(Stmt {
        sid: go_string_field(o, "Sid")?,
        effect: go_string_field(o, "Effect")?,
        action: non_null(field(o, "Action")),
        not_action: non_null(field(o, "NotAction")),
        resource: non_null(field(o, "Resource")),
        not_resource: non_null(field(o, "NotResource")),
        principals: parse_source_principals(field(o, "Principal"))?,
        not_principals: parse_source_principals(field(o, "NotPrincipal"))?,
        conditions: parse_source_conditions(field(o, "Condition"))?,
    })
}

fn parse_source_principals(v: Option<&J>) -> Option<Vec<Principal>> {
    let Some(v) = v else {
        return Some(Vec::new());
    };
    let mut out = Vec::new();
    match v {
        J::String(_) => out.push(Principal {
            kind: "*".into(),
            ids: Strs::Many(vec!["*".into()]),
        }),
        J::Object(m) => {
            // Go iterates the map in random order; each type occurs once, and
            // the output map is sorted, so the order here does not matter.
            for (k, val) in m {
                let ids = match val {
                    J::String(s) => Strs::One(s.clone()),
                    J::Array(items) => {
                        let mut ids = items
                            .iter()
                            .map(|i| i.as_str().map(str::to_string))
                            .collect::<Option<Vec<_>>>()?;
                        ids.sort();
                        Strs::Many(ids)
                    }
                    _ => return None,
                };
                out.retain(|p: &Principal| p.kind != *k);
                out.push(Principal {
                    kind: k.clone(),
                    ids,
                });
            }
        }
        _ => return None,
    }
    Some(out)
}

fn parse_source_conditions(v: Option<&J>) -> Option<Vec<Cond>> {
    let mut out = Vec::new();
    let m = match v {
        None | Some(J::Null) => return Some(out),
        Some(J::Object(m)) => m,
        Some(_) => return None,
    };
    for (test, vars) in m {
        let vars = match vars {
            J::Null => continue,
            J::Object(vars) => vars,
            _ => return None,
        };
        for (var, vals) in vars {
            let values = match vals {
                J::String(s) => Strs::Many(vec![s.clone()]),
                J::Bool(b) => Strs::One(b.to_string()),
                J::Array(items) => Strs::Many(
                    items
                        .iter()
                        .map(|i| i.as_str().map(str::to_string))
                        .collect::<Option<Vec<_>>>()?,
                ),
                _ => continue,
            };
            out.push(Cond {
                test: test.clone(),
                variable: var.clone(),
                values,
            });
        }
    }
    Some(out)
}

// ---------------------------------------------------------------------------
// Marshalling, the way Go's encoding/json does it.

/// An output tree: objects either keep their order (Go structs) or are
/// written with sorted keys (Go maps, and any JSON kept as `interface{}`).
enum Out {
    Json(J),
    Struct(Vec<(&'static str, Out)>),
    Map(BTreeMap<String, Out>),
    List(Vec<Out>),
}

fn doc_out(doc: &Doc) -> Out {
    let mut f: Vec<(&'static str, Out)> = Vec::new();
    if !doc.version.is_empty() {
        f.push(("Version", Out::Json(J::String(doc.version.clone()))));
    }
    if !doc.id.is_empty() {
        f.push(("Id", Out::Json(J::String(doc.id.clone()))));
    }
    if !doc.statements.is_empty() {
        let list = doc.statements.iter().map(stmt_out).collect();
        f.push(("Statement", Out::List(list)));
    }
    Out::Struct(f)
}

fn stmt_out(st: &Stmt) -> Out {
    let mut f: Vec<(&'static str, Out)> = Vec::new();
    if !st.sid.is_empty() {
        f.push(("Sid", Out::Json(J::String(st.sid.clone()))));
    }
    if !st.effect.is_empty() {
        f.push(("Effect", Out::Json(J::String(st.effect.clone()))));
    }
    for (name, v) in [
        ("Action", &st.action),
        ("NotAction", &st.not_action),
        ("Resource", &st.resource),
        ("NotResource", &st.not_resource),
    ] {
        if let Some(v) = v {
            f.push((name, Out::Json(v.clone())));
        }
    }
    if !st.principals.is_empty() {
        f.push(("Principal", principals_out(&st.principals)));
    }
    if !st.not_principals.is_empty() {
        f.push(("NotPrincipal", principals_out(&st.not_principals)));
    }
    if !st.conditions.is_empty() {
        f.push(("Condition", conditions_out(&st.conditions)));
    }
    Out::Struct(f)
}

fn principals_out(ps: &[Principal]) -> Out {
    if let [p] = ps {
        if p.kind == "*" {
            let star = match &p.ids {
                Strs::One(s) => s == "*",
                Strs::Many(v) => v.len() == 1 && v.first().is_some_and(|s| s == "*"),
            };
            if star {
                return Out::Json(J::String("*".into()));
            }
        }
    }
    let mut raw: BTreeMap<String, Strs> = BTreeMap::new();
    for p in ps {
        match &p.ids {
            Strs::Many(ids) => {
                let mut ids = ids.clone();
                ids.sort_by(|a, b| b.cmp(a));
                let mut cur = match raw.remove(&p.kind) {
                    None => Vec::new(),
                    Some(Strs::One(s)) => vec![s],
                    Some(Strs::Many(v)) => v,
                };
                cur.extend(ids);
                raw.insert(p.kind.clone(), Strs::Many(cur));
            }
            Strs::One(id) => {
                let next = match raw.remove(&p.kind) {
                    None => Strs::One(id.clone()),
                    Some(Strs::One(s)) => Strs::Many(vec![s, id.clone()]),
                    Some(Strs::Many(mut v)) => {
                        v.push(id.clone());
                        Strs::Many(v)
                    }
                };
                raw.insert(p.kind.clone(), next);
            }
        }
    }
    Out::Map(
        raw.into_iter()
            .map(|(k, v)| (k, Out::Json(strs_json(v))))
            .collect(),
    )
}

fn conditions_out(cs: &[Cond]) -> Out {
    let mut raw: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for c in cs {
        let slot = raw
            .entry(c.test.clone())
            .or_default()
            .entry(c.variable.clone())
            .or_default();
        match &c.values {
            Strs::One(s) => slot.push(s.clone()),
            Strs::Many(v) => slot.extend(v.iter().cloned()),
        }
    }
    Out::Map(
        raw.into_iter()
            .map(|(test, vars)| {
                let vars = vars
                    .into_iter()
                    .map(|(k, mut v)| {
                        let j = if v.len() == 1 {
                            J::String(v.pop().unwrap_or_default())
                        } else {
                            J::Array(v.into_iter().map(J::String).collect())
                        };
                        (k, Out::Json(j))
                    })
                    .collect();
                (test, Out::Map(vars))
            })
            .collect(),
    )
}

/// Write `o`. `indent` is `Some(depth)` for indented output, `None` for compact.
fn write_out(o: &Out, indent: Option<usize>, out: &mut String) {
    match o {
        Out::Json(j) => write_json(j, indent, out),
        Out::List(items) => write_seq('[', ']', items.len(), indent, out, |i, d, out| {
            if let Some(it) = items.get(i) {
                write_out(it, d, out);
            }
        }),
        Out::Struct(fields) => {
            write_seq('{', '}', fields.len(), indent, out, |i, d, out| {
                if let Some((k, v)) = fields.get(i) {
                    write_key(k, indent, out);
                    write_out(v, d, out);
                }
            });
        }
        Out::Map(m) => {
            let entries: Vec<(&String, &Out)> = m.iter().collect();
            write_seq('{', '}', entries.len(), indent, out, |i, d, out| {
                if let Some((k, v)) = entries.get(i) {
                    write_key(k, indent, out);
                    write_out(v, d, out);
                }
            });
        }
    }
}

fn write_key(k: &str, indent: Option<usize>, out: &mut String) {
    write_go_string(k, out);
    out.push(':');
    if indent.is_some() {
        out.push(' ');
    }
}

/// Write a bracketed sequence of `n` items; `item(i, child_indent, out)` writes one.
fn write_seq(
    open: char,
    close: char,
    n: usize,
    indent: Option<usize>,
    out: &mut String,
    mut item: impl FnMut(usize, Option<usize>, &mut String),
) {
    out.push(open);
    if n == 0 {
        out.push(close);
        return;
    }
    let child = indent.map(|d| d + 1);
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        if let Some(d) = child {
            out.push('\n');
            push_indent(d, out);
        }
        item(i, child, out);
    }
    if let Some(d) = indent {
        out.push('\n');
        push_indent(d, out);
    }
    out.push(close);
}

fn push_indent(depth: usize, out: &mut String) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// JSON kept as Go `interface{}`: objects are maps, so keys are sorted.
fn write_json(j: &J, indent: Option<usize>, out: &mut String) {
    match j {
        J::Null => out.push_str("null"),
        J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        J::Number(n) => out.push_str(&n.to_string()),
        J::String(s) => write_go_string(s, out),
        J::Array(items) => write_seq('[', ']', items.len(), indent, out, |i, d, out| {
            if let Some(it) = items.get(i) {
                write_json(it, d, out);
            }
        }),
        J::Object(m) => {
            let mut entries: Vec<(&String, &J)> = m.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            write_seq('{', '}', entries.len(), indent, out, |i, d, out| {
                if let Some((k, v)) = entries.get(i) {
                    write_key(k, indent, out);
                    write_json(v, d, out);
                }
            });
        }
    }
}

/// A string literal escaped like Go's `encoding/json` with HTML escaping on.
fn write_go_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

// ---------------------------------------------------------------------------
// The normalised policy type for rules.

/// An IAM policy in one normalised shape, whatever the source (jsonencode,
/// heredoc, file, the data source, plan or state JSON, CloudFormation).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Policy {
    /// `Version` when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// `Id` when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Statements in document order (a single statement object becomes a list of one).
    #[serde(default)]
    pub statements: Vec<Statement>,
}

/// `Allow` or `Deny` (anything else is kept verbatim in `Other`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    Allow,
    Deny,
    Other(String),
}

/// One statement. Single strings are normalised to one-element lists; absent
/// elements are empty lists (or `None` for principals).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    pub effect: Effect,
    #[serde(default)]
    pub actions: Vec<String>,
    #[serde(default)]
    pub not_actions: Vec<String>,
    #[serde(default)]
    pub resources: Vec<String>,
    #[serde(default)]
    pub not_resources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principals: Option<Principals>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_principals: Option<Principals>,
    #[serde(default)]
    pub conditions: Vec<Condition>,
}

/// `Principal` / `NotPrincipal`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Principals {
    /// `"Principal": "*"`: everyone, including anonymous callers.
    Everyone,
    /// `{"AWS": [...], "Service": [...], ...}`: principal type to identifiers.
    Typed(BTreeMap<String, Vec<String>>),
}

impl Principals {
    /// True for `"*"`, `{"AWS": "*"}` and `{"*": "*"}`: anyone can be the caller.
    pub fn includes_everyone(&self) -> bool {
        match self {
            Principals::Everyone => true,
            Principals::Typed(m) => ["AWS", "*"]
                .iter()
                .any(|t| m.get(*t).is_some_and(|ids| ids.iter().any(|i| i == "*"))),
        }
    }

    /// Identifiers of one principal type (`AWS`, `Service`, `Federated`, ...).
    pub fn of_type(&self, kind: &str) -> &[String] {
        match self {
            Principals::Everyone => &[],
            Principals::Typed(m) => m.get(kind).map(Vec::as_slice).unwrap_or(&[]),
        }
    }
}

/// One condition: operator (`StringEquals`, `ForAnyValue:StringLike`, ...), key
/// (`aws:SecureTransport`) and values (booleans and numbers as strings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    pub operator: String,
    pub key: String,
    pub values: Vec<String>,
}

impl Policy {
    /// Statements with `Effect: Allow`.
    pub fn allows(&self) -> impl Iterator<Item = &Statement> {
        self.statements.iter().filter(|s| s.effect == Effect::Allow)
    }
}

impl Statement {
    /// True when the statement's `Action` list matches `action` (IAM wildcards
    /// `*` and `?`, case-insensitive). `NotAction` statements match every action
    /// they do not exclude.
    pub fn covers_action(&self, action: &str) -> bool {
        if !self.actions.is_empty() {
            return self.actions.iter().any(|p| wildcard_match(p, action));
        }
        if !self.not_actions.is_empty() {
            return !self.not_actions.iter().any(|p| wildcard_match(p, action));
        }
        false
    }

    /// True when `Action` or `Resource` contains a bare `*`.
    pub fn has_wildcard_action(&self) -> bool {
        self.actions.iter().any(|a| a == "*")
    }

    pub fn has_wildcard_resource(&self) -> bool {
        self.resources.iter().any(|a| a == "*")
    }

    /// Conditions with this operator (exact, case-sensitive as IAM is).
    pub fn conditions_with(&self, operator: &str) -> impl Iterator<Item = &Condition> {
        let op = operator.to_string();
        self.conditions.iter().filter(move |c| c.operator == op)
    }
}

/// IAM wildcard matching: `*` any run of characters, `?` one character,
/// case-insensitive.
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let t: Vec<char> = text.to_lowercase().chars().collect();
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(&c) if c == '?' || Some(&c) == t.get(ti) => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    while p.get(pi) == Some(&'*') {
        pi += 1;
    }
    pi == p.len()
}

/// Parse an IAM policy JSON document into the normalised [`Policy`]. Accepts a
/// single statement object as well as a list, string or list values, and keys in
/// any ASCII case. `None` when the text is not a JSON object.
pub fn parse_policy(json: &str) -> Option<Policy> {
    let j: J = serde_json::from_str(json.trim_start_matches('\u{feff}')).ok()?;
    policy_from_json(&j)
}

/// [`parse_policy`] for an already parsed JSON value (plan and state values,
/// CloudFormation `PolicyDocument` objects).
pub fn policy_from_json(j: &J) -> Option<Policy> {
    let obj = j.as_object()?;
    let text = |k: &str| field(obj, k).and_then(J::as_str).map(str::to_string);
    let statements = match field(obj, "Statement") {
        None | Some(J::Null) => Vec::new(),
        Some(J::Array(items)) => items
            .iter()
            .filter_map(J::as_object)
            .map(statement_from_json)
            .collect(),
        Some(J::Object(o)) => vec![statement_from_json(o)],
        Some(_) => return None,
    };
    Some(Policy {
        version: text("Version"),
        id: text("Id"),
        statements,
    })
}

fn scalar_text(j: &J) -> Option<String> {
    match j {
        J::String(s) => Some(s.clone()),
        J::Bool(b) => Some(b.to_string()),
        J::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn text_list(j: Option<&J>) -> Vec<String> {
    match j {
        None | Some(J::Null) => Vec::new(),
        Some(J::Array(items)) => items.iter().filter_map(scalar_text).collect(),
        Some(other) => scalar_text(other).into_iter().collect(),
    }
}

fn principals_from_json(j: Option<&J>) -> Option<Principals> {
    match j? {
        J::Null => None,
        J::String(s) if s == "*" => Some(Principals::Everyone),
        J::String(s) => Some(Principals::Typed(BTreeMap::from([(
            "AWS".to_string(),
            vec![s.clone()],
        )]))),
        J::Object(m) => Some(Principals::Typed(
            m.iter()
                .map(|(k, v)| (k.clone(), text_list(Some(v))))
                .collect(),
        )),
        _ => None,
    }
}

fn statement_from_json(o: &serde_json::Map<String, J>) -> Statement {
    let effect = match field(o, "Effect").and_then(J::as_str) {
        Some(e) if e.eq_ignore_ascii_case("allow") => Effect::Allow,
        Some(e) if e.eq_ignore_ascii_case("deny") => Effect::Deny,
        Some(e) => Effect::Other(e.to_string()),
        None => Effect::Other(String::new()),
    };
    let mut conditions = Vec::new();
    if let Some(J::Object(ops)) = field(o, "Condition") {
        for (op, keys) in ops {
            if let J::Object(keys) = keys {
                for (k, v) in keys {
                    conditions.push(Condition {
                        operator: op.clone(),
                        key: k.clone(),
                        values: text_list(Some(v)),
                    });
                }
            }
        }
    }
    Statement {
        sid: field(o, "Sid").and_then(J::as_str).map(str::to_string),
        effect,
        actions: text_list(field(o, "Action")),
        not_actions: text_list(field(o, "NotAction")),
        resources: text_list(field(o, "Resource")),
        not_resources: text_list(field(o, "NotResource")),
        principals: principals_from_json(field(o, "Principal")),
        not_principals: principals_from_json(field(o, "NotPrincipal")),
        conditions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_string_escapes() {
        let mut s = String::new();
        write_go_string("a<b>&\"\\\n\u{1}\u{2028}é", &mut s);
        assert_eq!(s, r#""a\u003cb\u003e\u0026\"\\\n\u0001\u2028é""#);
    }

    #[test]
    fn wildcards() {
        assert!(wildcard_match("s3:*", "s3:GetObject"));
        assert!(wildcard_match("S3:Get*", "s3:getobject"));
        assert!(wildcard_match("s3:?etObject", "s3:GetObject"));
        assert!(!wildcard_match("s3:Put*", "s3:GetObject"));
        assert!(wildcard_match("*", ""));
        assert!(!wildcard_match("a", ""));
    }
}
