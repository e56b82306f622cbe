//! Type conversion functions: tobool tolist tomap tonumber toset tostring, and
//! the sensitivity functions sensitive nonsensitive issensitive (handled
//! before the generic unmarking in `call`).

use std::collections::BTreeMap;

use rampart_model::Value;

use crate::args::{arg, invalid, parse_number, prim_to_string, unify, unknown_of, R};
use crate::FnCtx;

fn type_word(v: &Value) -> &'static str {
    match v {
        Value::List(_) => "tuple",
        Value::Set(_) => "set",
        Value::Object(_) => "object",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        _ => "dynamic",
    }
}

fn cannot(v: &Value, to: &str) -> crate::FnError {
    invalid(format!(
        "Invalid value for \"v\" parameter: cannot convert {} to {to}.",
        type_word(v)
    ))
}

pub(crate) fn tostring(a: &[Value], _: &FnCtx<'_>) -> R {
    match arg(a, 0) {
        Value::Null => Ok(Value::Null),
        Value::Unknown(_) => Ok(unknown_of(a)),
        v => prim_to_string(v)
            .map(Value::String)
            .ok_or_else(|| cannot(v, "string")),
    }
}

pub(crate) fn tonumber(a: &[Value], _: &FnCtx<'_>) -> R {
    match arg(a, 0) {
        Value::Null => Ok(Value::Null),
        Value::Unknown(_) => Ok(unknown_of(a)),
        Value::Number(n) => Ok(Value::Number(n.clone())),
        Value::String(s) => parse_number(s).map(Value::Number).ok_or_else(|| {
            invalid(format!(
                "Invalid value for \"v\" parameter: cannot convert {s:?} to number; given string must be a decimal representation of a number."
            ))
        }),
        v => Err(cannot(v, "number")),
    }
}

pub(crate) fn tobool(a: &[Value], _: &FnCtx<'_>) -> R {
    match arg(a, 0) {
        Value::Null => Ok(Value::Null),
        Value::Unknown(_) => Ok(unknown_of(a)),
        Value::Bool(b) => Ok(Value::Bool(*b)),
        Value::String(s) if s == "true" => Ok(Value::Bool(true)),
        Value::String(s) if s == "false" => Ok(Value::Bool(false)),
        Value::String(s) => Err(invalid(format!(
            "Invalid value for \"v\" parameter: cannot convert {s:?} to bool; only the strings \"true\" or \"false\" are allowed."
        ))),
        v => Err(cannot(v, "bool")),
    }
}

pub(crate) fn tolist(a: &[Value], _: &FnCtx<'_>) -> R {
    match arg(a, 0) {
        Value::Null => Ok(Value::Null),
        Value::Unknown(_) => Ok(unknown_of(a)),
        Value::List(items) | Value::Set(items) => unify(items.clone())
            .map(Value::List)
            .map_err(|_| {
                invalid("Invalid value for \"v\" parameter: cannot convert tuple to list of any single type.")
            }),
        v => Err(cannot(v, "list")),
    }
}

pub(crate) fn toset(a: &[Value], _: &FnCtx<'_>) -> R {
    match arg(a, 0) {
        Value::Null => Ok(Value::Null),
        Value::Unknown(_) => Ok(unknown_of(a)),
        Value::List(items) | Value::Set(items) => {
            let items = unify(items.clone()).map_err(|_| {
                invalid("Invalid value for \"v\" parameter: cannot convert tuple to set of any single type.")
            })?;
            Ok(crate::args::make_set(items))
        }
        v => Err(cannot(v, "set")),
    }
}

pub(crate) fn tomap(a: &[Value], _: &FnCtx<'_>) -> R {
    match arg(a, 0) {
        Value::Null => Ok(Value::Null),
        Value::Unknown(_) => Ok(unknown_of(a)),
        Value::Object(m) => {
            let keys: Vec<String> = m.keys().cloned().collect();
            let vals = unify(m.values().cloned().collect()).map_err(|_| {
                invalid("Invalid value for \"v\" parameter: cannot convert object to map of any single type.")
            })?;
            let out: BTreeMap<String, Value> = keys.into_iter().zip(vals).collect();
            Ok(Value::Object(out))
        }
        v => Err(cannot(v, "map")),
    }
}
