//! Evaluation of a template's intrinsic functions into spanned values.
//!
//! The result of evaluating a property is an [`Ev`]: the same shape as the
//! template (scalars, lists, maps) with every part keeping its span, the
//! resource addresses it refers to, and, when it is a parameter's value, the
//! parameter it came from (so findings can say "set by parameter X").

use std::collections::{BTreeMap, HashMap, HashSet};

use rampart_model::{Diagnostic, Origin, Value};
use rampart_source::Span;

use crate::node::{Kind, Node};

/// An evaluated value with its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Ev {
    pub kind: EvKind,
    pub span: Span,
    /// Addresses of the resources this value derives from (`Ref`, `Fn::GetAtt`).
    pub refs: Vec<String>,
    /// Set when the value is a parameter's value, used as written.
    pub origin: Option<Origin>,
    /// For an unknown string built by `Fn::Sub`: its text with the unknown
    /// parts replaced by `${...}` markers (an ARN pattern is still an ARN).
    pub partial: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EvKind {
    /// A scalar (null, bool, number, string), an unknown or a sensitive value.
    Scalar(Value),
    List(Vec<Ev>),
    /// Entries with the span of their key.
    Map(Vec<(String, Span, Ev)>),
    /// `Ref: AWS::NoValue`: the enclosing property is removed.
    NoValue,
}

impl Ev {
    pub fn scalar(v: Value, span: Span) -> Ev {
        Ev {
            kind: EvKind::Scalar(v),
            span,
            refs: Vec::new(),
            origin: None,
            partial: None,
        }
    }

    pub fn unknown(span: Span, refs: Vec<String>) -> Ev {
        Ev {
            kind: EvKind::Scalar(Value::unknown_from(refs.clone())),
            span,
            refs,
            origin: None,
            partial: None,
        }
    }

    /// The model value (maps become objects, `NoValue` parts disappear).
    pub fn to_value(&self) -> Value {
        match &self.kind {
            EvKind::Scalar(v) => v.clone(),
            EvKind::List(items) => Value::List(
                items
                    .iter()
                    .filter(|i| !matches!(i.kind, EvKind::NoValue))
                    .map(Ev::to_value)
                    .collect(),
            ),
            EvKind::Map(entries) => Value::Object(
                entries
                    .iter()
                    .filter(|(_, _, v)| !matches!(v.kind, EvKind::NoValue))
                    .map(|(k, _, v)| (k.clone(), v.to_value()))
                    .collect(),
            ),
            EvKind::NoValue => Value::Null,
        }
    }

    /// Every resource address referred to anywhere in the value.
    pub fn all_refs(&self) -> Vec<String> {
        let mut out = self.refs.clone();
        let push = |r: &String, out: &mut Vec<String>| {
            if !out.contains(r) {
                out.push(r.clone());
            }
        };
        match &self.kind {
            EvKind::List(items) => {
                for i in items {
                    for r in i.all_refs() {
                        push(&r, &mut out);
                    }
                }
            }
            EvKind::Map(entries) => {
                for (_, _, v) in entries {
                    for r in v.all_refs() {
                        push(&r, &mut out);
                    }
                }
            }
            _ => {}
        }
        out
    }

    pub fn get(&self, key: &str) -> Option<&Ev> {
        self.entry(key).map(|(_, v)| v)
    }

    /// A map entry: its `key: value` span and value (`NoValue` counts as absent).
    pub fn entry(&self, key: &str) -> Option<(Span, &Ev)> {
        match &self.kind {
            EvKind::Map(entries) => entries
                .iter()
                .find(|(k, _, v)| k == key && !matches!(v.kind, EvKind::NoValue))
                .map(|(_, ks, v)| (ks.join(v.span), v)),
            _ => None,
        }
    }

    /// Follow a dotted path of map keys.
    pub fn path(&self, path: &str) -> Option<(Span, &Ev)> {
        let mut cur: Option<(Span, &Ev)> = None;
        for seg in path.split('.') {
            let base = match cur {
                None => self,
                Some((_, e)) => e,
            };
            cur = Some(base.entry(seg)?);
        }
        cur
    }

    pub fn items(&self) -> &[Ev] {
        match &self.kind {
            EvKind::List(v) => v,
            _ => &[],
        }
    }

    pub fn entries(&self) -> &[(String, Span, Ev)] {
        match &self.kind {
            EvKind::Map(e) => e,
            _ => &[],
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            EvKind::Scalar(v) => v.as_str(),
            _ => None,
        }
    }

    pub fn is_known(&self) -> bool {
        match &self.kind {
            EvKind::Scalar(v) => v.is_wholly_known(),
            EvKind::List(v) => v.iter().all(Ev::is_known),
            EvKind::Map(e) => e.iter().all(|(_, _, v)| v.is_known()),
            EvKind::NoValue => true,
        }
    }
}

/// A parameter's resolved value.
#[derive(Debug, Clone)]
pub struct Param {
    pub value: Value,
    pub origin: Origin,
}

/// What evaluation knows about the template.
pub struct Scope<'a> {
    pub params: HashMap<String, Param>,
    /// Pseudo parameters given on the command line.
    pub pseudo: HashMap<String, Value>,
    pub mappings: Option<&'a Node>,
    pub conditions: Option<&'a Node>,
    /// Logical id to the address `Ref`/`Fn::GetAtt` resolve to.
    pub resources: HashMap<String, String>,
    pub cond_cache: HashMap<String, Option<bool>>,
    pub cond_busy: HashSet<String>,
    pub map_busy: HashSet<String>,
    pub diags: Vec<Diagnostic>,
    /// Current evaluation depth (mappings and conditions can refer to
    /// themselves; this stops the recursion).
    pub depth: usize,
}

/// Deepest evaluation allowed (nodes are at most 64 levels deep; the rest is
/// room for mappings and conditions evaluated along the way).
const MAX_EVAL_DEPTH: usize = 128;

pub const PSEUDO: &[&str] = &[
    "AWS::AccountId",
    "AWS::NotificationARNs",
    "AWS::NoValue",
    "AWS::Partition",
    "AWS::Region",
    "AWS::StackId",
    "AWS::StackName",
    "AWS::URLSuffix",
];

fn join_refs(parts: &[&Ev]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in parts {
        for r in p.all_refs() {
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out
}

fn sensitive_in(parts: &[&Ev]) -> bool {
    parts.iter().any(|p| p.to_value().has_sensitive())
}

/// Text of a scalar for string building (`None` when not a known scalar).
fn text_of(v: &Value) -> Option<String> {
    match v.unmarked() {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(rampart_model::value::format_number(n)),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

impl Scope<'_> {
    fn warn(&mut self, code: &'static str, msg: String, span: Span) {
        self.diags
            .push(Diagnostic::warning(code, msg).with_span(span));
    }

    /// Evaluate a template node.
    pub fn eval(&mut self, n: &Node) -> Ev {
        if self.depth >= MAX_EVAL_DEPTH {
            self.warn(
                "cfn-too-deep",
                "evaluation nests too deeply (a mapping or condition refers to itself?); the value is unknown".into(),
                n.span,
            );
            return Ev::unknown(n.span, Vec::new());
        }
        self.depth += 1;
        let r = self.eval_inner(n);
        self.depth -= 1;
        r
    }

    fn eval_inner(&mut self, n: &Node) -> Ev {
        match &n.kind {
            Kind::Null => Ev::scalar(Value::Null, n.span),
            Kind::Bool(b) => Ev::scalar(Value::Bool(*b), n.span),
            Kind::Number(x, t) => {
                // Keep the written text when the number would print differently
                // (`1.10` is a version string, `022` a port written with a zero).
                let num = Value::from(*x);
                if num.to_string() == *t {
                    Ev::scalar(num, n.span)
                } else {
                    Ev::scalar(Value::String(t.clone()), n.span)
                }
            }
            Kind::Str(s) => {
                if s.contains("{{resolve:") {
                    // Dynamic reference: resolved by CloudFormation at deploy time.
                    Ev::unknown(n.span, Vec::new())
                } else {
                    Ev::scalar(Value::String(s.clone()), n.span)
                }
            }
            Kind::Bad => Ev::unknown(n.span, Vec::new()),
            Kind::Seq(items) => {
                let items: Vec<Ev> = items
                    .iter()
                    .map(|i| self.eval(i))
                    .filter(|e| !matches!(e.kind, EvKind::NoValue))
                    .collect();
                Ev {
                    kind: EvKind::List(items),
                    span: n.span,
                    refs: Vec::new(),
                    origin: None,
                    partial: None,
                }
            }
            Kind::Map(entries) => {
                if let [e] = entries.as_slice() {
                    if e.key == "Ref" || e.key.starts_with("Fn::") {
                        let mut r = self.intrinsic(&e.key, &e.value, n.span);
                        if !matches!(r.kind, EvKind::Map(_) | EvKind::List(_)) {
                            r.span = n.span;
                        }
                        return r;
                    }
                }
                let mut out = Vec::new();
                for e in entries {
                    let v = self.eval(&e.value);
                    if matches!(v.kind, EvKind::NoValue) {
                        continue;
                    }
                    out.push((e.key.clone(), e.key_span, v));
                }
                Ev {
                    kind: EvKind::Map(out),
                    span: n.span,
                    refs: Vec::new(),
                    origin: None,
                    partial: None,
                }
            }
        }
    }

    fn intrinsic(&mut self, f: &str, arg: &Node, span: Span) -> Ev {
        match f {
            "Ref" => match arg.as_str() {
                Some(name) => self.reference(name, span),
                None => {
                    let a = self.eval(arg);
                    match a.as_str() {
                        Some(name) => {
                            let name = name.to_string();
                            self.reference(&name, span)
                        }
                        None => Ev::unknown(span, a.all_refs()),
                    }
                }
            },
            "Fn::GetAtt" => {
                let target = match &arg.kind {
                    Kind::Str(s) => s.split_once('.').map(|(a, _)| a.to_string()),
                    Kind::Seq(items) => items.first().and_then(Node::as_str).map(str::to_string),
                    _ => None,
                };
                match target.and_then(|t| self.resources.get(&t).cloned().map(|a| (t, a))) {
                    Some((_, addr)) => Ev::unknown(span, vec![addr]),
                    None => {
                        self.warn(
                            "cfn-unresolved-reference",
                            "`Fn::GetAtt` names no resource of this template".into(),
                            span,
                        );
                        Ev::unknown(span, Vec::new())
                    }
                }
            }
            "Fn::Sub" => self.sub(arg, span),
            "Fn::Join" => {
                let items = arg.items();
                let (Some(d), Some(list)) = (items.first(), items.get(1)) else {
                    return self.bad_args(f, span);
                };
                let d = self.eval(d);
                let list = self.eval(list);
                let parts: Vec<&Ev> = list.items().iter().collect();
                let mut all = vec![&d, &list];
                all.extend(parts.iter().copied());
                let refs = join_refs(&all);
                let sens = sensitive_in(&all);
                let (Some(delim), EvKind::List(_)) = (
                    d.to_value().unmarked().as_str().map(str::to_string),
                    &list.kind,
                ) else {
                    return Ev::unknown(span, refs);
                };
                let mut texts = Vec::new();
                for p in &parts {
                    match text_of(&p.to_value()) {
                        Some(t) => texts.push(t),
                        None => return Ev::unknown(span, refs),
                    }
                }
                let mut e = Ev::scalar(Value::String(texts.join(&delim)).mark(sens), span);
                e.refs = refs;
                e
            }
            "Fn::Select" => {
                let items = arg.items();
                let (Some(i), Some(list)) = (items.first(), items.get(1)) else {
                    return self.bad_args(f, span);
                };
                let i = self.eval(i);
                let list = self.eval(list);
                let idx = i.to_value().as_f64();
                match (&list.kind, idx) {
                    (EvKind::List(v), Some(ix)) if ix >= 0.0 => match v.get(ix as usize) {
                        Some(e) => e.clone(),
                        None => {
                            self.warn(
                                "cfn-invalid-function",
                                "`Fn::Select` index out of range".into(),
                                span,
                            );
                            Ev::unknown(span, list.all_refs())
                        }
                    },
                    _ => Ev::unknown(span, join_refs(&[&i, &list])),
                }
            }
            "Fn::Split" => {
                let items = arg.items();
                let (Some(d), Some(s)) = (items.first(), items.get(1)) else {
                    return self.bad_args(f, span);
                };
                let d = self.eval(d);
                let s = self.eval(s);
                match (d.as_str(), s.to_value().unmarked().as_str()) {
                    (Some(d), Some(text)) if !d.is_empty() => Ev {
                        kind: EvKind::List(
                            text.split(d)
                                .map(|p| Ev::scalar(Value::string(p), span))
                                .collect(),
                        ),
                        span,
                        refs: s.all_refs(),
                        origin: None,
                        partial: None,
                    },
                    _ => Ev::unknown(span, join_refs(&[&d, &s])),
                }
            }
            "Fn::Base64" => {
                let v = self.eval(arg);
                match v.to_value().unmarked().as_str() {
                    Some(t) => Ev::scalar(Value::String(base64(t.as_bytes())), span),
                    None => Ev::unknown(span, v.all_refs()),
                }
            }
            "Fn::GetAZs" => {
                let mut e = Ev::unknown(span, Vec::new());
                e.kind = EvKind::Scalar(Value::unknown());
                e
            }
            "Fn::ImportValue" => Ev::unknown(span, Vec::new()),
            "Fn::Cidr" => {
                let items = arg.items();
                let args: Vec<Ev> = items.iter().map(|a| self.eval(a)).collect();
                let vals: Vec<Value> = args.iter().map(Ev::to_value).collect();
                let ip = vals.first().and_then(|v| v.as_str().map(str::to_string));
                let count = vals.get(1).and_then(Value::as_f64);
                let bits = vals.get(2).and_then(Value::as_f64);
                match (ip, count, bits) {
                    (Some(ip), Some(c), Some(b)) => match cidr(&ip, c, b) {
                        Some(list) => Ev {
                            kind: EvKind::List(
                                list.into_iter()
                                    .map(|s| Ev::scalar(Value::String(s), span))
                                    .collect(),
                            ),
                            span,
                            refs: Vec::new(),
                            origin: None,
                            partial: None,
                        },
                        None => Ev::unknown(span, Vec::new()),
                    },
                    _ => Ev::unknown(span, join_refs(&args.iter().collect::<Vec<_>>())),
                }
            }
            "Fn::FindInMap" => self.find_in_map(arg, span),
            "Fn::If" => {
                let items = arg.items();
                let (Some(c), Some(a), Some(b)) = (items.first(), items.get(1), items.get(2))
                else {
                    return self.bad_args(f, span);
                };
                let cond = match c.as_str() {
                    Some(name) => self.condition(name, c.span),
                    None => self.cond_expr(c),
                };
                match cond {
                    Some(true) => self.eval(a),
                    Some(false) => self.eval(b),
                    None => {
                        let a = self.eval(a);
                        let b = self.eval(b);
                        blend(a, b, span)
                    }
                }
            }
            "Fn::Equals" | "Fn::And" | "Fn::Or" | "Fn::Not" => {
                let mut m = Node::new(
                    Kind::Map(vec![crate::node::Entry {
                        key: f.to_string(),
                        key_span: span,
                        value: arg.clone(),
                    }]),
                    span,
                );
                m.span = span;
                match self.cond_expr(&m) {
                    Some(b) => Ev::scalar(Value::Bool(b), span),
                    None => Ev::unknown(span, Vec::new()),
                }
            }
            "Fn::Length" => {
                let v = self.eval(arg);
                match &v.kind {
                    EvKind::List(items) => Ev::scalar(Value::from(items.len() as i64), span),
                    _ => Ev::unknown(span, v.all_refs()),
                }
            }
            "Fn::ToJsonString" => {
                let v = self.eval(arg);
                if v.is_known() {
                    Ev::scalar(Value::String(v.to_value().to_json().to_string()), span)
                } else {
                    Ev::unknown(span, v.all_refs())
                }
            }
            "Fn::Transform" => {
                self.diags.push(
                    Diagnostic::note(
                        "cfn-transform",
                        "`Fn::Transform` runs a macro at deploy time; its result is unknown",
                    )
                    .with_span(span),
                );
                Ev::unknown(span, Vec::new())
            }
            _ => {
                self.warn(
                    "cfn-unknown-function",
                    format!("unsupported intrinsic function `{f}`; its value is unknown"),
                    span,
                );
                Ev::unknown(span, Vec::new())
            }
        }
    }

    fn bad_args(&mut self, f: &str, span: Span) -> Ev {
        self.warn(
            "cfn-invalid-function",
            format!("`{f}` has the wrong arguments"),
            span,
        );
        Ev::unknown(span, Vec::new())
    }

    /// `Ref` to a parameter, pseudo parameter or resource.
    pub fn reference(&mut self, name: &str, span: Span) -> Ev {
        if name == "AWS::NoValue" {
            return Ev {
                kind: EvKind::NoValue,
                span,
                refs: Vec::new(),
                origin: None,
                partial: None,
            };
        }
        if let Some(p) = self.params.get(name) {
            let mut e = param_ev(&p.value, span);
            e.origin = Some(p.origin.clone());
            return e;
        }
        if name.starts_with("AWS::") {
            return match self.pseudo.get(name) {
                Some(v) => Ev::scalar(v.clone(), span),
                None => Ev::unknown(span, Vec::new()),
            };
        }
        if let Some(addr) = self.resources.get(name) {
            return Ev::unknown(span, vec![addr.clone()]);
        }
        self.warn(
            "cfn-unresolved-reference",
            format!(
                "`Ref` to `{name}`, which is neither a parameter nor a resource of this template"
            ),
            span,
        );
        Ev::unknown(span, Vec::new())
    }

    fn sub(&mut self, arg: &Node, span: Span) -> Ev {
        let (text, vars) = match &arg.kind {
            Kind::Str(s) => (s.clone(), None),
            Kind::Seq(items) => match (items.first().and_then(Node::as_str), items.get(1)) {
                (Some(s), vars) => (s.to_string(), vars),
                _ => return self.bad_args("Fn::Sub", span),
            },
            _ => return self.bad_args("Fn::Sub", span),
        };
        let mut local: BTreeMap<String, Ev> = BTreeMap::new();
        if let Some(v) = vars {
            for e in v.entries() {
                let ev = self.eval(&e.value);
                local.insert(e.key.clone(), ev);
            }
        }
        let mut out = String::new();
        let mut partial = String::new();
        let mut refs: Vec<String> = Vec::new();
        let mut known = true;
        let mut sens = false;
        let mut rest = text.as_str();
        while let Some(i) = rest.find("${") {
            out.push_str(rest.get(..i).unwrap_or(""));
            partial.push_str(rest.get(..i).unwrap_or(""));
            let after = rest.get(i + 2..).unwrap_or("");
            let Some(close) = after.find('}') else {
                out.push_str(rest.get(i..).unwrap_or(""));
                rest = "";
                break;
            };
            let name = after.get(..close).unwrap_or("").trim();
            rest = after.get(close + 1..).unwrap_or("");
            if let Some(lit) = name.strip_prefix('!') {
                out.push_str("${");
                out.push_str(lit);
                out.push('}');
                partial.push_str("${");
                partial.push_str(lit);
                partial.push('}');
                continue;
            }
            let ev = match local.get(name) {
                Some(e) => e.clone(),
                None => match name.split_once('.') {
                    Some((res, _)) if !name.starts_with("AWS::") => match self.resources.get(res) {
                        Some(a) => Ev::unknown(span, vec![a.clone()]),
                        None => {
                            self.warn(
                                "cfn-unresolved-reference",
                                format!("`Fn::Sub` variable `{name}` names no resource"),
                                span,
                            );
                            Ev::unknown(span, Vec::new())
                        }
                    },
                    _ => self.reference(name, span),
                },
            };
            for r in ev.all_refs() {
                if !refs.contains(&r) {
                    refs.push(r);
                }
            }
            let v = ev.to_value();
            sens |= v.has_sensitive();
            match text_of(&v) {
                Some(t) => {
                    out.push_str(&t);
                    partial.push_str(&t);
                }
                None => {
                    known = false;
                    partial.push_str("${");
                    partial.push_str(name);
                    partial.push('}');
                }
            }
        }
        out.push_str(rest);
        partial.push_str(rest);
        if known && !out.contains("{{resolve:") {
            let mut e = Ev::scalar(Value::String(out).mark(sens), span);
            e.refs = refs;
            e
        } else {
            let mut e = Ev::unknown(span, refs);
            e.partial = Some(partial);
            e
        }
    }

    fn find_in_map(&mut self, arg: &Node, span: Span) -> Ev {
        let items = arg.items();
        let keys: Vec<Ev> = items.iter().take(3).map(|a| self.eval(a)).collect();
        let names: Vec<Option<String>> = keys.iter().map(|k| text_of(&k.to_value())).collect();
        let default = items.get(3).and_then(|d| d.get("DefaultValue")).cloned();
        if names.len() < 3 {
            return self.bad_args("Fn::FindInMap", span);
        }
        let found = match (&names[..], self.mappings) {
            ([Some(a), Some(b), Some(c)], Some(m)) => m
                .get(a)
                .and_then(|x| x.get(b))
                .and_then(|x| x.get(c))
                .cloned(),
            ([Some(_), Some(_), Some(_)], None) => None,
            _ => return Ev::unknown(span, join_refs(&keys.iter().collect::<Vec<_>>())),
        };
        match found.or(default) {
            Some(n) => {
                let key = names
                    .iter()
                    .map(|n| n.clone().unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join("\u{0}");
                if !self.map_busy.insert(key.clone()) {
                    self.warn(
                        "cfn-mapping-cycle",
                        "`Fn::FindInMap` value refers to itself".into(),
                        span,
                    );
                    return Ev::unknown(span, Vec::new());
                }
                let r = self.eval(&n);
                self.map_busy.remove(&key);
                r
            }
            None => {
                self.warn(
                    "cfn-mapping-missing",
                    format!(
                        "`Fn::FindInMap` finds no value for {}",
                        names
                            .iter()
                            .map(|n| n.clone().unwrap_or_default())
                            .collect::<Vec<_>>()
                            .join(" / ")
                    ),
                    span,
                );
                Ev::unknown(span, Vec::new())
            }
        }
    }

    /// The value of a named condition (`None`: unknown).
    pub fn condition(&mut self, name: &str, span: Span) -> Option<bool> {
        if let Some(v) = self.cond_cache.get(name) {
            return *v;
        }
        if self.depth >= MAX_EVAL_DEPTH {
            self.warn(
                "cfn-too-deep",
                format!(
                    "condition `{name}` depends on too long a chain of conditions; it is unknown"
                ),
                span,
            );
            return None;
        }
        if !self.cond_busy.insert(name.to_string()) {
            self.warn(
                "cfn-condition-cycle",
                format!("condition `{name}` depends on itself"),
                span,
            );
            return None;
        }
        let node = self.conditions.and_then(|c| c.get(name)).cloned();
        self.depth += 1;
        let v = match node {
            Some(n) => self.cond_expr(&n),
            None => {
                self.warn(
                    "cfn-unknown-condition",
                    format!("condition `{name}` is not defined"),
                    span,
                );
                None
            }
        };
        self.depth -= 1;
        self.cond_busy.remove(name);
        self.cond_cache.insert(name.to_string(), v);
        v
    }

    /// Evaluate a condition expression.
    pub fn cond_expr(&mut self, n: &Node) -> Option<bool> {
        let [e] = n.entries() else {
            let v = self.eval(n);
            return v.to_value().as_bool();
        };
        let args = e.value.items();
        match e.key.as_str() {
            "Condition" => {
                let name = e.value.as_str()?.to_string();
                self.condition(&name, e.value.span)
            }
            "Fn::Equals" => {
                let (Some(a), Some(b)) = (args.first(), args.get(1)) else {
                    return None;
                };
                let a = self.eval(a).to_value();
                let b = self.eval(b).to_value();
                if !a.is_wholly_known() || !b.is_wholly_known() {
                    return None;
                }
                let (a, b) = (a.unmarked().clone(), b.unmarked().clone());
                Some(match (text_of(&a), text_of(&b)) {
                    (Some(x), Some(y)) => x == y,
                    _ => a == b,
                })
            }
            "Fn::Not" => args.first().and_then(|a| self.cond_expr(a)).map(|b| !b),
            "Fn::And" | "Fn::Or" => {
                let and = e.key == "Fn::And";
                let mut unknown = false;
                for a in args {
                    match self.cond_expr(a) {
                        Some(b) if b != and => return Some(b),
                        Some(_) => {}
                        None => unknown = true,
                    }
                }
                if unknown {
                    None
                } else {
                    Some(and)
                }
            }
            _ => {
                let v = self.eval(n);
                v.to_value().as_bool()
            }
        }
    }
}

/// The value of `Fn::If` when the condition is unknown: what both branches
/// agree on stays, the rest becomes unknown. Structures are kept (keys of
/// either branch, leaves unknown where the branches differ) so that a rule
/// reading a nested setting answers "unknown" rather than "not set".
fn blend(a: Ev, b: Ev, span: Span) -> Ev {
    if a.to_value() == b.to_value() {
        return a;
    }
    let refs = join_refs(&[&a, &b]);
    let a_span = a.span;
    match (a.kind, b.kind) {
        (EvKind::Map(x), EvKind::Map(mut y)) => {
            let mut out: Vec<(String, Span, Ev)> = Vec::new();
            for (k, ks, v) in x {
                let other = match y.iter().position(|(k2, _, _)| *k2 == k) {
                    Some(i) => y.remove(i).2,
                    None => no_value(v.span),
                };
                let sp = v.span;
                out.push((k, ks, blend(v, other, sp)));
            }
            for (k, ks, v) in y {
                let sp = v.span;
                out.push((k, ks, blend(no_value(sp), v, sp)));
            }
            Ev {
                kind: EvKind::Map(out),
                ..no_value(a_span)
            }
        }
        (EvKind::NoValue, other) | (other, EvKind::NoValue) => unknown_leaves(Ev {
            kind: other,
            refs,
            ..no_value(span)
        }),
        _ => Ev::unknown(span, refs),
    }
}

fn no_value(span: Span) -> Ev {
    Ev {
        kind: EvKind::NoValue,
        span,
        refs: Vec::new(),
        origin: None,
        partial: None,
    }
}

/// The same structure with every scalar unknown (a branch that may be absent).
fn unknown_leaves(e: Ev) -> Ev {
    let span = e.span;
    match e.kind {
        EvKind::Map(entries) => Ev {
            kind: EvKind::Map(
                entries
                    .into_iter()
                    .map(|(k, ks, v)| (k, ks, unknown_leaves(v)))
                    .collect(),
            ),
            ..no_value(span)
        },
        EvKind::List(items) => Ev {
            kind: EvKind::List(items.into_iter().map(unknown_leaves).collect()),
            ..no_value(span)
        },
        EvKind::NoValue => no_value(span),
        EvKind::Scalar(_) => Ev::unknown(span, e.refs),
    }
}

/// A parameter value as an evaluated value (lists become lists of scalars).
fn param_ev(v: &Value, span: Span) -> Ev {
    match v {
        Value::List(items) => Ev {
            kind: EvKind::List(items.iter().map(|i| Ev::scalar(i.clone(), span)).collect()),
            span,
            refs: Vec::new(),
            origin: None,
            partial: None,
        },
        other => Ev::scalar(other.clone(), span),
    }
}

fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b0 = u32::from(chunk.first().copied().unwrap_or(0));
        let b1 = u32::from(chunk.get(1).copied().unwrap_or(0));
        let b2 = u32::from(chunk.get(2).copied().unwrap_or(0));
        let n = (b0 << 16) | (b1 << 8) | b2;
        for i in 0..4 {
            if i <= chunk.len() {
                let idx = ((n >> (18 - 6 * i)) & 63) as usize;
                out.push(char::from(T.get(idx).copied().unwrap_or(b'A')));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `Fn::Cidr` for IPv4: `count` subnets of `/ (32 - bits)` from the start of `block`.
fn cidr(block: &str, count: f64, bits: f64) -> Option<Vec<String>> {
    let (ip, len) = block.split_once('/')?;
    let len: u32 = len.parse().ok()?;
    let octets: Vec<u32> = ip
        .split('.')
        .map(|o| o.parse().ok())
        .collect::<Option<_>>()?;
    if octets.len() != 4 || octets.iter().any(|o| *o > 255) || len > 32 {
        return None;
    }
    let base = octets.iter().fold(0u64, |a, o| (a << 8) | u64::from(*o));
    if !(1.0..=256.0).contains(&count) || !(0.0..=32.0).contains(&bits) {
        return None;
    }
    let bits = bits as u32;
    let new_len = 32u32.checked_sub(bits)?;
    if new_len < len {
        return None;
    }
    let size = 1u64 << bits;
    let avail = 1u64 << (new_len - len);
    if (count as u64) > avail {
        return None;
    }
    let mask = if len == 0 {
        0
    } else {
        (!0u64 << (32 - len)) & 0xFFFF_FFFF
    };
    let start = base & mask;
    Some(
        (0..count as u64)
            .map(|i| {
                let a = start + i * size;
                format!(
                    "{}.{}.{}.{}/{}",
                    (a >> 24) & 255,
                    (a >> 16) & 255,
                    (a >> 8) & 255,
                    a & 255,
                    new_len
                )
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_reference() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn cidr_subnets() {
        assert_eq!(
            cidr("10.0.0.0/16", 3.0, 8.0),
            Some(vec![
                "10.0.0.0/24".to_string(),
                "10.0.1.0/24".to_string(),
                "10.0.2.0/24".to_string()
            ])
        );
        assert_eq!(cidr("10.0.0.0/24", 300.0, 8.0), None);
        assert_eq!(cidr("nonsense", 1.0, 8.0), None);
    }
}
