//! Argument checking and Terraform's conversion rules for function
//! parameters (a number where a string is wanted becomes its decimal text,
//! `"true"` where a bool is wanted becomes `true`, and so on).

use std::collections::BTreeMap;

use rampart_model::value::format_number;
use rampart_model::{Number, Value};

use crate::FnError;

/// What every function body returns.
pub(crate) type R = Result<Value, FnError>;

pub(crate) fn invalid(msg: impl Into<String>) -> FnError {
    FnError::Invalid(msg.into())
}

/// Largest string a function will build (a guard against configurations
/// crafted to exhaust memory, e.g. `indent` of a huge count).
pub(crate) const MAX_OUTPUT: usize = 64 * 1024 * 1024;

pub(crate) fn too_large() -> FnError {
    FnError::Invalid("the result would be larger than 64 MiB".into())
}

pub(crate) fn bad_param(param: &str, why: impl std::fmt::Display) -> FnError {
    FnError::Invalid(format!("Invalid value for \"{param}\" parameter: {why}."))
}

/// The argument at `i` (arity is checked before any function runs, so a
/// missing one only happens for optional parameters).
pub(crate) fn arg(args: &[Value], i: usize) -> &Value {
    const NULL: Value = Value::Null;
    args.get(i).unwrap_or(&NULL)
}

/// A primitive value as Terraform would convert it to a string.
pub(crate) fn prim_to_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(format_number(n)),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

pub(crate) fn want_str(v: &Value, param: &str) -> Result<String, FnError> {
    match v {
        Value::Null => Err(bad_param(param, "argument must not be null")),
        other => prim_to_string(other).ok_or_else(|| bad_param(param, "string required")),
    }
}

/// Terraform's string to number conversion: a decimal number, optionally
/// signed, optionally with a fraction and exponent; no surrounding spaces.
pub(crate) fn parse_number(s: &str) -> Option<Number> {
    let b = s.as_bytes();
    if b.is_empty() {
        return None;
    }
    let mut i = 0;
    if b.first() == Some(&b'-') || b.first() == Some(&b'+') {
        i += 1;
    }
    let digits_start = i;
    while i < b.len() && b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let mut have_digits = i > digits_start;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let frac_start = i;
        while i < b.len() && b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        have_digits |= i > frac_start;
    }
    if !have_digits {
        return None;
    }
    if matches!(b.get(i), Some(b'e') | Some(b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'-') | Some(b'+')) {
            i += 1;
        }
        let exp_start = i;
        while i < b.len() && b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == exp_start {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    Number::parse(s)
}

pub(crate) fn want_num(v: &Value, param: &str) -> Result<Number, FnError> {
    match v {
        Value::Number(n) => Ok(n.clone()),
        Value::Null => Err(bad_param(param, "argument must not be null")),
        Value::String(s) => parse_number(s).ok_or_else(|| bad_param(param, "a number is required")),
        _ => Err(bad_param(param, "number required")),
    }
}

/// A number that must be a whole number fitting in an i64.
pub(crate) fn want_int(v: &Value, param: &str) -> Result<i64, FnError> {
    want_num(v, param)?
        .to_i64()
        .ok_or_else(|| bad_param(param, "value must be a whole number"))
}

/// A number as the nearest double, for the functions Terraform computes in
/// float64 (`pow`, `log`).
pub(crate) fn want_f64(v: &Value, param: &str) -> Result<f64, FnError> {
    Ok(want_num(v, param)?.to_f64())
}

/// Elements of a list, tuple or set.
pub(crate) fn want_list(v: &Value, param: &str) -> Result<Vec<Value>, FnError> {
    match v {
        Value::List(x) | Value::Set(x) => Ok(x.clone()),
        Value::Null => Err(bad_param(param, "argument must not be null")),
        _ => Err(bad_param(param, "list of any single type required")),
    }
}

/// A list whose elements convert to strings (null elements are an error).
pub(crate) fn want_str_list(v: &Value, param: &str) -> Result<Vec<String>, FnError> {
    let items = want_list(v, param)?;
    items
        .iter()
        .map(|x| match x {
            Value::Null => Err(bad_param(param, "element must not be null")),
            other => {
                prim_to_string(other).ok_or_else(|| bad_param(param, "list of string required"))
            }
        })
        .collect()
}

/// A list whose elements may be null (kept as `None`) or convert to strings.
pub(crate) fn want_opt_str_list(v: &Value, param: &str) -> Result<Vec<Option<String>>, FnError> {
    let items = want_list(v, param)?;
    items
        .iter()
        .map(|x| match x {
            Value::Null => Ok(None),
            other => prim_to_string(other)
                .map(Some)
                .ok_or_else(|| bad_param(param, "list of string required")),
        })
        .collect()
}

pub(crate) fn want_object(v: &Value, param: &str) -> Result<BTreeMap<String, Value>, FnError> {
    match v {
        Value::Object(m) => Ok(m.clone()),
        Value::Null => Err(bad_param(param, "argument must not be null")),
        _ => Err(bad_param(param, "map of any single type required")),
    }
}

/// Terraform's rank of primitive types when unifying: whichever kind of
/// value a mix converts to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    Null,
    Bool,
    Number,
    String,
    List,
    Set,
    Object,
    Unknown,
}

pub(crate) fn kind(v: &Value) -> Kind {
    match v {
        Value::Null => Kind::Null,
        Value::Bool(_) => Kind::Bool,
        Value::Number(_) => Kind::Number,
        Value::String(_) => Kind::String,
        Value::List(_) => Kind::List,
        Value::Set(_) => Kind::Set,
        Value::Object(_) => Kind::Object,
        Value::Unknown(_) => Kind::Unknown,
        Value::Sensitive(inner) => kind(inner),
    }
}

/// The type of a value as far as unification needs it.
#[derive(Clone, PartialEq, Debug)]
enum Ty {
    /// Null or unknown: fits any type.
    Dyn,
    Bool,
    Num,
    Str,
    Tuple(Vec<Ty>),
    List(Box<Ty>),
    Set(Box<Ty>),
    Obj(BTreeMap<String, Ty>),
    Map(Box<Ty>),
}

fn type_of(v: &Value, depth: usize) -> Option<Ty> {
    if depth > 64 {
        return None;
    }
    Some(match v {
        Value::Null | Value::Unknown(_) => Ty::Dyn,
        Value::Bool(_) => Ty::Bool,
        Value::Number(_) => Ty::Num,
        Value::String(_) => Ty::Str,
        Value::List(items) => Ty::Tuple(
            items
                .iter()
                .map(|x| type_of(x, depth + 1))
                .collect::<Option<_>>()?,
        ),
        Value::Set(items) => {
            let tys: Vec<Ty> = items
                .iter()
                .map(|x| type_of(x, depth + 1))
                .collect::<Option<_>>()?;
            Ty::Set(Box::new(unify_all(tys)?))
        }
        Value::Object(m) => Ty::Obj(
            m.iter()
                .map(|(k, x)| type_of(x, depth + 1).map(|t| (k.clone(), t)))
                .collect::<Option<_>>()?,
        ),
        Value::Sensitive(inner) => type_of(inner, depth)?,
    })
}

fn unify_all(tys: Vec<Ty>) -> Option<Ty> {
    tys.into_iter()
        .try_fold(Ty::Dyn, |acc, t| unify_ty(&acc, &t))
}

/// The common type two types convert to, as Terraform's unification finds
/// it: strings absorb numbers and bools; tuples of one length unify element
/// by element, otherwise into a list; objects with the same attributes unify
/// attribute by attribute, otherwise into a map.
fn unify_ty(a: &Ty, b: &Ty) -> Option<Ty> {
    use Ty::*;
    if a == b {
        return Some(a.clone());
    }
    Some(match (a, b) {
        (Dyn, x) | (x, Dyn) => x.clone(),
        (Str, Num | Bool) | (Num | Bool, Str) => Str,
        (Tuple(x), Tuple(y)) => {
            let pairwise = if x.len() == y.len() {
                x.iter()
                    .zip(y)
                    .map(|(p, q)| unify_ty(p, q))
                    .collect::<Option<Vec<_>>>()
                    .map(Tuple)
            } else {
                None
            };
            match pairwise {
                Some(t) => t,
                None => List(Box::new(unify_all(x.iter().chain(y).cloned().collect())?)),
            }
        }
        (Tuple(x), List(t)) | (List(t), Tuple(x)) => List(Box::new(unify_all(
            x.iter()
                .cloned()
                .chain(std::iter::once((**t).clone()))
                .collect(),
        )?)),
        (List(s), List(t)) => List(Box::new(unify_ty(s, t)?)),
        (Set(s), Set(t)) => Set(Box::new(unify_ty(s, t)?)),
        (Obj(x), Obj(y)) => {
            let same_keys = x.len() == y.len() && x.keys().zip(y.keys()).all(|(p, q)| p == q);
            let per_attr = if same_keys {
                x.iter()
                    .zip(y.values())
                    .map(|((k, p), q)| unify_ty(p, q).map(|t| (k.clone(), t)))
                    .collect::<Option<BTreeMap<_, _>>>()
                    .map(Obj)
            } else {
                None
            };
            match per_attr {
                Some(t) => t,
                None => Map(Box::new(unify_all(
                    x.values().chain(y.values()).cloned().collect(),
                )?)),
            }
        }
        (Obj(x), Map(t)) | (Map(t), Obj(x)) => Map(Box::new(unify_all(
            x.values()
                .cloned()
                .chain(std::iter::once((**t).clone()))
                .collect(),
        )?)),
        (Map(s), Map(t)) => Map(Box::new(unify_ty(s, t)?)),
        _ => return None,
    })
}

/// Convert a value to a type found by [`unify_ty`] (always possible).
fn convert_to(v: Value, ty: &Ty) -> Value {
    match (v, ty) {
        (Value::Sensitive(inner), t) => convert_to(*inner, t).mark(true),
        (v @ (Value::Null | Value::Unknown(_)), _) => v,
        (v @ (Value::Number(_) | Value::Bool(_)), Ty::Str) => {
            prim_to_string(&v).map(Value::String).unwrap_or(v)
        }
        (Value::List(items), Ty::Tuple(ts)) => Value::List(
            items
                .into_iter()
                .zip(ts)
                .map(|(x, t)| convert_to(x, t))
                .collect(),
        ),
        (Value::List(items), Ty::List(t)) => {
            Value::List(items.into_iter().map(|x| convert_to(x, t)).collect())
        }
        (Value::Set(items), Ty::Set(t)) => {
            make_set(items.into_iter().map(|x| convert_to(x, t)).collect())
        }
        (Value::Object(m), Ty::Obj(ts)) => Value::Object(
            m.into_iter()
                .map(|(k, x)| {
                    let conv = match ts.get(&k) {
                        Some(t) => convert_to(x, t),
                        None => x,
                    };
                    (k, conv)
                })
                .collect(),
        ),
        (Value::Object(m), Ty::Map(t)) => {
            Value::Object(m.into_iter().map(|(k, x)| (k, convert_to(x, t))).collect())
        }
        (v, _) => v,
    }
}

/// Make the values share one type, as Terraform does when a tuple becomes a
/// list or several arguments must agree: a mix of strings with numbers or
/// bools becomes all strings, nested collections are unified element by
/// element; numbers mixed with bools, or primitives mixed with collections,
/// have no common type.
pub(crate) fn unify(values: Vec<Value>) -> Result<Vec<Value>, FnError> {
    let tys: Option<Vec<Ty>> = values.iter().map(|v| type_of(v, 0)).collect();
    let ty = tys
        .and_then(unify_all)
        .ok_or_else(|| invalid("all elements must have the same type"))?;
    Ok(values.into_iter().map(|v| convert_to(v, &ty)).collect())
}

/// Deep equality as Terraform compares values (numbers numerically).
pub(crate) fn values_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Sensitive(x), y) | (y, Value::Sensitive(x)) => values_equal(x, y),
        (Value::List(x), Value::List(y)) | (Value::Set(x), Value::Set(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| values_equal(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((k1, v1), (k2, v2))| k1 == k2 && values_equal(v1, v2))
        }
        _ => a == b,
    }
}

/// Every unknown's references inside the given values, merged.
pub(crate) fn unknown_of(values: &[Value]) -> Value {
    let mut refs = Vec::new();
    for v in values {
        v.unknown_refs(&mut refs);
    }
    Value::unknown_from(refs)
}

/// Remove every sensitivity mark inside `v`, saying whether there was one.
pub(crate) fn unmark_deep(v: Value) -> (Value, bool) {
    match v {
        Value::Sensitive(inner) => (unmark_deep(*inner).0, true),
        Value::List(items) => {
            let mut any = false;
            let out = items
                .into_iter()
                .map(|x| {
                    let (x, m) = unmark_deep(x);
                    any |= m;
                    x
                })
                .collect();
            (Value::List(out), any)
        }
        Value::Set(items) => {
            let mut any = false;
            let out = items
                .into_iter()
                .map(|x| {
                    let (x, m) = unmark_deep(x);
                    any |= m;
                    x
                })
                .collect();
            (Value::Set(out), any)
        }
        Value::Object(map) => {
            let mut any = false;
            let out = map
                .into_iter()
                .map(|(k, x)| {
                    let (x, m) = unmark_deep(x);
                    any |= m;
                    (k, x)
                })
                .collect();
            (Value::Object(out), any)
        }
        other => (other, false),
    }
}

/// Build a set the way Terraform orders one: strings by bytes, numbers
/// numerically, `false` before `true`; other elements by the text Terraform
/// hashes them with; nulls and then unknowns last. Duplicates are dropped.
pub(crate) fn make_set(items: Vec<Value>) -> Value {
    let rank = |v: &Value| match kind(v) {
        Kind::Unknown => 2u8,
        Kind::Null => 1,
        _ => 0,
    };
    let primitive = items.iter().all(|v| {
        matches!(
            kind(v),
            Kind::String | Kind::Number | Kind::Bool | Kind::Null | Kind::Unknown
        )
    });
    if primitive {
        // Sort, then drop neighbours that are equal: O(n log n), so `toset`
        // of a large list stays fast. Unknown elements are never equal.
        let prim_rank = |v: &Value| match kind(v) {
            Kind::String => 0u8,
            Kind::Number => 1,
            Kind::Bool => 2,
            Kind::Null => 3,
            _ => 4,
        };
        let mut out = items;
        out.sort_by(|a, b| {
            prim_rank(a)
                .cmp(&prim_rank(b))
                .then_with(|| match (a.unmarked(), b.unmarked()) {
                    (Value::String(x), Value::String(y)) => x.cmp(y),
                    (Value::Number(x), Value::Number(y)) => {
                        x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal)
                    }
                    (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
                    _ => std::cmp::Ordering::Equal,
                })
        });
        out.dedup_by(|b, a| !a.is_unknown() && !b.is_unknown() && values_equal(a, b));
        return Value::Set(out);
    }
    let mut keyed: Vec<(u8, Vec<u8>, Value)> = items
        .into_iter()
        .map(|v| {
            let mut key = Vec::new();
            hash_bytes(&v, &mut key);
            (rank(&v), key, v)
        })
        .collect();
    keyed.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    // Equal values have equal keys, so duplicates sit in one run of equal
    // keys; compare within the run only.
    let mut out: Vec<Value> = Vec::with_capacity(keyed.len());
    let mut run_start = 0;
    let mut run_key: Option<(u8, Vec<u8>)> = None;
    for (r, key, v) in keyed {
        if run_key.as_ref() != Some(&(r, key.clone())) {
            run_start = out.len();
            run_key = Some((r, key));
        }
        let dup = v.is_wholly_known()
            && out
                .get(run_start..)
                .unwrap_or(&[])
                .iter()
                .any(|x| x.is_wholly_known() && values_equal(x, &v));
        if !dup {
            out.push(v);
        }
    }
    Value::Set(out)
}

/// The bytes Terraform's set implementation hashes a value by (objects as
/// `<v;...>` in attribute-name order, tuples as `<v;...>`, sets as `[v;...]`).
fn hash_bytes(v: &Value, out: &mut Vec<u8>) {
    match v {
        Value::Unknown(_) => out.push(b'?'),
        Value::Null => out.push(b'~'),
        Value::Bool(b) => out.push(if *b { b'T' } else { b'F' }),
        // Go's big.Float String(): %.10g.
        Value::Number(n) => out.extend_from_slice(n.text('g', 10).as_bytes()),
        Value::String(s) => out.extend_from_slice(go_quote(s).as_bytes()),
        Value::List(items) => {
            out.push(b'<');
            for x in items {
                hash_bytes(x, out);
                out.push(b';');
            }
            out.push(b'>');
        }
        Value::Set(items) => {
            out.push(b'[');
            for x in items {
                hash_bytes(x, out);
                out.push(b';');
            }
            out.push(b']');
        }
        Value::Object(m) => {
            out.push(b'<');
            for x in m.values() {
                hash_bytes(x, out);
                out.push(b';');
            }
            out.push(b'>');
        }
        Value::Sensitive(inner) => hash_bytes(inner, out),
    }
}

/// Go's `%q` quoting of a string.
fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A hashable identity for primitive values (strings, numbers, bools);
/// `None` for everything else.
fn prim_key(v: &Value) -> Option<String> {
    match v.unmarked() {
        Value::String(s) => Some(format!("s{s}")),
        Value::Number(n) => Some(format!("n{}", n.exact_key())),
        Value::Bool(b) => Some(format!("b{b}")),
        _ => None,
    }
}

/// Set membership by Terraform's equality, hashed for primitives so that
/// large collections stay fast.
#[derive(Default)]
pub(crate) struct Members {
    keys: std::collections::HashSet<String>,
    others: Vec<Value>,
}

impl Members {
    pub(crate) fn of(items: &[Value]) -> Members {
        let mut m = Members::default();
        for v in items {
            m.insert(v);
        }
        m
    }

    pub(crate) fn has(&self, v: &Value) -> bool {
        match prim_key(v) {
            Some(k) => self.keys.contains(&k),
            None => self.others.iter().any(|x| values_equal(x, v)),
        }
    }

    /// Add `v`; false when it was already there.
    pub(crate) fn insert(&mut self, v: &Value) -> bool {
        match prim_key(v) {
            Some(k) => self.keys.insert(k),
            None if self.has(v) => false,
            None => {
                self.others.push(v.clone());
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_parsing_follows_terraform() {
        let f = |t: &str| parse_number(t).map(|n| n.to_f64());
        assert_eq!(f("12"), Some(12.0));
        assert_eq!(f("-1.5e3"), Some(-1500.0));
        assert_eq!(f(".5"), Some(0.5));
        assert_eq!(parse_number(" 1"), None);
        assert_eq!(parse_number("0x10"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn unify_mixes_to_strings() {
        let out = unify(vec![Value::from("a"), Value::from(1.0), Value::from(true)]);
        assert_eq!(
            out,
            Ok(vec![
                Value::from("a"),
                Value::from("1"),
                Value::from("true")
            ])
        );
        assert!(unify(vec![Value::from(1.0), Value::from(true)]).is_err());
    }
}
