//! Evaluated values, following Terraform's (cty's) type system closely enough
//! for evaluation to agree with `terraform plan`.
//!
//! * lists and tuples are both [`Value::List`]; maps and objects are both
//!   [`Value::Object`] (keys sorted, as Terraform sorts them);
//! * sets are [`Value::Set`], kept deduplicated and in Terraform's order;
//! * [`Value::Unknown`] is a value known only after apply. It remembers the
//!   resource addresses it derives from, so rules can follow references;
//! * [`Value::Sensitive`] marks a value that must never be printed.

use std::collections::BTreeMap;
use std::fmt;

/// Numbers are Terraform's: binary floating point at the precision cty uses
/// (512 bits for literals), with Go's rounding and decimal formatting.
pub use rampart_number::Number;

/// Where an unknown value comes from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Unknown {
    /// Addresses of resource instances (e.g. `aws_s3_bucket.logs`,
    /// `module.m.aws_kms_key.k[0]`) whose computed attributes this value derives from.
    pub refs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    /// A list or tuple.
    List(Vec<Value>),
    /// A set: unique elements in Terraform's order (see [`Value::set`]).
    Set(Vec<Value>),
    /// A map or object; keys sorted.
    Object(BTreeMap<String, Value>),
    Unknown(Box<Unknown>),
    /// A value derived from something declared sensitive.
    Sensitive(Box<Value>),
}

impl Value {
    pub fn unknown() -> Value {
        Value::Unknown(Box::default())
    }

    pub fn unknown_from(refs: Vec<String>) -> Value {
        Value::Unknown(Box::new(Unknown { refs }))
    }

    pub fn string(s: impl Into<String>) -> Value {
        Value::String(s.into())
    }

    /// Build a set: deduplicate and order the elements as Terraform does
    /// (strings lexically, numbers numerically, others in first-seen order after).
    pub fn set(items: Vec<Value>) -> Value {
        let mut out: Vec<Value> = Vec::with_capacity(items.len());
        // Strings are found by hash (a linear scan per element is quadratic:
        // minutes for a `toset` of 100k names); other values compare in full.
        let mut strings = std::collections::HashSet::new();
        for v in items {
            let dup = match &v {
                Value::String(s) => !strings.insert(s.clone()),
                _ => out.contains(&v),
            };
            if !dup {
                out.push(v);
            }
        }
        out.sort_by(set_order);
        Value::Set(out)
    }

    pub fn object<I, K>(pairs: I) -> Value
    where
        I: IntoIterator<Item = (K, Value)>,
        K: Into<String>,
    {
        Value::Object(pairs.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// Drop a sensitivity mark (if any), returning the inner value and whether it
    /// was marked.
    pub fn unmark(self) -> (Value, bool) {
        match self {
            Value::Sensitive(inner) => {
                let (v, _) = inner.unmark();
                (v, true)
            }
            v => (v, false),
        }
    }

    /// The value without a top-level sensitivity mark.
    pub fn unmarked(&self) -> &Value {
        match self {
            Value::Sensitive(inner) => inner.unmarked(),
            v => v,
        }
    }

    pub fn mark(self, sensitive: bool) -> Value {
        match (sensitive, self) {
            (false, v) => v,
            (true, v @ Value::Sensitive(_)) => v,
            (true, v) => Value::Sensitive(Box::new(v)),
        }
    }

    pub fn is_sensitive(&self) -> bool {
        matches!(self, Value::Sensitive(_))
    }

    /// True when the value contains a sensitive mark anywhere.
    pub fn has_sensitive(&self) -> bool {
        match self {
            Value::Sensitive(_) => true,
            Value::List(v) | Value::Set(v) => v.iter().any(Value::has_sensitive),
            Value::Object(m) => m.values().any(Value::has_sensitive),
            _ => false,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.unmarked(), Value::Null)
    }

    /// True when this value itself is unknown (not looking inside collections).
    pub fn is_unknown(&self) -> bool {
        matches!(self.unmarked(), Value::Unknown(_))
    }

    /// True when the value is known all the way down.
    pub fn is_wholly_known(&self) -> bool {
        match self.unmarked() {
            Value::Unknown(_) => false,
            Value::List(v) | Value::Set(v) => v.iter().all(Value::is_wholly_known),
            Value::Object(m) => m.values().all(Value::is_wholly_known),
            _ => true,
        }
    }

    /// Every resource address referenced by unknowns inside this value.
    pub fn unknown_refs(&self, out: &mut Vec<String>) {
        match self.unmarked() {
            Value::Unknown(u) => {
                for r in &u.refs {
                    if !out.contains(r) {
                        out.push(r.clone());
                    }
                }
            }
            Value::List(v) | Value::Set(v) => v.iter().for_each(|x| x.unknown_refs(out)),
            Value::Object(m) => m.values().for_each(|x| x.unknown_refs(out)),
            _ => {}
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self.unmarked() {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.unmarked() {
            Value::Bool(b) => Some(*b),
            Value::String(s) if s == "true" => Some(true),
            Value::String(s) if s == "false" => Some(false),
            _ => None,
        }
    }

    /// The number, or a string that holds one (as Terraform converts).
    pub fn as_number(&self) -> Option<Number> {
        match self.unmarked() {
            Value::Number(n) => Some(n.clone()),
            Value::String(s) => Number::parse(s.trim()),
            _ => None,
        }
    }

    /// [`Value::as_number`] as the nearest double.
    pub fn as_f64(&self) -> Option<f64> {
        match self.unmarked() {
            Value::Number(n) => Some(n.to_f64()),
            Value::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        }
    }

    /// A number value from a double (NaN, which Terraform cannot hold, is null).
    pub fn from_f64(n: f64) -> Value {
        Number::from_f64(n).map_or(Value::Null, Value::Number)
    }

    /// Elements of a list, tuple or set.
    pub fn as_list(&self) -> Option<&[Value]> {
        match self.unmarked() {
            Value::List(v) | Value::Set(v) => Some(v),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&BTreeMap<String, Value>> {
        match self.unmarked() {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// Attribute or key lookup on an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|m| m.get(key))
    }

    /// Terraform's name for the value's type, as `type()` prints it (approximate
    /// for collections: lists are tuples and maps are objects here).
    pub fn type_name(&self) -> &'static str {
        match self.unmarked() {
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::List(_) => "tuple",
            Value::Set(_) => "set",
            Value::Object(_) => "object",
            Value::Unknown(_) => "unknown",
            Value::Sensitive(_) => "sensitive",
        }
    }

    /// Convert to JSON. Unknown values become `null`; sensitive values are
    /// included (callers that print must redact first, see [`Value::to_json_redacted`]).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Value::Null | Value::Unknown(_) => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Number(n) => number_to_json(n),
            Value::String(s) => J::String(s.clone()),
            Value::List(v) | Value::Set(v) => J::Array(v.iter().map(Value::to_json).collect()),
            Value::Object(m) => {
                J::Object(m.iter().map(|(k, v)| (k.clone(), v.to_json())).collect())
            }
            Value::Sensitive(v) => v.to_json(),
        }
    }

    /// Convert to JSON with sensitive values replaced by `"(sensitive)"`.
    pub fn to_json_redacted(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Value::Sensitive(_) => J::String("(sensitive)".into()),
            Value::List(v) | Value::Set(v) => {
                J::Array(v.iter().map(Value::to_json_redacted).collect())
            }
            Value::Object(m) => J::Object(
                m.iter()
                    .map(|(k, v)| (k.clone(), v.to_json_redacted()))
                    .collect(),
            ),
            v => v.to_json(),
        }
    }

    /// Build from JSON (numbers to f64, objects keep sorted keys).
    pub fn from_json(j: &serde_json::Value) -> Value {
        use serde_json::Value as J;
        match j {
            J::Null => Value::Null,
            J::Bool(b) => Value::Bool(*b),
            J::Number(n) => {
                Value::Number(Number::parse(&n.to_string()).unwrap_or_else(Number::zero))
            }
            J::String(s) => Value::String(s.clone()),
            J::Array(a) => Value::List(a.iter().map(Value::from_json).collect()),
            J::Object(o) => Value::Object(
                o.iter()
                    .map(|(k, v)| (k.clone(), Value::from_json(v)))
                    .collect(),
            ),
        }
    }
}

/// Format a number as Terraform does in string interpolation.
pub fn format_number(n: &Number) -> String {
    n.to_string()
}

/// JSON for a number: integers that fit exactly, otherwise the nearest double
/// (JSON output of findings does not need more; Terraform's own text form is
/// [`format_number`]).
fn number_to_json(n: &Number) -> serde_json::Value {
    if let Some(i) = n.to_i64() {
        return serde_json::Value::Number(i.into());
    }
    serde_json::Number::from_f64(n.to_f64())
        .map(serde_json::Value::Number)
        .unwrap_or(serde_json::Value::Null)
}

fn set_rank(v: &Value) -> u8 {
    match v.unmarked() {
        Value::String(_) => 0,
        Value::Number(_) => 1,
        Value::Bool(_) => 2,
        _ => 3,
    }
}

fn set_order(a: &Value, b: &Value) -> std::cmp::Ordering {
    match (a.unmarked(), b.unmarked()) {
        (Value::String(x), Value::String(y)) => x.cmp(y),
        (Value::Number(x), Value::Number(y)) => x.cmp(y),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        _ => set_rank(a).cmp(&set_rank(b)),
    }
}

impl fmt::Display for Value {
    /// A short human form for messages. Sensitive values print as `(sensitive)`
    /// and unknown values as `(known after apply)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Number(n) => f.write_str(&format_number(n)),
            Value::String(s) => write!(f, "{s:?}"),
            Value::Unknown(_) => f.write_str("(known after apply)"),
            Value::Sensitive(_) => f.write_str("(sensitive)"),
            Value::List(v) | Value::Set(v) => {
                f.write_str("[")?;
                for (i, x) in v.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{x}")?;
                }
                f.write_str("]")
            }
            Value::Object(m) => {
                f.write_str("{")?;
                for (i, (k, x)) in m.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{k} = {x}")?;
                }
                f.write_str("}")
            }
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}
impl From<f64> for Value {
    fn from(n: f64) -> Self {
        Value::from_f64(n)
    }
}
impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Number(Number::from_i64(n))
    }
}
impl From<Number> for Value {
    fn from(n: Number) -> Self {
        Value::Number(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_are_sorted_and_unique() {
        let s = Value::set(vec!["b".into(), "a".into(), "b".into()]);
        assert_eq!(s, Value::Set(vec!["a".into(), "b".into()]));
    }

    #[test]
    fn numbers_format_like_terraform() {
        let n = |t: &str| Number::parse(t).expect("number");
        assert_eq!(format_number(&n("3.0")), "3");
        assert_eq!(format_number(&n("1.5")), "1.5");
        assert_eq!(format_number(&n("-0.25")), "-0.25");
        assert_eq!(Value::from_json(&serde_json::json!(2.5)).to_string(), "2.5");
    }

    #[test]
    fn sensitive_never_displays() {
        let v = Value::string("hunter22").mark(true);
        assert_eq!(v.to_string(), "(sensitive)");
        assert_eq!(v.to_json_redacted(), serde_json::json!("(sensitive)"));
        assert!(v.has_sensitive());
    }

    #[test]
    fn unknown_refs_collected() {
        let v = Value::List(vec![
            Value::unknown_from(vec!["aws_s3_bucket.a".into()]),
            Value::unknown_from(vec!["aws_s3_bucket.a".into(), "aws_kms_key.k".into()]),
        ]);
        let mut refs = vec![];
        v.unknown_refs(&mut refs);
        assert_eq!(refs, vec!["aws_s3_bucket.a", "aws_kms_key.k"]);
        assert!(!v.is_wholly_known());
    }
}
