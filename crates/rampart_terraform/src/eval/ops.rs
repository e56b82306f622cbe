//! Operators and small conversions shared by the evaluator: arithmetic,
//! comparison, equality, logic, and string conversion for templates.
//!
//! Every operator unmarks its operands and marks the result when an operand was
//! sensitive; an unknown operand gives an unknown result that keeps the
//! references of both sides.

use hcl_edit::expr::{BinaryOperator, UnaryOperator};
use rampart_model::value::format_number;
use rampart_model::{Number, Value};

/// Hidden key carried by the objects that stand for resource instances while
/// evaluating: looking up a missing attribute of such an object gives an
/// unknown value that refers to the instance instead of an error. It is
/// removed from every value the evaluator hands out ([`strip_markers`]).
pub const RESOURCE_MARKER: &str = "\u{0}resource";

/// Remove [`RESOURCE_MARKER`] keys everywhere inside `v`.
pub fn strip_markers(v: Value) -> Value {
    match v {
        Value::Object(mut m) => {
            if m.remove(RESOURCE_MARKER).is_some() || m.values().any(has_marker) {
                Value::Object(m.into_iter().map(|(k, v)| (k, strip_markers(v))).collect())
            } else {
                Value::Object(m)
            }
        }
        Value::List(items) if items.iter().any(has_marker) => {
            Value::List(items.into_iter().map(strip_markers).collect())
        }
        Value::Set(items) if items.iter().any(has_marker) => {
            Value::Set(items.into_iter().map(strip_markers).collect())
        }
        Value::Sensitive(inner) => Value::Sensitive(Box::new(strip_markers(*inner))),
        v => v,
    }
}

fn has_marker(v: &Value) -> bool {
    match v {
        Value::Object(m) => m.contains_key(RESOURCE_MARKER) || m.values().any(has_marker),
        Value::List(items) | Value::Set(items) => items.iter().any(has_marker),
        Value::Sensitive(inner) => has_marker(inner),
        _ => false,
    }
}

/// References of the unknowns in `vals`, merged.
pub fn refs_of(vals: &[&Value]) -> Vec<String> {
    let mut out = Vec::new();
    for v in vals {
        v.unknown_refs(&mut out);
    }
    out
}

/// An unknown value carrying the references of the unknowns in `vals`.
pub fn unknown_of(vals: &[&Value]) -> Value {
    Value::unknown_from(refs_of(vals))
}

/// A value converted to a number, as Terraform converts operands.
pub fn to_number(v: &Value) -> Result<Number, String> {
    match v.unmarked() {
        Value::Number(n) => Ok(n.clone()),
        Value::String(s) => Number::parse(s.trim())
            .filter(|n| !n.is_infinite())
            .ok_or_else(|| format!("a number is required; cannot convert \"{s}\" to number")),
        Value::Null => Err("a number is required; the value is null".into()),
        other => Err(format!("a number is required, got {}", other.type_name())),
    }
}

/// A value converted to a bool (strings `"true"`/`"false"` convert).
pub fn to_bool(v: &Value) -> Result<bool, String> {
    match v.unmarked() {
        Value::Bool(b) => Ok(*b),
        Value::String(s) if s == "true" => Ok(true),
        Value::String(s) if s == "false" => Ok(false),
        Value::Null => Err("a bool is required; the value is null".into()),
        other => Err(format!("a bool is required, got {}", other.type_name())),
    }
}

/// The string form of a primitive, as template interpolation produces it.
pub fn to_template_string(v: &Value) -> Result<String, String> {
    match v.unmarked() {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(format_number(n)),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Null => Err("Invalid template interpolation value: the expression result is null. Cannot include a null value in a string template.".into()),
        other => Err(format!(
            "Invalid template interpolation value: cannot include the given value in a string template: string required, got {}",
            other.type_name()
        )),
    }
}

/// Deep equality in Terraform's sense: values of different types are unequal;
/// `None` when an unknown decides the answer.
pub fn equal(a: &Value, b: &Value) -> Option<bool> {
    match (a.unmarked(), b.unmarked()) {
        (Value::Unknown(_), _) | (_, Value::Unknown(_)) => None,
        (Value::Null, Value::Null) => Some(true),
        (Value::Null, _) | (_, Value::Null) => Some(false),
        (Value::Bool(x), Value::Bool(y)) => Some(x == y),
        (Value::Number(x), Value::Number(y)) => Some(x == y),
        (Value::String(x), Value::String(y)) => Some(x == y),
        (Value::List(x), Value::List(y)) | (Value::Set(x), Value::Set(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            let mut unknown = false;
            for (p, q) in x.iter().zip(y) {
                match equal(p, q) {
                    Some(false) => return Some(false),
                    None => unknown = true,
                    Some(true) => {}
                }
            }
            if unknown {
                None
            } else {
                Some(true)
            }
        }
        (Value::Object(x), Value::Object(y)) => {
            if x.len() != y.len() || x.keys().ne(y.keys()) {
                return Some(false);
            }
            let mut unknown = false;
            for (p, q) in x.values().zip(y.values()) {
                match equal(p, q) {
                    Some(false) => return Some(false),
                    None => unknown = true,
                    Some(true) => {}
                }
            }
            if unknown {
                None
            } else {
                Some(true)
            }
        }
        _ => Some(false),
    }
}

/// Apply a binary operator to two evaluated operands.
pub fn binary(op: BinaryOperator, a: Value, b: Value) -> Result<Value, String> {
    let (a, ma) = a.unmark();
    let (b, mb) = b.unmark();
    let marked = ma || mb;
    let r = binary_plain(op, &a, &b)?;
    Ok(r.mark(marked))
}

fn binary_plain(op: BinaryOperator, a: &Value, b: &Value) -> Result<Value, String> {
    use BinaryOperator as B;
    match op {
        B::Eq | B::NotEq => {
            // Equality with a sensitive value nested inside still compares.
            Ok(match equal(a, b) {
                Some(e) => Value::Bool(if matches!(op, B::Eq) { e } else { !e }),
                None => unknown_of(&[a, b]),
            })
        }
        B::And | B::Or => {
            let is_and = matches!(op, B::And);
            let av = if a.is_unknown() {
                None
            } else {
                Some(to_bool(a).map_err(|e| {
                    format!("Invalid operand: unsuitable value for left operand: {e}")
                })?)
            };
            let bv = if b.is_unknown() {
                None
            } else {
                Some(to_bool(b).map_err(|e| {
                    format!("Invalid operand: unsuitable value for right operand: {e}")
                })?)
            };
            Ok(match (av, bv) {
                (Some(x), Some(y)) => Value::Bool(if is_and { x && y } else { x || y }),
                (Some(x), None) | (None, Some(x)) if x != is_and => Value::Bool(x),
                _ => unknown_of(&[a, b]),
            })
        }
        _ => {
            if a.is_unknown() || b.is_unknown() {
                // Still check the known side's type.
                if !a.is_unknown() {
                    to_number(a).map_err(|e| {
                        format!("Invalid operand: unsuitable value for left operand: {e}")
                    })?;
                }
                if !b.is_unknown() {
                    to_number(b).map_err(|e| {
                        format!("Invalid operand: unsuitable value for right operand: {e}")
                    })?;
                }
                return Ok(unknown_of(&[a, b]));
            }
            let x = to_number(a)
                .map_err(|e| format!("Invalid operand: unsuitable value for left operand: {e}"))?;
            let y = to_number(b)
                .map_err(|e| format!("Invalid operand: unsuitable value for right operand: {e}"))?;
            let r = match op {
                B::Plus => Value::Number(x.add(&y).ok_or_else(nan)?),
                B::Minus => Value::Number(x.sub(&y).ok_or_else(nan)?),
                B::Mul => Value::Number(x.mul(&y).ok_or_else(nan)?),
                B::Div => {
                    if y.is_zero() {
                        return Err(
                            "Operation failed: error while attempting to divide by zero".into()
                        );
                    }
                    Value::Number(x.div(&y).ok_or_else(nan)?)
                }
                B::Mod => {
                    if y.is_zero() {
                        return Err("Operation failed: error while attempting to compute the remainder of a division by zero".into());
                    }
                    Value::Number(x.rem(&y).ok_or_else(nan)?)
                }
                B::Less => Value::Bool(x < y),
                B::LessEq => Value::Bool(x <= y),
                B::Greater => Value::Bool(x > y),
                B::GreaterEq => Value::Bool(x >= y),
                B::Eq | B::NotEq | B::And | B::Or => Value::Null,
            };
            Ok(r)
        }
    }
}

fn nan() -> String {
    "Operation failed: the result is not a number (opposing infinities, or zero times infinity)"
        .into()
}

/// Apply a unary operator.
pub fn unary(op: UnaryOperator, v: Value) -> Result<Value, String> {
    let (v, marked) = v.unmark();
    if v.is_unknown() {
        return Ok(v.mark(marked));
    }
    let r = match op {
        UnaryOperator::Neg => Value::Number(
            to_number(&v)
                .map_err(|e| format!("Invalid operand: unsuitable value for unary operand: {e}"))?
                .neg(),
        ),
        UnaryOperator::Not => Value::Bool(
            !to_bool(&v)
                .map_err(|e| format!("Invalid operand: unsuitable value for unary operand: {e}"))?,
        ),
    };
    Ok(r.mark(marked))
}

/// Unify the two results of a conditional the simple way Terraform does for
/// primitives: a string on one side turns a number or bool on the other into
/// a string.
pub fn unify_primitive(chosen: Value, other: &Value) -> Value {
    let other_is_string = matches!(other.unmarked(), Value::String(_));
    if !other_is_string {
        return chosen;
    }
    let (c, marked) = chosen.unmark();
    let c = match c {
        Value::Number(n) => Value::String(format_number(&n)),
        Value::Bool(b) => Value::String(b.to_string()),
        c => c,
    };
    c.mark(marked)
}

/// Format an instance key as Terraform writes it in addresses.
pub fn key_suffix(key: &Value) -> String {
    match key.unmarked() {
        Value::Number(n) => format!("[{}]", format_number(n)),
        // Keys are written as HCL string literals, where template sequences
        // are escaped: `${` as `$${` and `%{` as `%%{`.
        Value::String(s) => format!("[{}]", quote(s).replace("${", "$${").replace("%{", "%%{")),
        _ => "[*]".to_string(),
    }
}

/// A string in Terraform's quoted form (escapes `"`, `\` and control characters).
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
