//! Collection functions: alltrue anytrue chunklist coalesce coalescelist
//! compact concat contains distinct element flatten index keys length lookup
//! matchkeys merge one range reverse setintersection setproduct setsubtract
//! setunion slice sort sum transpose values zipmap.

use std::collections::BTreeMap;

use rampart_model::{Number, Value};
use unicode_segmentation::UnicodeSegmentation;

use crate::args::{
    arg, bad_param, invalid, kind, unify, unknown_of, values_equal, want_int, want_list, want_num,
    want_object, want_opt_str_list, want_str, want_str_list, Kind, Members, R,
};
use crate::FnCtx;

fn bool_elems(a: &[Value]) -> Result<Vec<Option<bool>>, crate::FnError> {
    want_list(arg(a, 0), "list")?
        .iter()
        .map(|v| match v {
            Value::Null => Ok(None),
            Value::Bool(b) => Ok(Some(*b)),
            Value::String(s) if s == "true" => Ok(Some(true)),
            Value::String(s) if s == "false" => Ok(Some(false)),
            _ => Err(bad_param("list", "list of bool required")),
        })
        .collect()
}

pub(crate) fn alltrue(a: &[Value], _: &FnCtx<'_>) -> R {
    Ok(Value::Bool(bool_elems(a)?.iter().all(|b| *b == Some(true))))
}

pub(crate) fn anytrue(a: &[Value], _: &FnCtx<'_>) -> R {
    Ok(Value::Bool(bool_elems(a)?.contains(&Some(true))))
}

pub(crate) fn chunklist(a: &[Value], _: &FnCtx<'_>) -> R {
    let list = want_list(arg(a, 0), "list")?;
    let size = want_int(arg(a, 1), "size")?;
    if size < 0 {
        return Err(invalid(
            "Invalid function argument: the size argument must be positive",
        ));
    }
    if list.is_empty() {
        return Ok(Value::List(vec![]));
    }
    if size == 0 {
        return Ok(Value::List(vec![Value::List(list)]));
    }
    let list = unify(list)?;
    Ok(Value::List(
        list.chunks(size as usize)
            .map(|c| Value::List(c.to_vec()))
            .collect(),
    ))
}

pub(crate) fn coalesce(a: &[Value], _: &FnCtx<'_>) -> R {
    if a.is_empty() {
        return Err(invalid("at least one argument is required"));
    }
    let vals = unify(a.to_vec())
        .map_err(|_| invalid("Invalid function argument: all arguments must have the same type"))?;
    let stringy = vals.iter().any(|v| kind(v) == Kind::String);
    for (i, v) in vals.iter().enumerate() {
        match v {
            Value::Unknown(_) => return Ok(unknown_of(a.get(i..).unwrap_or(&[]))),
            Value::Null => continue,
            Value::String(s) if s.is_empty() && stringy => continue,
            other if !other.is_wholly_known() => {
                return Ok(unknown_of(std::slice::from_ref(other)))
            }
            other => return Ok(other.clone()),
        }
    }
    Err(invalid(
        "Invalid function argument: no non-null, non-empty-string arguments",
    ))
}

pub(crate) fn coalescelist(a: &[Value], _: &FnCtx<'_>) -> R {
    if a.is_empty() {
        return Err(invalid("at least one argument is required"));
    }
    for v in a {
        match v {
            Value::Unknown(_) => return Ok(unknown_of(a)),
            Value::List(items) if items.is_empty() => continue,
            Value::List(_) => return Ok(v.clone()),
            _ => {
                return Err(invalid(
                    "Invalid function argument: all arguments must be lists or tuples",
                ))
            }
        }
    }
    Err(invalid("Invalid function argument: no non-null arguments"))
}

pub(crate) fn compact(a: &[Value], _: &FnCtx<'_>) -> R {
    let items = want_opt_str_list(arg(a, 0), "list")?;
    Ok(Value::List(
        items
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .map(Value::String)
            .collect(),
    ))
}

pub(crate) fn concat(a: &[Value], _: &FnCtx<'_>) -> R {
    if a.is_empty() {
        return Err(invalid("at least one argument is required"));
    }
    let mut out = Vec::new();
    for v in a {
        match v {
            Value::List(items) => out.extend(items.iter().cloned()),
            _ => {
                return Err(invalid(
                    "Invalid function argument: all arguments must be lists or tuples",
                ))
            }
        }
    }
    Ok(Value::List(out))
}

pub(crate) fn contains(a: &[Value], _: &FnCtx<'_>) -> R {
    let list = match arg(a, 0) {
        Value::List(x) | Value::Set(x) => x.clone(),
        Value::Unknown(_) => return Ok(unknown_of(a)),
        Value::Null => return Err(bad_param("list", "argument must not be null")),
        _ => {
            return Err(invalid(
                "Invalid function argument: argument must be list, tuple, or set",
            ))
        }
    };
    let needle = arg(a, 1);
    if !needle.is_wholly_known() {
        return Ok(unknown_of(a));
    }
    let needle = needle.clone();
    let mut saw_unknown = false;
    for v in &list {
        if !v.is_wholly_known() {
            saw_unknown = true;
            continue;
        }
        if values_equal(v, &needle) {
            return Ok(Value::Bool(true));
        }
    }
    if saw_unknown {
        return Ok(unknown_of(a));
    }
    Ok(Value::Bool(false))
}

/// Convert a primitive to the kind of a collection's elements when Terraform
/// would (a number looked up in a list of strings is compared as a string).
fn convert_like(v: &Value, k: Option<Kind>) -> Value {
    match (k, v) {
        (Some(Kind::String), Value::Number(_) | Value::Bool(_)) => crate::args::prim_to_string(v)
            .map(Value::String)
            .unwrap_or_else(|| v.clone()),
        (Some(Kind::Number), Value::String(s)) => crate::args::parse_number(s)
            .map(Value::Number)
            .unwrap_or_else(|| v.clone()),
        (Some(Kind::Bool), Value::String(s)) if s == "true" || s == "false" => {
            Value::Bool(s == "true")
        }
        _ => v.clone(),
    }
}

pub(crate) fn distinct(a: &[Value], _: &FnCtx<'_>) -> R {
    let list = unify(want_list(arg(a, 0), "list")?)?;
    let mut seen = Members::default();
    let out: Vec<Value> = list.into_iter().filter(|v| seen.insert(v)).collect();
    Ok(Value::List(out))
}

pub(crate) fn element(a: &[Value], _: &FnCtx<'_>) -> R {
    let list = match arg(a, 0) {
        Value::List(x) => x.clone(),
        Value::Null => return Err(bad_param("list", "argument must not be null")),
        _ => {
            return Err(invalid(
                "Invalid function argument: cannot read elements from a value that is not a list or tuple",
            ))
        }
    };
    let idx = want_int(arg(a, 1), "index")?;
    if idx < 0 {
        return Err(invalid(
            "Invalid function argument: cannot use element function with a negative index",
        ));
    }
    if list.is_empty() {
        return Err(invalid(
            "Invalid function argument: cannot use element function with an empty list",
        ));
    }
    let i = (idx as u64 % list.len() as u64) as usize;
    Ok(list.get(i).cloned().unwrap_or(Value::Null))
}

fn flatten_into(items: &[Value], out: &mut Vec<Value>) {
    for v in items {
        match v {
            Value::List(x) | Value::Set(x) => flatten_into(x, out),
            other => out.push(other.clone()),
        }
    }
}

pub(crate) fn flatten(a: &[Value], _: &FnCtx<'_>) -> R {
    let list = want_list(arg(a, 0), "list")?;
    let mut out = Vec::new();
    flatten_into(&list, &mut out);
    Ok(Value::List(out))
}

pub(crate) fn index(a: &[Value], _: &FnCtx<'_>) -> R {
    let list = match arg(a, 0) {
        Value::List(x) => x.clone(),
        Value::Null => return Err(bad_param("list", "argument must not be null")),
        _ => {
            return Err(invalid(
                "Invalid function argument: argument must be a list or tuple",
            ))
        }
    };
    let needle = arg(a, 1);
    for (i, v) in list.iter().enumerate() {
        if values_equal(v, needle) {
            return Ok(Value::from(i as i64));
        }
    }
    Err(invalid("Invalid function argument: item not found"))
}

pub(crate) fn keys(a: &[Value], _: &FnCtx<'_>) -> R {
    match arg(a, 0) {
        Value::Object(m) => Ok(Value::List(
            m.keys().map(|k| Value::from(k.as_str())).collect(),
        )),
        Value::Unknown(_) => Ok(unknown_of(a)),
        Value::Null => Err(bad_param("inputMap", "argument must not be null")),
        _ => Err(bad_param("inputMap", "must have map or object type")),
    }
}

pub(crate) fn values(a: &[Value], _: &FnCtx<'_>) -> R {
    match arg(a, 0) {
        Value::Object(m) => Ok(Value::List(m.values().cloned().collect())),
        Value::Null => Err(bad_param("mapping", "argument must not be null")),
        _ => Err(bad_param("mapping", "must have map or object type")),
    }
}

pub(crate) fn length(a: &[Value], _: &FnCtx<'_>) -> R {
    match arg(a, 0) {
        Value::String(s) => Ok(Value::from(s.graphemes(true).count() as i64)),
        Value::List(x) => Ok(Value::from(x.len() as i64)),
        Value::Set(x) if x.iter().all(|v| !v.is_unknown()) => Ok(Value::from(x.len() as i64)),
        Value::Object(m) => Ok(Value::from(m.len() as i64)),
        Value::Null => Err(bad_param("value", "argument must not be null")),
        Value::Set(_) | Value::Unknown(_) => Ok(unknown_of(a)),
        Value::Number(_) | Value::Bool(_) | Value::Sensitive(_) => Err(bad_param(
            "value",
            "argument must be a string, a collection type, or a structural type",
        )),
    }
}

pub(crate) fn lookup(a: &[Value], _: &FnCtx<'_>) -> R {
    // Only the default may be null (Terraform allows `lookup(m, k, null)`).
    let key = match arg(a, 1) {
        Value::Null => return Err(bad_param("key", "argument must not be null")),
        Value::Unknown(_) => return Ok(unknown_of(a)),
        v => want_str(v, "key")?,
    };
    let map = match arg(a, 0) {
        Value::Object(m) => m,
        Value::Unknown(_) => return Ok(unknown_of(a)),
        Value::Null => return Err(bad_param("inputMap", "argument must not be null")),
        _ => return Err(bad_param("inputMap", "must have map or object type")),
    };
    match map.get(&key) {
        Some(v) => {
            // A map of strings gives a string even for a default of another type.
            Ok(v.clone())
        }
        None if a.len() > 2 => {
            let def = arg(a, 2);
            if !def.is_wholly_known() {
                return Ok(unknown_of(std::slice::from_ref(def)));
            }
            Ok(def.clone())
        }
        None => Err(invalid(format!(
            "Invalid function argument: lookup failed to find key {key:?}."
        ))),
    }
}

pub(crate) fn matchkeys(a: &[Value], _: &FnCtx<'_>) -> R {
    let vals = want_list(arg(a, 0), "values")?;
    let keys = unify(want_list(arg(a, 1), "keys")?)?;
    let search = unify(want_list(arg(a, 2), "searchset")?)?;
    if vals.len() != keys.len() {
        return Err(invalid(
            "Invalid function argument: length of keys and values should be equal",
        ));
    }
    let key_kind = keys.iter().map(kind).find(|k| !matches!(k, Kind::Null));
    let search_kind = search.iter().map(kind).find(|k| !matches!(k, Kind::Null));
    if let (Some(k1), Some(k2)) = (key_kind, search_kind) {
        let prim = |k: Kind| matches!(k, Kind::String | Kind::Number | Kind::Bool);
        if k1 != k2 && !(prim(k1) && prim(k2)) {
            return Err(invalid(
                "Invalid function argument: keys and searchset must be of the same type",
            ));
        }
    }
    let members = Members::of(&search);
    let mut out = Vec::new();
    for (v, k) in vals.iter().zip(&keys) {
        let k = convert_like(k, search_kind);
        if members.has(&k) {
            out.push(v.clone());
        }
    }
    Ok(Value::List(unify(out)?))
}

pub(crate) fn merge(a: &[Value], _: &FnCtx<'_>) -> R {
    let mut out = BTreeMap::new();
    for v in a {
        match v {
            Value::Null => continue,
            Value::Object(m) => out.extend(m.iter().map(|(k, v)| (k.clone(), v.clone()))),
            Value::Unknown(_) => return Ok(unknown_of(a)),
            _ => {
                return Err(invalid(format!(
                    "Invalid function argument: arguments must be maps or objects, got \"{}\"",
                    kind_name(v)
                )))
            }
        }
    }
    Ok(Value::Object(out))
}

fn kind_name(v: &Value) -> &'static str {
    match kind(v) {
        Kind::List => "tuple",
        Kind::Set => "set",
        Kind::String => "string",
        Kind::Number => "number",
        Kind::Bool => "bool",
        _ => "dynamic",
    }
}

pub(crate) fn one(a: &[Value], _: &FnCtx<'_>) -> R {
    match arg(a, 0) {
        Value::List(x) | Value::Set(x) => match x.len() {
            0 => Ok(Value::Null),
            1 => Ok(x.first().cloned().unwrap_or(Value::Null)),
            _ => Err(invalid(
                "Invalid function argument: must be a list, set, or tuple value with either zero or one elements",
            )),
        },
        Value::Null => Err(bad_param("list", "argument must not be null")),
        _ => Err(invalid(
            "Invalid function argument: must be a list, set, or tuple value with either zero or one elements",
        )),
    }
}

pub(crate) fn range(a: &[Value], _: &FnCtx<'_>) -> R {
    let nums: Vec<Number> = a
        .iter()
        .map(|v| want_num(v, "params"))
        .collect::<Result<_, _>>()?;
    let zero = Number::from_i64(0);
    let one = |neg: bool| Number::from_i64(if neg { -1 } else { 1 });
    let (start, limit, step) = match nums.as_slice() {
        [l] => (zero.clone(), l.clone(), one(*l < zero)),
        [s, l] => (s.clone(), l.clone(), one(l < s)),
        [s, l, st] => (s.clone(), l.clone(), st.clone()),
        _ => {
            return Err(invalid(
                "Invalid function argument: must have one, two, or three arguments",
            ))
        }
    };
    if step.is_zero() {
        return Err(invalid("Invalid function argument: step must not be zero"));
    }
    let down = step < zero;
    if down && limit > start {
        return Err(invalid(
            "Invalid function argument: step must be positive when limit is greater than start",
        ));
    }
    if !down && limit < start {
        return Err(invalid(
            "Invalid function argument: step must be negative when limit is less than start",
        ));
    }
    let too_many = || {
        invalid(
            "Invalid function argument: more than 1024 values were generated; either decrease the difference between start and end or use a smaller step",
        )
    };
    // As Terraform: each element is the previous one plus the step.
    let mut out = Vec::new();
    let mut v = start;
    while (down && v > limit) || (!down && v < limit) {
        if out.len() >= 1024 {
            return Err(too_many());
        }
        let Some(next) = v.add(&step) else {
            return Err(invalid("Invalid function argument: step must be finite"));
        };
        out.push(Value::Number(v));
        v = next;
    }
    Ok(Value::List(out))
}

pub(crate) fn reverse(a: &[Value], _: &FnCtx<'_>) -> R {
    match arg(a, 0) {
        Value::List(x) | Value::Set(x) => Ok(Value::List(x.iter().rev().cloned().collect())),
        Value::Null => Err(bad_param("list", "argument must not be null")),
        _ => Err(bad_param("list", "can only reverse list or tuple values")),
    }
}

fn want_set(v: &Value, param: &str) -> Result<Vec<Value>, crate::FnError> {
    let items = want_list(v, param)?;
    let items = unify(items)?;
    let mut seen = Members::default();
    Ok(items.into_iter().filter(|v| seen.insert(v)).collect())
}

fn make_set(items: Vec<Value>) -> Value {
    crate::args::make_set(items)
}

/// All set arguments must share an element type.
fn common_sets(a: &[Value]) -> Result<Vec<Vec<Value>>, crate::FnError> {
    let sets: Vec<Vec<Value>> = a
        .iter()
        .map(|v| want_set(v, "sets"))
        .collect::<Result<_, _>>()?;
    let all: Vec<Value> = sets.iter().flatten().cloned().collect();
    let unified = unify(all).map_err(|_| {
        invalid("Invalid function argument: given sets must all have compatible element types")
    })?;
    let mut it = unified.into_iter();
    Ok(sets
        .iter()
        .map(|s| it.by_ref().take(s.len()).collect())
        .collect())
}

pub(crate) fn setunion(a: &[Value], _: &FnCtx<'_>) -> R {
    let sets = common_sets(a)?;
    Ok(make_set(sets.into_iter().flatten().collect()))
}

pub(crate) fn setintersection(a: &[Value], _: &FnCtx<'_>) -> R {
    let sets = common_sets(a)?;
    let Some((first, rest)) = sets.split_first() else {
        return Ok(make_set(vec![]));
    };
    let others: Vec<Members> = rest.iter().map(|s| Members::of(s)).collect();
    let out = first
        .iter()
        .filter(|v| others.iter().all(|m| m.has(v)))
        .cloned()
        .collect();
    Ok(make_set(out))
}

pub(crate) fn setsubtract(a: &[Value], _: &FnCtx<'_>) -> R {
    let sets = common_sets(a)?;
    let (Some(first), Some(second)) = (sets.first(), sets.get(1)) else {
        return Err(invalid("setsubtract needs two sets"));
    };
    let second = Members::of(second);
    let out = first.iter().filter(|v| !second.has(v)).cloned().collect();
    Ok(make_set(out))
}

pub(crate) fn setproduct(a: &[Value], _: &FnCtx<'_>) -> R {
    if a.len() < 2 {
        return Err(invalid(
            "Invalid function argument: at least two arguments are required",
        ));
    }
    let all_sets = a.iter().all(|v| matches!(v, Value::Set(_)));
    let lists: Vec<Vec<Value>> = a
        .iter()
        .map(|v| {
            if all_sets {
                want_set(v, "sets")
            } else {
                want_list(v, "sets").and_then(unify)
            }
        })
        .collect::<Result<_, _>>()?;
    let mut acc: Vec<Vec<Value>> = vec![vec![]];
    let mut total: usize = 1;
    for l in &lists {
        total = total.saturating_mul(l.len());
        if total > 1_000_000 {
            return Err(invalid("setproduct result is too large"));
        }
        let mut next = Vec::with_capacity(total);
        for prefix in &acc {
            for v in l {
                let mut row = prefix.clone();
                row.push(v.clone());
                next.push(row);
            }
        }
        acc = next;
    }
    let rows: Vec<Value> = acc.into_iter().map(Value::List).collect();
    if all_sets {
        Ok(make_set(rows))
    } else {
        Ok(Value::List(rows))
    }
}

pub(crate) fn slice(a: &[Value], _: &FnCtx<'_>) -> R {
    let list = match arg(a, 0) {
        Value::List(x) => x.clone(),
        Value::Null => return Err(bad_param("list", "argument must not be null")),
        _ => {
            return Err(invalid(
                "Invalid function argument: must be a list or tuple value",
            ))
        }
    };
    let start = want_int(arg(a, 1), "start_index")?;
    let end = want_int(arg(a, 2), "end_index")?;
    if start < 0 {
        return Err(bad_param(
            "start_index",
            "must be greater than or equal to 0",
        ));
    }
    if end > list.len() as i64 {
        return Err(bad_param(
            "end_index",
            "must be less than or equal to the length of the list",
        ));
    }
    if start > end {
        return Err(invalid(
            "Invalid function argument: start_index must be less than or equal to end_index",
        ));
    }
    Ok(Value::List(
        list.get(start as usize..end as usize)
            .map(<[Value]>::to_vec)
            .unwrap_or_default(),
    ))
}

pub(crate) fn sort(a: &[Value], _: &FnCtx<'_>) -> R {
    let mut items = want_str_list(arg(a, 0), "list")?;
    items.sort();
    Ok(Value::List(items.into_iter().map(Value::String).collect()))
}

pub(crate) fn sum(a: &[Value], _: &FnCtx<'_>) -> R {
    let items = want_list(arg(a, 0), "list")?;
    if items.is_empty() {
        return Err(invalid(
            "Invalid function argument: cannot sum an empty list",
        ));
    }
    let bad = || {
        invalid("Invalid function argument: argument must be list, set, or tuple of number values")
    };
    // Terraform adds the elements one by one to the first.
    let mut total: Option<Number> = None;
    for v in &items {
        let n = match v {
            Value::Number(n) => n.clone(),
            Value::String(s) => crate::args::parse_number(s).ok_or_else(bad)?,
            _ => return Err(bad()),
        };
        total = Some(match total {
            None => n,
            Some(t) => t
                .add(&n)
                .ok_or_else(|| invalid("can't compute sum of opposing infinities"))?,
        });
    }
    Ok(total.map_or(Value::Null, Value::Number))
}

pub(crate) fn transpose(a: &[Value], _: &FnCtx<'_>) -> R {
    let map = want_object(arg(a, 0), "values")?;
    let mut out: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for (k, v) in &map {
        for item in want_str_list(v, "values")? {
            out.entry(item).or_default().push(Value::from(k.as_str()));
        }
    }
    Ok(Value::Object(
        out.into_iter().map(|(k, v)| (k, Value::List(v))).collect(),
    ))
}

pub(crate) fn zipmap(a: &[Value], _: &FnCtx<'_>) -> R {
    if !arg(a, 0).is_wholly_known() {
        return Ok(unknown_of(a));
    }
    let keys = want_str_list(arg(a, 0), "keys")?;
    let vals = want_list(arg(a, 1), "values")?;
    if keys.len() != vals.len() {
        return Err(invalid(format!(
            "Invalid function argument: number of keys ({}) does not match number of values ({})",
            keys.len(),
            vals.len()
        )));
    }
    Ok(Value::Object(keys.into_iter().zip(vals).collect()))
}
