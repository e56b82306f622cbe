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
            Field::Known(v, _) => v.as_f64(),
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

/// The span to report for a missing attribute at `path`: the deepest nested
/// block on the path that does exist, else `fallback` (usually the resource).
pub fn missing_span(b: &Block, path: &str, fallback: rampart_model::Span) -> rampart_model::Span {
    let segs: Vec<&str> = path.split('.').collect();
    let mut cur = b;
    let mut span = fallback;
    for s in segs.iter().take(segs.len().saturating_sub(1)) {
        match cur.block(s) {
            Some(next) => {
                cur = next;
                span = next.span;
            }
            None => break,
        }
    }
    span
}

/// A boolean setting of `b` (a resource body or a nested block) that must be
/// `want`; `default` is the AWS provider 5.x value when it is not written.
/// Like [`expect_bool`], but a missing attribute points at the innermost
/// block that exists and the message names the provider default.
pub fn expect_flag(
    b: &Block,
    fallback: rampart_model::Span,
    path: &str,
    want: bool,
    default: bool,
    what: &str,
) -> Check {
    let (status, span, msg) = match field(b, path) {
        Field::Known(v, a) => match v.as_bool() {
            Some(x) if x == want => (Status::Pass, a.span, format!("{what}: `{path}` is {x}")),
            Some(x) => (Status::Fail, a.span, format!("{what}: `{path}` is {x}")),
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
        Field::Missing => (
            if default == want {
                Status::Pass
            } else {
                Status::Fail
            },
            missing_span(b, path, fallback),
            format!("{what}: `{path}` is not set; the AWS provider 5.x default is {default}"),
        ),
    };
    Check::new(status, span, msg).at(path)
}

/// A string setting of `b` judged by `ok`; `default` is the AWS provider 5.x
/// value when it is not written (`None`: no default, a missing value fails).
pub fn expect_str(
    b: &Block,
    fallback: rampart_model::Span,
    path: &str,
    ok: impl Fn(&str) -> bool,
    default: Option<&str>,
    what: &str,
) -> Check {
    let (status, span, msg) = match field(b, path) {
        Field::Known(v, a) => match v.as_str() {
            Some(s) if ok(s) => (Status::Pass, a.span, format!("{what}: `{path}` is \"{s}\"")),
            Some(s) => (Status::Fail, a.span, format!("{what}: `{path}` is \"{s}\"")),
            None => (
                Status::Unknown,
                a.span,
                format!("{what}: `{path}` is not a string"),
            ),
        },
        Field::Unknown(a) => (
            Status::Unknown,
            a.span,
            format!("{what}: `{path}` is known only after apply"),
        ),
        Field::Missing => {
            let span = missing_span(b, path, fallback);
            match default {
                Some(d) => (
                    if ok(d) { Status::Pass } else { Status::Fail },
                    span,
                    format!("{what}: `{path}` is not set; the AWS provider 5.x default is \"{d}\""),
                ),
                None => (Status::Fail, span, format!("{what}: `{path}` is not set")),
            }
        }
    };
    Check::new(status, span, msg).at(path)
}

/// A setting that only needs to be present and non-empty (a key ARN, a log
/// destination). A value known only after apply still counts as set: the
/// expression is written, only its text is computed.
pub fn expect_set(b: &Block, fallback: rampart_model::Span, path: &str, what: &str) -> Check {
    let c = match b.lookup(path) {
        Some(l) if !l.value.is_null() => {
            let empty = match l.value.unmarked() {
                Value::String(s) => s.trim().is_empty(),
                Value::List(v) | Value::Set(v) => v.is_empty(),
                _ => false,
            };
            if empty {
                Check::fail(l.attr.span, format!("{what}: `{path}` is empty"))
            } else if l.value.is_wholly_known() {
                Check::pass(l.attr.span, format!("{what}: `{path}` is set"))
            } else {
                Check::pass(
                    l.attr.span,
                    format!("{what}: `{path}` is set (its value is known after apply)"),
                )
            }
        }
        _ => Check::fail(
            missing_span(b, path, fallback),
            format!("{what}: `{path}` is not set"),
        ),
    };
    c.at(path)
}

/// Nested blocks of type `kind`, also when written as an attribute holding a
/// list of objects (`ingress = [{ ... }]`, attributes-as-blocks): the
/// attribute form is returned as synthetic blocks spanning the attribute.
pub fn blocks_or_objects(b: &Block, kind: &str) -> Vec<Block> {
    let mut out: Vec<Block> = b.blocks(kind).cloned().collect();
    if let Some(a) = b.attr(kind) {
        if let Some(items) = a.value.as_list() {
            for it in items {
                if let Some(m) = it.as_object() {
                    let mut nb = Block::new(kind, a.span);
                    for (k, v) in m {
                        let mut na = Attr::new(v.clone(), a.span);
                        na.origin = a.origin.clone();
                        na.refs = a.refs.clone();
                        nb.attrs.insert(k.clone(), na);
                    }
                    out.push(nb);
                }
            }
        }
    }
    out
}

/// Frameworks of the workload-hardening rules (Kubernetes pods and Dockerfile
/// images judge the same controls: secure configuration of what runs).
pub(crate) const WORKLOAD_HARDENING: &[&str] = &[
    "soc2:CC6.1",
    "soc2:CC6.8",
    "iso27001:A.8.9",
    "nist-csf:PR.PS-01",
    "pci-dss:2.2.1",
    "cis-controls:4.1",
    "nis2:21.2.e",
];

/// Seed-policy sections of the workload-hardening rules.
pub(crate) const WORKLOAD_HARDENING_POLICIES: &[&str] = &["SIAC:4.3", "SIAC:7.3"];
