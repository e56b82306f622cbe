//! The plan loader over every recorded corpus case: each trimmed
//! `expected.json` is wrapped back into the shape of `terraform show -json`
//! and loaded; addresses, unknown values, sensitive marks and known values must
//! come out as terraform recorded them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rampart_model::{Block, ResourceMode, Value};
use rampart_source::FileId;
use rampart_terraform::plan::{self, PlanKind};
use rampart_terraform::Evaluation;
use serde_json::{json, Value as J};

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path().join("expected.json"))
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn walk(m: &J, data_only: bool, out: &mut Vec<J>) {
    for r in m
        .get("resources")
        .and_then(J::as_array)
        .into_iter()
        .flatten()
    {
        if !data_only || r.get("mode").and_then(J::as_str) == Some("data") {
            out.push(r.clone());
        }
    }
    for c in m
        .get("child_modules")
        .and_then(J::as_array)
        .into_iter()
        .flatten()
    {
        walk(c, data_only, out);
    }
}

/// Check every leaf of `want` (terraform's values) against `got` (ours, as
/// a model value), honouring the unknown and sensitive masks.
fn check(got: Option<&Value>, want: &J, unk: &J, sens: &J, path: &str, errs: &mut Vec<String>) {
    if unk == &J::Bool(true) {
        if !got.is_some_and(Value::is_unknown) {
            errs.push(format!("{path}: should be unknown, got {got:?}"));
        }
        return;
    }
    let Some(got) = got else {
        if !want.is_null() {
            errs.push(format!("{path}: missing"));
        }
        return;
    };
    if sens == &J::Bool(true) && !got.is_sensitive() {
        errs.push(format!("{path}: should be sensitive"));
    }
    let got = got.unmarked();
    match want {
        J::Object(m) => {
            for (k, w) in m {
                check(
                    got.get(k),
                    w,
                    unk.get(k).unwrap_or(&J::Null),
                    sens.get(k).unwrap_or(&J::Null),
                    &format!("{path}.{k}"),
                    errs,
                );
            }
        }
        J::Array(items) => {
            let list = got.as_list().unwrap_or(&[]);
            if list.len() != items.len() {
                errs.push(format!(
                    "{path}: {} items, want {}",
                    list.len(),
                    items.len()
                ));
                return;
            }
            for (i, (g, w)) in list.iter().zip(items).enumerate() {
                check(
                    Some(g),
                    w,
                    unk.get(i).unwrap_or(&J::Null),
                    sens.get(i).unwrap_or(&J::Null),
                    &format!("{path}[{i}]"),
                    errs,
                );
            }
        }
        w => {
            if &got.to_json() != w {
                errs.push(format!("{path}: got {}, want {w}", got.to_json()));
            }
        }
    }
}

fn block_value(b: &Block) -> Value {
    Value::Object(
        b.attrs
            .iter()
            .map(|(k, a)| (k.clone(), a.value.clone()))
            .collect(),
    )
}

#[test]
fn every_recorded_plan_loads_faithfully() {
    let all = cases();
    assert!(all.len() >= 60, "{} cases", all.len());
    let mut failures = Vec::new();
    let mut resources = 0usize;
    for p in &all {
        let text = std::fs::read_to_string(p).unwrap_or_default();
        let exp: J = serde_json::from_str(&text).unwrap_or(J::Null);
        let changes: Vec<J> = exp
            .get("resource_changes")
            .and_then(J::as_array)
            .into_iter()
            .flatten()
            .map(|c| {
                json!({
                    "address": c.get("address"),
                    "change": {
                        "after_unknown": c.get("after_unknown"),
                        "after_sensitive": c.get("after_sensitive"),
                    }
                })
            })
            .collect();
        let plan_json = json!({
            "format_version": "1.2",
            "terraform_version": exp.get("terraform_version"),
            "planned_values": exp.get("planned_values"),
            "resource_changes": changes,
            "prior_state": {"values": exp.get("prior_state")},
        });
        let plan_text = serde_json::to_string_pretty(&plan_json).unwrap_or_default();
        assert_eq!(
            plan::detect(&plan_text),
            Some(PlanKind::Plan),
            "{}",
            p.display()
        );
        let mut ev = Evaluation::default();
        plan::load_text(&plan_text, FileId(0), Some(PlanKind::Plan), &mut ev);
        if !ev.diagnostics.is_empty() {
            failures.push(format!("{}: {:?}", p.display(), ev.diagnostics));
            continue;
        }

        let mut planned = Vec::new();
        if let Some(root) = exp.get("planned_values").and_then(|v| v.get("root_module")) {
            walk(root, false, &mut planned);
        }
        if let Some(root) = exp.get("prior_state").and_then(|v| v.get("root_module")) {
            walk(root, true, &mut planned);
        }
        let want: BTreeSet<&str> = planned
            .iter()
            .filter_map(|r| r.get("address").and_then(J::as_str))
            .collect();
        let got: BTreeSet<&str> = ev.resources.iter().map(|r| r.address.as_str()).collect();
        if want != got {
            failures.push(format!("{}: addresses {got:?} want {want:?}", p.display()));
            continue;
        }
        for r in &planned {
            let addr = r.get("address").and_then(J::as_str).unwrap_or_default();
            let Some(ours) = ev.resources.iter().find(|x| x.address == addr) else {
                continue;
            };
            resources += 1;
            let mode = r.get("mode").and_then(J::as_str);
            let want_mode = if mode == Some("data") {
                ResourceMode::Data
            } else {
                ResourceMode::Managed
            };
            if ours.mode != want_mode
                || Some(ours.kind.as_str()) != r.get("type").and_then(J::as_str)
                || Some(ours.name.as_str()) != r.get("name").and_then(J::as_str)
            {
                failures.push(format!("{}: {addr}: mode/type/name", p.display()));
            }
            let change = exp
                .get("resource_changes")
                .and_then(J::as_array)
                .into_iter()
                .flatten()
                .find(|c| c.get("address").and_then(J::as_str) == Some(addr));
            let unk = change
                .and_then(|c| c.get("after_unknown"))
                .cloned()
                .unwrap_or(J::Null);
            let sens = r.get("sensitive_values").cloned().unwrap_or(J::Null);
            let mut values = r.get("values").cloned().unwrap_or_else(|| json!({}));
            // Unknown attributes are absent from values; check them too.
            if let (Some(vm), Some(um)) = (values.as_object_mut(), unk.as_object()) {
                for (k, u) in um {
                    if u == &J::Bool(true) {
                        vm.entry(k.clone()).or_insert(J::Null);
                    }
                }
            }
            let mut errs = Vec::new();
            check(
                Some(&block_value(&ours.body)),
                &values,
                &unk,
                &sens,
                addr,
                &mut errs,
            );
            // Lists of objects are also nested blocks, one per element.
            for (k, a) in &ours.body.attrs {
                if let Some(items) = a.value.as_list() {
                    if !items.is_empty() && items.iter().all(|i| i.as_object().is_some()) {
                        let n = ours.body.blocks(k).count();
                        if n != items.len() {
                            errs.push(format!("{addr}.{k}: {n} blocks for {} items", items.len()));
                        }
                    }
                }
            }
            failures.extend(errs.into_iter().map(|e| format!("{}: {e}", p.display())));
        }
    }
    assert!(resources > 200, "only {resources} resources checked");
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
