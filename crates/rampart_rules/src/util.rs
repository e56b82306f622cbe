//! Small helpers shared by rules.

use rampart_model::{Attr, Block, Resource, Status, Value};

use crate::rule::Check;

/// An attribute as a rule sees it.
#[derive(Debug, Clone, Copy)]
pub enum Field<'a> {
    /// Present with a known value.
    Known(&'a Value, &'a Attr),
    /// Present, but known only after apply.
    Unknown(&'a Attr),
    /// Not written (or null): the provider default applies.
    Missing,
}

impl<'a> Field<'a> {
    pub fn bool(&self) -> Option<bool> {
        match self {
            Field::Known(v, _) => v.as_bool(),
            _ => None,
        }
    }
    pub fn str(&self) -> Option<&'a str> {
        match self {
            Field::Known(v, _) => v.as_str(),
            _ => None,
        }
    }
    pub fn number(&self) -> Option<f64> {
        match self {
            Field::Known(v, _) => v.as_number(),
            _ => None,
        }
    }
    pub fn attr(&self) -> Option<&'a Attr> {
        match self {
            Field::Known(_, a) | Field::Unknown(a) => Some(a),
            Field::Missing => None,
        }
    }
    pub fn is_missing(&self) -> bool {
        matches!(self, Field::Missing)
    }
}

/// Look up a dotted path (see [`Block::lookup`]).
pub fn field<'a>(b: &'a Block, path: &str) -> Field<'a> {
    match b.lookup(path) {
        None => Field::Missing,
        Some(l) if l.value.is_null() => Field::Missing,
        Some(l) if !l.value.is_wholly_known() => Field::Unknown(l.attr),
        Some(l) => Field::Known(l.value, l.attr),
    }
}

/// The common "this setting must be `want`" check. `default` is the provider's
/// value when the attribute is not written. Messages name the attribute.
pub fn expect_bool(res: &Resource, path: &str, want: bool, default: bool, what: &str) -> Check {
    let f = field(&res.body, path);
    let (status, span, msg) = match f {
        Field::Known(v, a) => match v.as_bool() {
            Some(b) if b == want => (Status::Pass, a.span, format!("{what}: `{path}` is {b}")),
            Some(b) => (Status::Fail, a.span, format!("{what}: `{path}` is {b}")),
            None => (
                Status::Unknown,
                a.span,
                format!("{what}: `{path}` is not a boolean"),
            ),
        },
        Field::Unknown(a) => (
            Status::Unknown,
            a.span,
            format!("{what}: `{path}` is known only after apply"),
        ),
        Field::Missing if default == want => (
            Status::Pass,
            res.span,
            format!("{what}: `{path}` is not set and defaults to {default}"),
        ),
        Field::Missing => (
            Status::Fail,
            res.span,
            format!("{what}: `{path}` is not set (defaults to {default})"),
        ),
    };
    Check::new(status, span, msg).at(path)
}

/// Strings of a list value (or a single string), skipping unknown elements.
pub fn strings(v: &Value) -> Vec<&str> {
    match v.unmarked() {
        Value::String(s) => vec![s.as_str()],
        Value::List(items) | Value::Set(items) => items.iter().filter_map(|i| i.as_str()).collect(),
        _ => Vec::new(),
    }
}

/// True for CIDR blocks that mean "anywhere".
pub fn is_open_cidr(s: &str) -> bool {
    matches!(
        s.trim(),
        "0.0.0.0/0" | "::/0" | "0::/0" | "0000:0000:0000:0000:0000:0000:0000:0000/0"
    )
}
