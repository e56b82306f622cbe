//! Golden test of the built-in functions through the real evaluator: every
//! expression in `rampart_tf_functions/tests/fixtures/cases.txt` was run by
//! `terraform console` (see `scripts/record-function-fixtures.sh`) and its
//! answer recorded in `expected.json`. Where Terraform gave a value, ours
//! must be equal as JSON (numbers compared numerically); where Terraform
//! reported an error, we must report one too, never a value.
//!
//! `KNOWN_GAPS.txt` lists the cases allowed to fail. The test fails when an
//! unlisted case fails, and also when a listed case passes, so the list can
//! only shrink.

use std::path::{Path, PathBuf};

use rampart_model::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../rampart_tf_functions/tests/fixtures")
}

fn json_equal(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (a, b) {
        (J::Number(x), J::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => x == y || (x - y).abs() <= 1e-12 * x.abs().max(y.abs()),
            _ => false,
        },
        (J::Array(x), J::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| json_equal(p, q))
        }
        (J::Object(x), J::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_equal(v, w)))
        }
        _ => a == b,
    }
}

/// Case text of every listed gap (the part before ` ## reason`).
fn known_gaps() -> Vec<String> {
    let text = std::fs::read_to_string(fixtures().join("KNOWN_GAPS.txt")).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split(" ## ").next().unwrap_or(l).trim_end().to_string())
        .collect()
}

fn passes(case: &serde_json::Value, got: &Result<Value, String>) -> bool {
    match (case["result"].as_str(), got) {
        // The recording wraps every case in jsonencode, which makes any
        // result holding a sensitive value sensitive: so a recorded value
        // is one without marks anywhere.
        (Some("value"), Ok(v)) => {
            v.is_wholly_known() && !v.has_sensitive() && json_equal(&v.to_json(), &case["value"])
        }
        (Some("unknown"), Ok(v)) => !v.is_wholly_known(),
        (Some("sensitive"), Ok(v)) => v.has_sensitive(),
        (Some("error"), Err(_)) => true,
        _ => false,
    }
}

#[test]
fn functions_agree_with_terraform() {
    let dir = fixtures();
    let text = std::fs::read_to_string(dir.join("expected.json")).unwrap_or_default();
    let cases: Vec<serde_json::Value> = match serde_json::from_str(&text) {
        Ok(c) => c,
        Err(e) => panic!("expected.json does not parse: {e}"),
    };
    assert!(
        cases.len() >= 450,
        "expected.json has {} cases",
        cases.len()
    );
    let gaps = known_gaps();
    let mut pass = 0usize;
    let mut unlisted = Vec::new();
    let mut fixed = Vec::new();
    for case in &cases {
        let expr = case["expr"].as_str().unwrap_or_default();
        let got = rampart_terraform::eval_expression(expr, &dir);
        let ok = passes(case, &got);
        let listed = gaps.iter().any(|g| g == expr);
        match (ok, listed) {
            (true, false) => pass += 1,
            (true, true) => fixed.push(expr.to_string()),
            (false, true) => {}
            (false, false) => {
                let got_text = match &got {
                    Ok(v) => v.to_json().to_string(),
                    Err(m) => format!("error: {m}"),
                };
                let want = match case["result"].as_str() {
                    Some("value") => case["value"].to_string(),
                    Some("error") => format!("error: {}", case["error"].as_str().unwrap_or("")),
                    other => other.unwrap_or("?").to_string(),
                };
                unlisted.push(format!("{expr}\n    got:  {got_text}\n    want: {want}"));
            }
        }
    }
    eprintln!(
        "function golden cases: {} total, {pass} pass, {} known gaps, {} unlisted failures, {} listed but passing",
        cases.len(),
        gaps.len(),
        unlisted.len(),
        fixed.len()
    );
    assert!(
        unlisted.is_empty(),
        "{} cases differ from Terraform and are not in KNOWN_GAPS.txt:\n{}",
        unlisted.len(),
        unlisted.join("\n")
    );
    assert!(
        fixed.is_empty(),
        "these cases now pass; remove them from KNOWN_GAPS.txt:\n{}",
        fixed.join("\n")
    );
    let unknown_listed: Vec<&String> = gaps
        .iter()
        .filter(|g| !cases.iter().any(|c| c["expr"].as_str() == Some(g.as_str())))
        .collect();
    assert!(
        unknown_listed.is_empty(),
        "KNOWN_GAPS.txt lists cases that are not recorded: {unknown_listed:?}"
    );
}
