//! Runs the recorded Terraform cases (`tests/fixtures/expected.json`) straight
//! against [`rampart_tf_functions::call`], with a small expression evaluator
//! of its own (literals, collections, function calls, `...` expansion,
//! arithmetic). Cases that need more of the language (for expressions,
//! templates) are skipped here; the full golden test in `rampart_terraform`
//! covers them with the real evaluator.
//!
//! A case that fails here must be listed in `tests/fixtures/KNOWN_GAPS.txt`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use hcl_edit::expr::{BinaryOperator, Expression, ObjectKey, UnaryOperator};
use rampart_model::Value;
use rampart_tf_functions::{call, FnCtx, FnError};

enum Eval {
    Value(Value),
    Error(String),
    Unsupported,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn no_templates(_: &str, _: &BTreeMap<String, Value>) -> Result<Value, String> {
    Err("templates are not rendered by this test".into())
}

fn eval(e: &Expression, ctx: &FnCtx<'_>) -> Eval {
    use Eval::*;
    match e {
        Expression::Null(_) => Value(rampart_model::Value::Null),
        Expression::Bool(b) => Value(rampart_model::Value::Bool(*b.value())),
        // The literal's own text, as Terraform reads it (512-bit, sign kept).
        Expression::Number(n) => {
            let text: String = n
                .as_repr()
                .map(|r| r.chars().filter(|c| !c.is_whitespace()).collect())
                .unwrap_or_default();
            match rampart_model::Number::parse(&text) {
                Some(x) => Value(rampart_model::Value::Number(x)),
                None => Unsupported,
            }
        }
        Expression::String(s) => Value(rampart_model::Value::String(s.value().to_string())),
        Expression::Parenthesis(p) => eval(p.inner(), ctx),
        Expression::Array(a) => {
            let mut out = Vec::new();
            for x in a.iter() {
                match eval(x, ctx) {
                    Value(v) => out.push(v),
                    other => return other,
                }
            }
            Value(rampart_model::Value::List(out))
        }
        Expression::Object(o) => {
            let mut out = BTreeMap::new();
            for (k, v) in o.iter() {
                let key = match k {
                    ObjectKey::Ident(i) => i.value().to_string(),
                    ObjectKey::Expression(x) => match eval(x, ctx) {
                        Value(rampart_model::Value::String(s)) => s,
                        Value(rampart_model::Value::Number(n)) => {
                            rampart_model::value::format_number(&n)
                        }
                        Value(_) => return Unsupported,
                        other => return other,
                    },
                };
                match eval(v.expr(), ctx) {
                    Value(val) => {
                        out.insert(key, val);
                    }
                    other => return other,
                }
            }
            Value(rampart_model::Value::Object(out))
        }
        Expression::UnaryOp(u) => match (u.operator.value(), eval(&u.expr, ctx)) {
            (UnaryOperator::Neg, Value(rampart_model::Value::Number(n))) => {
                Value(rampart_model::Value::Number(n.neg()))
            }
            (_, Error(m)) => Error(m),
            _ => Unsupported,
        },
        Expression::BinaryOp(b) => {
            let (l, r) = match (eval(&b.lhs_expr, ctx), eval(&b.rhs_expr, ctx)) {
                (Value(l), Value(r)) => (l, r),
                (Error(m), _) | (_, Error(m)) => return Error(m),
                _ => return Unsupported,
            };
            let (Some(l), Some(r)) = (l.as_number(), r.as_number()) else {
                return Unsupported;
            };
            let n = match b.operator.value() {
                BinaryOperator::Plus => l.add(&r),
                BinaryOperator::Minus => l.sub(&r),
                BinaryOperator::Mul => l.mul(&r),
                BinaryOperator::Div => l.div(&r),
                _ => return Unsupported,
            };
            match n {
                Some(n) => Value(rampart_model::Value::Number(n)),
                None => Unsupported,
            }
        }
        Expression::FuncCall(f) => {
            let fname = f.name.name.value().as_str();
            if !f.name.namespace.is_empty() || fname == "try" || fname == "can" {
                return Unsupported;
            }
            let mut args = Vec::new();
            let n = f.args.len();
            for (i, x) in f.args.iter().enumerate() {
                match eval(x, ctx) {
                    Value(v) => {
                        if f.args.expand_final() && i + 1 == n {
                            match v {
                                rampart_model::Value::List(items)
                                | rampart_model::Value::Set(items) => args.extend(items),
                                _ => return Error("cannot expand".into()),
                            }
                        } else {
                            args.push(v)
                        }
                    }
                    other => return other,
                }
            }
            match call(f.name.name.value().as_str(), args, ctx) {
                Ok(v) => Value(v),
                Err(FnError::NotKnowable(_)) => Value(rampart_model::Value::unknown()),
                Err(e) => Error(e.to_string()),
            }
        }
        _ => Unsupported,
    }
}

/// Compare JSON values, numbers numerically.
pub fn json_equal(a: &serde_json::Value, b: &serde_json::Value) -> bool {
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

fn known_gaps() -> Vec<String> {
    let text = std::fs::read_to_string(fixtures().join("KNOWN_GAPS.txt")).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split(" ## ").next().unwrap_or(l).to_string())
        .collect()
}

#[test]
fn recorded_terraform_cases() {
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
    let render = no_templates;
    let ctx = FnCtx {
        module_dir: &dir,
        confine_to: &dir,
        render_template: &render,
    };
    let (mut pass, mut skipped) = (0, 0);
    let mut failures = Vec::new();
    for case in &cases {
        let expr = case["expr"].as_str().unwrap_or_default();
        let result = case["result"].as_str().unwrap_or_default();
        // String literals are NFC-normalized by the evaluator, not by this
        // small harness: leave such cases to the golden test.
        if expr.contains("\\u0301") {
            skipped += 1;
            continue;
        }
        let Ok(parsed) = hcl_edit::parser::parse_expr(expr) else {
            skipped += 1;
            continue;
        };
        let got = eval(&parsed, &ctx);
        let ok = match (&got, result) {
            (Eval::Error(m), _) if m.contains("templates are not rendered") => {
                skipped += 1;
                continue;
            }
            (Eval::Unsupported, _) => {
                skipped += 1;
                continue;
            }
            (Eval::Value(v), "value") => {
                !v.has_sensitive() && json_equal(&v.to_json(), &case["value"])
            }
            (Eval::Value(v), "unknown") => v.is_unknown(),
            (Eval::Value(v), "sensitive") => v.has_sensitive(),
            (Eval::Error(_), "error") => true,
            _ => false,
        };
        if ok {
            pass += 1;
        } else if !gaps.iter().any(|g| g == expr) {
            let got_text = match &got {
                Eval::Value(v) => format!("{}", v.to_json()),
                Eval::Error(m) => format!("error: {m}"),
                Eval::Unsupported => "unsupported".into(),
            };
            let want = match result {
                "value" => case["value"].to_string(),
                "error" => format!("error: {}", case["error"].as_str().unwrap_or("")),
                other => other.to_string(),
            };
            failures.push(format!("{expr}\n    got:  {got_text}\n    want: {want}"));
        }
    }
    eprintln!(
        "recorded cases: {pass} pass, {skipped} skipped, {} unlisted failures",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} cases differ from Terraform:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
