//! Golden test: our evaluator against `terraform plan`, case by case.
//!
//! Every directory under `tests/corpus/` holds a small Terraform configuration
//! and `expected.json`, trimmed from `terraform show -json` of a plan made by
//! `scripts/record-terraform-fixtures.sh` (see `tests/corpus/README.md`).
//! `case.json` gives the same `-var-file` / `-var` / workspace arguments and
//! `TF_VAR_` environment to both.
//!
//! A case passes when:
//!
//! 1. **Addresses**: the managed resource and data source instance addresses we
//!    produce equal terraform's (`planned_values` at every module level, plus the
//!    data sources terraform read while planning, listed under `prior_state`).
//! 2. **Values**: for each resource, every value we produce agrees with
//!    terraform's planned value, under these rules:
//!    * a value terraform reports unknown (`after_unknown`) is not compared;
//!    * a value we give as unknown while terraform knows it is a mismatch;
//!    * attributes we do not produce, or produce as null, are not compared
//!      (terraform fills provider defaults and computed values), *except* those
//!      written in the configuration (`configured` in expected.json, from the
//!      plan's `configuration` section): when terraform plans a known,
//!      non-empty value for one of those, we must have the attribute (a null
//!      counts: a null argument gets the provider's default);
//!    * inside an attribute's value (maps, objects), keys must agree both ways:
//!      a key terraform has with a non-null value that we lack is a mismatch;
//!    * an attribute or nested block we produce that terraform does not have is
//!      a mismatch, except the meta-arguments (`count`, `for_each`, `provider`,
//!      `depends_on`, `lifecycle`, `provisioner`, `connection`);
//!    * primitives compare by their Terraform string form: the provider converts
//!      values to its schema types (`30` and `"30"`, `true` and `"true"` agree),
//!      which the evaluator cannot know; numbers compare numerically;
//!    * nested blocks (lists of objects on terraform's side) compare as
//!      multisets, because many of them are sets (security group `ingress`);
//!      when terraform has fewer, identical blocks of ours count once (a set);
//!      lists of strings compare as multisets only when terraform's list is in
//!      sorted order (what a set of strings looks like), otherwise in order;
//!    * strings that both hold a JSON object or array compare as JSON values
//!      (the provider normalises policy documents: key order, whitespace);
//!    * where terraform's list looks like a set, duplicates on our side are
//!      dropped before comparing (the provider's set type removes them);
//!    * a string terraform shows as its SHA-1 (`user_data`) matches when the
//!      hash of ours is that;
//!    * a value we mark sensitive must be sensitive in terraform's plan too;
//!      terraform may mark more whole attributes (the provider schema marks
//!      some), but a mark terraform puts *inside* an attribute's value (a map
//!      element, a list item) comes from the configuration and must be ours too,
//!      and so does a whole-attribute mark the provider schema does not explain
//!      (`schema_sensitive.json`, recorded from `terraform providers schema`).
//!
//! Cases listed in `tests/corpus/KNOWN_GAPS.txt` (name, then a reason) may fail;
//! the test fails on any other failing case, and also when a listed case
//! passes, so the list only shrinks. Set `RAMPART_GOLDEN_CASE=<substring>` to
//! run matching cases only and print their diffs; `RAMPART_GOLDEN_VERBOSE=1` to
//! print diffs of known gaps too; `RAMPART_GOLDEN_WRITE_GAPS=1` to rewrite the
//! list from the current failures (first mismatch as the reason).

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use rampart_model::{Block, ResourceMode, Value};
use rampart_source::SourceMap;
use rampart_terraform::{evaluate_dir, Options};
use serde_json::Value as J;

const META_ARGS: &[&str] = &[
    "count",
    "for_each",
    "provider",
    "depends_on",
    "lifecycle",
    "provisioner",
    "connection",
];

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn cases() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(corpus())
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.join("expected.json").is_file())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn name_of(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn options_for(dir: &Path) -> Options {
    let mut opts = Options::default();
    let Ok(text) = std::fs::read_to_string(dir.join("case.json")) else {
        return opts;
    };
    let j: J = serde_json::from_str(&text).unwrap_or(J::Null);
    if let Some(files) = j.get("var_files").and_then(J::as_array) {
        opts.var_files = files
            .iter()
            .filter_map(J::as_str)
            .map(|f| dir.join(f))
            .collect();
    }
    if let Some(vars) = j.get("vars").and_then(J::as_array) {
        for kv in vars {
            if let (Some(k), Some(v)) =
                (kv.get(0).and_then(J::as_str), kv.get(1).and_then(J::as_str))
            {
                opts.vars.push((k.to_string(), v.to_string()));
            }
        }
    }
    if let Some(ws) = j.get("workspace").and_then(J::as_str) {
        opts.workspace = ws.to_string();
    }
    opts.use_env = !case_env(dir).is_empty();
    opts
}

/// `TF_VAR_...` environment variables a case sets (`"env"` in case.json).
fn case_env(dir: &Path) -> Vec<(String, String)> {
    let Ok(text) = std::fs::read_to_string(dir.join("case.json")) else {
        return Vec::new();
    };
    let j: J = serde_json::from_str(&text).unwrap_or(J::Null);
    j.get("env")
        .and_then(J::as_array)
        .into_iter()
        .flatten()
        .filter_map(|kv| {
            Some((
                kv.get(0)?.as_str()?.to_string(),
                kv.get(1)?.as_str()?.to_string(),
            ))
        })
        .collect()
}

/// Terraform's view of one resource instance.
struct Expected {
    values: J,
    unknown: J,
    sensitive: J,
}

fn collect(m: &J, out: &mut BTreeMap<String, (J, J)>, data_only: bool) {
    if let Some(J::Array(rs)) = m.get("resources") {
        for r in rs {
            if data_only && r.get("mode").and_then(J::as_str) != Some("data") {
                continue;
            }
            if let Some(a) = r.get("address").and_then(J::as_str) {
                out.entry(a.to_string()).or_insert_with(|| {
                    (
                        // All-unknown resources have no `values` at all.
                        r.get("values")
                            .cloned()
                            .unwrap_or_else(|| J::Object(Default::default())),
                        r.get("sensitive_values").cloned().unwrap_or(J::Null),
                    )
                });
            }
        }
    }
    if let Some(J::Array(cs)) = m.get("child_modules") {
        for c in cs {
            collect(c, out, data_only);
        }
    }
}

/// Arguments and blocks written in the configuration, per resource block:
/// `"<module call path>|<address>"` (e.g. `site.cert|aws_sqs_queue.q`).
type Configured = BTreeMap<String, Vec<String>>;

fn expected_of(dir: &Path) -> Result<(BTreeMap<String, Expected>, Configured), String> {
    let text = std::fs::read_to_string(dir.join("expected.json")).map_err(|e| e.to_string())?;
    let j: J = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let mut raw = BTreeMap::new();
    if let Some(root) = j.get("planned_values").and_then(|p| p.get("root_module")) {
        collect(root, &mut raw, false);
    }
    if let Some(root) = j.get("prior_state").and_then(|p| p.get("root_module")) {
        collect(root, &mut raw, true);
    }
    let mut unknown: BTreeMap<String, J> = BTreeMap::new();
    if let Some(J::Array(rc)) = j.get("resource_changes") {
        for c in rc {
            if let Some(a) = c.get("address").and_then(J::as_str) {
                unknown.insert(
                    a.to_string(),
                    c.get("after_unknown").cloned().unwrap_or(J::Null),
                );
            }
        }
    }
    let configured: Configured = j
        .get("configured")
        .and_then(J::as_object)
        .into_iter()
        .flatten()
        .map(|(k, v)| {
            let names = v
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(J::as_str)
                .map(str::to_string)
                .collect();
            (k.clone(), names)
        })
        .collect();
    let resources = raw
        .into_iter()
        .map(|(a, (values, sensitive))| {
            let unknown = unknown.remove(&a).unwrap_or(J::Null);
            (
                a,
                Expected {
                    values,
                    unknown,
                    sensitive,
                },
            )
        })
        .collect();
    Ok((resources, configured))
}

/// `module.a["x"].module.b[0]` gives `a.b` (call names without instance keys).
fn module_call_path(module: &str) -> String {
    let b = module.as_bytes();
    let mut names: Vec<&str> = Vec::new();
    let mut i = 0usize;
    while let Some(rest) = module.get(i..) {
        let Some(after) = rest.strip_prefix("module.") else {
            break;
        };
        let start = i + 7;
        let len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(after.len());
        names.push(module.get(start..start + len).unwrap_or_default());
        i = start + len;
        if b.get(i) == Some(&b'[') {
            // Skip the instance key, minding quoted strings.
            let mut in_str = false;
            while let Some(&c) = b.get(i) {
                i += 1;
                match c {
                    b'\\' if in_str => i += 1,
                    b'"' => in_str = !in_str,
                    b']' if !in_str => break,
                    _ => {}
                }
            }
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
        }
    }
    names.join(".")
}

fn is_empty_json(j: &J) -> bool {
    match j {
        J::Null => true,
        J::Array(a) => a.is_empty(),
        J::Object(o) => o.is_empty(),
        _ => false,
    }
}

fn sub<'a>(mask: &'a J, key: &str) -> &'a J {
    mask.get(key).unwrap_or(&J::Null)
}

fn idx(mask: &J, i: usize) -> &J {
    mask.get(i).unwrap_or(&J::Null)
}

/// The string form terraform would give a primitive.
fn prim_text(j: &J) -> Option<String> {
    match j {
        J::String(s) => Some(s.clone()),
        J::Bool(b) => Some(b.to_string()),
        J::Number(n) => rampart_model::Number::parse(&n.to_string())
            .as_ref()
            .map(rampart_model::value::format_number),
        _ => None,
    }
}

fn prim_equal(ours: &Value, theirs: &J) -> bool {
    let ours_text = match ours {
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => {
            // JSON numbers arrive as doubles here (both sides round the
            // same exact value the same way); strings compare exactly.
            if let Some(t) = theirs.as_f64() {
                return t == n.to_f64();
            }
            if let Some(t) = theirs
                .as_str()
                .and_then(|s| rampart_model::Number::parse(s.trim()))
            {
                return &t == n;
            }
            rampart_model::value::format_number(n)
        }
        _ => return false,
    };
    match (theirs, ours) {
        (J::Number(t), Value::String(s)) => s
            .trim()
            .parse::<f64>()
            .ok()
            .zip(t.as_f64())
            .is_some_and(|(a, b)| (a - b).abs() <= 1e-9 * a.abs().max(1.0)),
        _ => prim_text(theirs).is_some_and(|t| t == ours_text),
    }
}

fn show(v: &Value) -> String {
    let s = v.to_json_redacted().to_string();
    if s.len() > 200 {
        format!("{}…", s.chars().take(200).collect::<String>())
    } else {
        s
    }
}

fn show_j(j: &J) -> String {
    let s = j.to_string();
    if s.len() > 200 {
        format!("{}…", s.chars().take(200).collect::<String>())
    } else {
        s
    }
}

/// True when `hex` is the SHA-1 of `text`: the provider plans `user_data` as
/// the hash of the text.
fn is_sha1_of(hex: &str, text: &str) -> bool {
    use sha1::{Digest, Sha1};
    if hex.len() != 40 || text.len() == 40 {
        return false;
    }
    let digest = Sha1::digest(text.as_bytes());
    let ours: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    ours == hex
}

/// A string holding a JSON object or array, parsed (the provider normalises
/// policy documents, so they compare as JSON values).
fn json_doc(s: &str) -> Option<J> {
    let t = s.trim_start();
    if !(t.starts_with('{') || t.starts_with('[')) {
        return None;
    }
    serde_json::from_str(t).ok()
}

fn is_sorted_strings(items: &[J]) -> bool {
    items.iter().all(J::is_string)
        && items
            .windows(2)
            .all(|w| w[0].as_str().unwrap_or_default() <= w[1].as_str().unwrap_or_default())
}

/// Compare one value. `sens` is terraform's sensitivity mask for it, `under_sens`
/// whether an ancestor is sensitive.
fn cmp_value(
    ours: &Value,
    theirs: &J,
    unk: &J,
    sens: &J,
    under_sens: bool,
    path: &str,
    out: &mut Vec<String>,
) {
    cmp_value_in(ours, theirs, unk, sens, under_sens, path, out, false)
}

/// [`cmp_value`] for a value inside an attribute's value (a map element, a
/// list item), where only the configuration can have put a sensitive mark.
fn cmp_value_nested(
    ours: &Value,
    theirs: &J,
    unk: &J,
    sens: &J,
    under_sens: bool,
    path: &str,
    out: &mut Vec<String>,
) {
    cmp_value_in(ours, theirs, unk, sens, under_sens, path, out, true)
}

#[allow(clippy::too_many_arguments)]
fn cmp_value_in(
    ours: &Value,
    theirs: &J,
    unk: &J,
    sens: &J,
    under_sens: bool,
    path: &str,
    out: &mut Vec<String>,
    nested: bool,
) {
    if unk == &J::Bool(true) {
        return;
    }
    let tf_sensitive = under_sens || sens == &J::Bool(true);
    if let Value::Sensitive(inner) = ours {
        if !tf_sensitive {
            out.push(format!("{path}: sensitive here, not in terraform's plan"));
        }
        return cmp_value_in(inner, theirs, unk, sens, true, path, out, nested);
    }
    if nested && !under_sens && sens == &J::Bool(true) && !ours.is_null() && !ours.is_unknown() {
        out.push(format!("{path}: terraform marks it sensitive, we do not"));
    }
    match ours {
        Value::Null | Value::Sensitive(_) => {}
        Value::Unknown(_) => out.push(format!(
            "{path}: unknown here, terraform knows {}",
            show_j(theirs)
        )),
        Value::String(s)
            if json_doc(s).is_some() && theirs.as_str().and_then(json_doc).is_some() =>
        {
            if json_doc(s) != theirs.as_str().and_then(json_doc) {
                out.push(format!(
                    "{path}: JSON differs: ours {} terraform {}",
                    show(ours),
                    show_j(theirs)
                ));
            }
        }
        Value::String(s) if theirs.as_str().is_some_and(|t| is_sha1_of(t, s)) => {}
        Value::String(_) | Value::Number(_) | Value::Bool(_) => {
            if !prim_equal(ours, theirs) {
                out.push(format!(
                    "{path}: ours {} terraform {}",
                    show(ours),
                    show_j(theirs)
                ));
            }
        }
        Value::List(items) | Value::Set(items) => {
            let Some(titems) = theirs.as_array() else {
                out.push(format!(
                    "{path}: ours {} terraform {}",
                    show(ours),
                    show_j(theirs)
                ));
                return;
            };
            let set_like = matches!(ours, Value::Set(_)) || is_sorted_strings(titems);
            let deduped: Vec<Value>;
            let items: &[Value] = if set_like {
                let mut seen: Vec<&Value> = Vec::new();
                for it in items {
                    if !seen.contains(&it) {
                        seen.push(it);
                    }
                }
                deduped = seen.into_iter().cloned().collect();
                &deduped
            } else {
                items
            };
            if items.len() != titems.len() {
                out.push(format!(
                    "{path}: ours {} items {} terraform {} items {}",
                    items.len(),
                    show(ours),
                    titems.len(),
                    show_j(theirs)
                ));
                return;
            }
            let unordered = set_like || titems.iter().all(J::is_object) && !titems.is_empty();
            cmp_seq(
                items,
                titems,
                unk,
                sens,
                tf_sensitive,
                unordered,
                path,
                out,
                cmp_value_nested,
            );
        }
        Value::Object(m) => {
            let Some(tm) = theirs.as_object() else {
                out.push(format!(
                    "{path}: ours {} terraform {}",
                    show(ours),
                    show_j(theirs)
                ));
                return;
            };
            for (k, v) in m {
                let p = format!("{path}.{k}");
                match tm.get(k) {
                    Some(t) => {
                        cmp_value_nested(v, t, sub(unk, k), sub(sens, k), tf_sensitive, &p, out)
                    }
                    None if v.is_null() || sub(unk, k) == &J::Bool(true) => {}
                    None => out.push(format!("{p}: ours {} terraform has no such key", show(v))),
                }
            }
            for (k, t) in tm {
                if !m.contains_key(k) && !t.is_null() && sub(unk, k) != &J::Bool(true) {
                    out.push(format!("{path}.{k}: missing here, terraform {}", show_j(t)));
                }
            }
        }
    }
}

type CmpFn<T> = fn(&T, &J, &J, &J, bool, &str, &mut Vec<String>);

/// Compare sequences in order, or as multisets (each of ours matched to an
/// unused element of theirs that compares clean).
#[allow(clippy::too_many_arguments)]
fn cmp_seq<T>(
    ours: &[T],
    theirs: &[J],
    unk: &J,
    sens: &J,
    under_sens: bool,
    unordered: bool,
    path: &str,
    out: &mut Vec<String>,
    cmp: CmpFn<T>,
) {
    if !unordered {
        for (i, (o, t)) in ours.iter().zip(theirs).enumerate() {
            cmp(
                o,
                t,
                idx(unk, i),
                idx(sens, i),
                under_sens,
                &format!("{path}[{i}]"),
                out,
            );
        }
        return;
    }
    let mut used = vec![false; theirs.len()];
    for (i, o) in ours.iter().enumerate() {
        let mut best: Option<(usize, Vec<String>)> = None;
        for (j, t) in theirs.iter().enumerate() {
            if used.get(j).copied().unwrap_or(true) {
                continue;
            }
            let mut errs = Vec::new();
            cmp(
                o,
                t,
                idx(unk, j),
                idx(sens, j),
                under_sens,
                &format!("{path}[{i}]"),
                &mut errs,
            );
            let better = best.as_ref().is_none_or(|(_, b)| errs.len() < b.len());
            if better {
                let clean = errs.is_empty();
                best = Some((j, errs));
                if clean {
                    break;
                }
            }
        }
        match best {
            Some((j, errs)) => {
                if let Some(u) = used.get_mut(j) {
                    *u = true;
                }
                out.extend(errs);
            }
            None => out.push(format!("{path}[{i}]: no counterpart in terraform")),
        }
    }
}

fn cmp_block(
    ours: &Block,
    theirs: &J,
    unk: &J,
    sens: &J,
    under_sens: bool,
    path: &str,
    out: &mut Vec<String>,
) {
    let Some(tm) = theirs.as_object() else {
        out.push(format!("{path}: block here, terraform {}", show_j(theirs)));
        return;
    };
    let top = path.is_empty();
    let block_kinds: BTreeSet<&str> = ours.blocks.iter().map(|b| b.kind.as_str()).collect();
    for (k, a) in &ours.attrs {
        if block_kinds.contains(k.as_str()) {
            continue; // compared as blocks below
        }
        let p = if top {
            k.clone()
        } else {
            format!("{path}.{k}")
        };
        if sub(unk, k) == &J::Bool(true) {
            continue;
        }
        match tm.get(k) {
            Some(t) => cmp_value(&a.value, t, sub(unk, k), sub(sens, k), under_sens, &p, out),
            None if a.value.is_null() || (top && META_ARGS.contains(&k.as_str())) => {}
            None => out.push(format!(
                "{p}: ours {} terraform has no such attribute",
                show(&a.value)
            )),
        }
    }
    for kind in block_kinds {
        let p = if top {
            kind.to_string()
        } else {
            format!("{path}.{kind}")
        };
        if top && META_ARGS.contains(&kind) {
            continue;
        }
        let mut ours_blocks: Vec<&Block> = ours.blocks(kind).collect();
        // Set-typed blocks (policy document `principals`, security group
        // `ingress`) lose identical copies in terraform's plan.
        if let Some(J::Array(items)) = tm.get(kind) {
            if items.len() < ours_blocks.len() {
                let mut seen: Vec<serde_json::Value> = Vec::new();
                ours_blocks.retain(|b| {
                    let j = b.to_json();
                    let fresh = !seen.contains(&j);
                    if fresh {
                        seen.push(j);
                    }
                    fresh
                });
            }
        }
        let (u, s) = (sub(unk, kind), sub(sens, kind));
        match tm.get(kind) {
            Some(J::Array(items)) => {
                if ours_blocks.len() != items.len() {
                    out.push(format!(
                        "{p}: {} blocks here, terraform {}",
                        ours_blocks.len(),
                        items.len()
                    ));
                    continue;
                }
                cmp_seq(
                    &ours_blocks,
                    items,
                    u,
                    s,
                    under_sens,
                    true,
                    &p,
                    out,
                    |o, t, u, s, us, p, out| cmp_block(o, t, u, s, us, p, out),
                );
            }
            Some(obj @ J::Object(_)) if ours_blocks.len() == 1 => {
                if let Some(b) = ours_blocks.first() {
                    cmp_block(b, obj, u, s, under_sens, &p, out);
                }
            }
            Some(other) => out.push(format!(
                "{p}: {} blocks here, terraform {}",
                ours_blocks.len(),
                show_j(other)
            )),
            None if u == &J::Bool(true) => {}
            None => out.push(format!("{p}: block here, terraform has no such attribute")),
        }
    }
}

/// Run one case; `Err` holds the list of mismatches.
fn run_case(dir: &Path) -> Result<usize, Vec<String>> {
    let (expected, configured) =
        expected_of(dir).map_err(|e| vec![format!("expected.json: {e}")])?;
    let opts = options_for(dir);
    let sources = SourceMap::new();
    // Cases run one after another in this single test, so the environment
    // can be set around the evaluation.
    let env = case_env(dir);
    for (k, v) in &env {
        std::env::set_var(k, v);
    }
    let ev = catch_unwind(AssertUnwindSafe(|| evaluate_dir(dir, &sources, &opts)));
    for (k, _) in &env {
        std::env::remove_var(k);
    }
    let ev = ev.map_err(|p| {
        let msg = p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        vec![format!("evaluate_dir panicked: {msg}")]
    })?;
    let mut errs = Vec::new();
    let ours: BTreeMap<&str, &rampart_model::Resource> = ev
        .resources
        .iter()
        .filter(|r| matches!(r.mode, ResourceMode::Managed | ResourceMode::Data))
        .map(|r| (r.address.as_str(), r))
        .collect();
    for a in expected.keys() {
        if !ours.contains_key(a.as_str()) {
            errs.push(format!("{a}: missing (terraform plans it)"));
        }
    }
    for a in ours.keys() {
        if !expected.contains_key(*a) {
            errs.push(format!("{a}: extra (terraform does not plan it)"));
        }
    }
    let mut compared = 0usize;
    for (a, r) in &ours {
        let Some(exp) = expected.get(*a) else {
            continue;
        };
        compared += 1;
        let mut e = Vec::new();
        cmp_block(
            &r.body,
            &exp.values,
            &exp.unknown,
            &exp.sensitive,
            false,
            "",
            &mut e,
        );
        // Every argument or block written in the configuration whose planned
        // value terraform knows must be produced.
        let local = if r.mode == ResourceMode::Data {
            format!("data.{}.{}", r.kind, r.name)
        } else {
            format!("{}.{}", r.kind, r.name)
        };
        let key = format!("{}|{local}", module_call_path(&r.module));
        for k in configured.get(&key).into_iter().flatten() {
            if META_ARGS.contains(&k.as_str()) || sub(&exp.unknown, k) == &J::Bool(true) {
                continue;
            }
            let Some(tv) = exp.values.get(k).filter(|v| !is_empty_json(v)) else {
                continue;
            };
            // Present, even as null: a null written in the configuration
            // leaves the provider's default, which terraform then plans.
            let ours_has = r.body.attrs.contains_key(k) || r.body.block(k).is_some();
            if !ours_has {
                e.push(format!(
                    "{k}: written in the configuration, terraform plans {}, we produce nothing",
                    show_j(tv)
                ));
            }
        }
        // Whole attributes terraform marks sensitive although the provider
        // schema does not: the configuration marked them, so must we.
        for (k, a) in &r.body.attrs {
            let tf_marked = exp.sensitive.get(k) == Some(&J::Bool(true));
            if tf_marked
                && !schema_sensitive(&r.kind, r.mode, k)
                && !a.value.is_sensitive()
                && !a.value.is_null()
                && !a.value.is_unknown()
            {
                e.push(format!("{k}: terraform marks it sensitive, we do not"));
            }
        }
        errs.extend(e.into_iter().map(|m| format!("{a}: {m}")));
    }
    if errs.is_empty() {
        Ok(compared)
    } else {
        if ev
            .diagnostics
            .iter()
            .any(|d| d.level == rampart_model::Level::Error)
        {
            for d in ev
                .diagnostics
                .iter()
                .filter(|d| d.level == rampart_model::Level::Error)
                .take(5)
            {
                errs.push(format!("(diagnostic {}: {})", d.code, d.message));
            }
        }
        Err(errs)
    }
}

/// True when the provider schema marks top-level attribute `attr` of `kind`
/// sensitive (recorded in `schema_sensitive.json` by the recording script).
fn schema_sensitive(kind: &str, mode: ResourceMode, attr: &str) -> bool {
    static SCHEMA: std::sync::OnceLock<J> = std::sync::OnceLock::new();
    let schema = SCHEMA.get_or_init(|| {
        std::fs::read_to_string(corpus().join("schema_sensitive.json"))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(J::Null)
    });
    let section = if mode == ResourceMode::Data {
        "data_sources"
    } else {
        "resources"
    };
    schema
        .get(section)
        .and_then(|s| s.get(kind))
        .and_then(J::as_array)
        .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(attr)))
}

fn known_gaps() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(corpus().join("KNOWN_GAPS.txt")).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, reason) = l.split_once(char::is_whitespace).unwrap_or((l, ""));
            (name.to_string(), reason.trim().to_string())
        })
        .collect()
}

#[test]
fn golden_plan_corpus() {
    let filter = std::env::var("RAMPART_GOLDEN_CASE").ok();
    let verbose = std::env::var("RAMPART_GOLDEN_VERBOSE").is_ok() || filter.is_some();
    let all = cases();
    assert!(
        filter.is_some() || all.len() >= 60,
        "corpus has only {} recorded cases",
        all.len()
    );
    let gaps = known_gaps();
    for name in gaps.keys() {
        assert!(
            all.iter().any(|c| name_of(c) == *name),
            "KNOWN_GAPS.txt lists {name}, which is not a recorded case"
        );
    }

    let mut failing: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut passing = Vec::new();
    let mut compared = 0usize;
    let mut report = String::new();
    for dir in &all {
        let name = name_of(dir);
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        match run_case(dir) {
            Ok(n) => {
                compared += n;
                passing.push(name);
            }
            Err(errs) => {
                if verbose || !gaps.contains_key(&name) {
                    report.push_str(&format!("\n=== {name} ({} mismatches)\n", errs.len()));
                    for e in errs.iter().take(40) {
                        report.push_str(&format!("  {e}\n"));
                    }
                }
                failing.insert(name, errs);
            }
        }
    }

    if std::env::var("RAMPART_GOLDEN_WRITE_GAPS").is_ok() && filter.is_none() {
        let mut text = String::from(
            "# Golden corpus cases allowed to fail (see tests/golden_plan.rs).\n\
             # One per line: case name, then why it fails. The test fails when a listed\n\
             # case passes, so remove a line once the evaluator handles its case.\n",
        );
        for (name, errs) in &failing {
            let reason = gaps
                .get(name)
                .filter(|r| !r.is_empty())
                .cloned()
                .unwrap_or_else(|| {
                    let first = errs.first().cloned().unwrap_or_default();
                    first.chars().take(160).collect()
                });
            text.push_str(&format!("{name} {reason}\n"));
        }
        let _ = std::fs::write(corpus().join("KNOWN_GAPS.txt"), text);
    }

    eprintln!(
        "golden corpus: {} passing ({compared} resources compared), {} failing ({} known gaps)",
        passing.len(),
        failing.len(),
        failing.keys().filter(|n| gaps.contains_key(*n)).count()
    );
    if verbose {
        eprintln!("{report}");
    }
    let unexpected: Vec<&String> = failing.keys().filter(|n| !gaps.contains_key(*n)).collect();
    let fixed: Vec<&String> = passing.iter().filter(|n| gaps.contains_key(*n)).collect();
    assert!(
        unexpected.is_empty() && fixed.is_empty(),
        "unexpected failures: {unexpected:?}\nknown gaps that now pass (remove them from KNOWN_GAPS.txt): {fixed:?}\n{report}"
    );
}

#[test]
fn comparison_rules() {
    // The comparison itself, on hand-made values.
    let mut out = Vec::new();
    cmp_value(
        &Value::from(30i64),
        &J::String("30".into()),
        &J::Null,
        &J::Null,
        false,
        "a",
        &mut out,
    );
    cmp_value(
        &Value::Bool(true),
        &J::String("true".into()),
        &J::Null,
        &J::Null,
        false,
        "b",
        &mut out,
    );
    cmp_value(
        &Value::unknown(),
        &J::Bool(true),
        &J::Bool(true),
        &J::Null,
        false,
        "c",
        &mut out,
    );
    cmp_value(
        &Value::List(vec!["b".into(), "a".into()]),
        &serde_json::json!(["a", "b"]),
        &J::Null,
        &J::Null,
        false,
        "set",
        &mut out,
    );
    assert!(out.is_empty(), "{out:?}");

    cmp_value(
        &Value::unknown(),
        &J::String("x".into()),
        &J::Null,
        &J::Null,
        false,
        "u",
        &mut out,
    );
    assert_eq!(out.len(), 1, "unknown where terraform knows is a mismatch");
    out.clear();
    cmp_value(
        &Value::List(vec!["b".into(), "a".into()]),
        &serde_json::json!(["b", "c"]),
        &J::Null,
        &J::Null,
        false,
        "list",
        &mut out,
    );
    assert!(!out.is_empty(), "ordered lists compare in order");
    out.clear();
    cmp_value(
        &Value::object([("a", Value::from("1"))]),
        &serde_json::json!({"a": "1", "b": "2"}),
        &J::Null,
        &J::Null,
        false,
        "tags",
        &mut out,
    );
    assert_eq!(out.len(), 1, "a missing map key is a mismatch: {out:?}");
    out.clear();
    cmp_value(
        &Value::from("s").mark(true),
        &J::String("s".into()),
        &J::Null,
        &J::Null,
        false,
        "s",
        &mut out,
    );
    assert_eq!(out.len(), 1, "sensitive only on our side is a mismatch");
    out.clear();
    let tags = Value::object([("a", Value::from("x"))]);
    let tf = serde_json::json!({"a": "x"});
    cmp_value(
        &tags,
        &tf,
        &J::Null,
        &serde_json::json!({"a": true}),
        false,
        "tags",
        &mut out,
    );
    assert_eq!(
        out.len(),
        1,
        "a mark inside a value must be ours too: {out:?}"
    );
    out.clear();
    assert_eq!(module_call_path(""), "");
    assert_eq!(module_call_path("module.a"), "a");
    assert_eq!(
        module_call_path("module.site[\"b.]x\"].module.cert[0].module.z"),
        "site.cert.z"
    );
    assert!(schema_sensitive(
        "aws_db_instance",
        ResourceMode::Managed,
        "password"
    ));
    assert!(!schema_sensitive(
        "aws_sqs_queue",
        ResourceMode::Managed,
        "name"
    ));
    // A whole attribute terraform marks (possibly from the provider schema) is fine.
    cmp_value(
        &Value::from("x"),
        &J::String("x".into()),
        &J::Null,
        &J::Bool(true),
        false,
        "password",
        &mut out,
    );
    assert!(out.is_empty(), "{out:?}");
}
