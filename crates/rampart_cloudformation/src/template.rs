//! One template, end to end: parse, resolve parameters, decide conditions,
//! evaluate each resource's properties and hand them to the adapters.

use std::collections::{HashMap, HashSet};

use rampart_model::{Diagnostic, Origin, Value};
use rampart_source::{FileId, Span};

use crate::adapt::{self, Res};
use crate::eval::{Param, Scope, PSEUDO};
use crate::foreach;
use crate::node::{Entry, Kind, Node};
use crate::{json, yaml, CfnSuppression, Evaluation, Options, SuppressionKind};

/// Parse template text (JSON when it starts with `{`, YAML otherwise).
pub fn parse(text: &str, file: FileId) -> (Option<Node>, Vec<Diagnostic>) {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('{') {
        json::parse(text, file)
    } else {
        yaml::parse(text, file)
    }
}

/// Parameter values given by the user: the file first, then `parameters`.
fn given_parameters(opts: &Options, diags: &mut Vec<Diagnostic>) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    if let Some(p) = &opts.parameters_file {
        let name = p.to_string_lossy().replace('\\', "/");
        match std::fs::read_to_string(p) {
            Err(e) => diags.push(
                Diagnostic::error(
                    "cfn-parameters-file",
                    format!("cannot read parameters file: {e}"),
                )
                .with_path(name.clone()),
            ),
            Ok(text) => match serde_json::from_str::<serde_json::Value>(&text) {
                Err(e) => diags.push(
                    Diagnostic::error(
                        "cfn-parameters-file",
                        format!("parameters file is not JSON: {e}"),
                    )
                    .with_path(name.clone())
                    .at_line(e.line(), e.column()),
                ),
                Ok(j) => {
                    let text_of = |v: &serde_json::Value| match v {
                        serde_json::Value::String(s) => s.clone(),
                        serde_json::Value::Array(a) => a
                            .iter()
                            .map(|x| {
                                x.as_str()
                                    .map(str::to_string)
                                    .unwrap_or_else(|| x.to_string())
                            })
                            .collect::<Vec<_>>()
                            .join(","),
                        other => other.to_string(),
                    };
                    if let Some(list) = j.as_array() {
                        for item in list {
                            if let (Some(k), Some(v)) = (
                                item.get("ParameterKey").and_then(|k| k.as_str()),
                                item.get("ParameterValue"),
                            ) {
                                out.push((k.to_string(), text_of(v), name.clone()));
                            }
                        }
                    } else if let Some(m) = j.get("Parameters").and_then(|p| p.as_object()) {
                        for (k, v) in m {
                            out.push((k.clone(), text_of(v), name.clone()));
                        }
                    } else {
                        diags.push(
                            Diagnostic::warning(
                                "cfn-parameters-file",
                                "parameters file has neither a list of {ParameterKey, ParameterValue} nor a `Parameters` object",
                            )
                            .with_path(name.clone()),
                        );
                    }
                }
            },
        }
    }
    for (k, v) in &opts.parameters {
        out.push((k.clone(), v.clone(), "parameter".to_string()));
    }
    out
}

fn typed(ty: &str, text: &str) -> Value {
    if ty.starts_with("AWS::SSM::Parameter::Value") {
        // The text names an SSM parameter; its value is read at deploy time.
        return Value::unknown();
    }
    if ty == "CommaDelimitedList" || ty.starts_with("List<") {
        return Value::List(text.split(',').map(|s| Value::string(s.trim())).collect());
    }
    if ty == "Number" {
        if let Some(n) = rampart_model::Number::parse(text.trim()) {
            return Value::Number(n);
        }
    }
    Value::string(text)
}

/// `MinLength`/`MaxLength` (strings) and `MinValue`/`MaxValue` (numbers).
fn check_bounds(
    name: &str,
    decl: &Node,
    ty: &str,
    value: &str,
    at: Span,
    diags: &mut Vec<Diagnostic>,
) {
    let num = |k: &str| {
        decl.get(k)
            .and_then(node_text)
            .and_then(|t| t.trim().parse::<f64>().ok())
    };
    let mut problem = None;
    if ty == "Number" {
        match value.trim().parse::<f64>() {
            Err(_) => problem = Some(format!("`{value}` is not a number")),
            Ok(v) => {
                if let Some(min) = num("MinValue").filter(|m| v < *m) {
                    problem = Some(format!("{value} is below its MinValue {min}"));
                }
                if let Some(max) = num("MaxValue").filter(|m| v > *m) {
                    problem = Some(format!("{value} is above its MaxValue {max}"));
                }
            }
        }
    } else if ty == "String" {
        let len = value.chars().count() as f64;
        if let Some(min) = num("MinLength").filter(|m| len < *m) {
            problem = Some(format!("is shorter than its MinLength {min}"));
        }
        if let Some(max) = num("MaxLength").filter(|m| len > *m) {
            problem = Some(format!("is longer than its MaxLength {max}"));
        }
    }
    if let Some(p) = problem {
        diags.push(
            Diagnostic::warning("cfn-parameter-invalid", format!("parameter `{name}`: {p}"))
                .with_span(at),
        );
    }
}

fn node_text(n: &Node) -> Option<String> {
    match &n.kind {
        Kind::Str(s) => Some(s.clone()),
        Kind::Number(_, t) => Some(t.clone()),
        Kind::Bool(b) => Some(b.to_string()),
        Kind::Seq(items) => Some(
            items
                .iter()
                .filter_map(node_text)
                .collect::<Vec<_>>()
                .join(","),
        ),
        _ => None,
    }
}

pub fn evaluate(text: &str, file: FileId, opts: &Options, out: &mut Evaluation) {
    let (root, diags) = parse(text, file);
    out.diagnostics.extend(diags);
    let Some(root) = root else {
        out.diagnostics.push(
            Diagnostic::warning("cfn-empty", "the template is empty")
                .with_span(Span::new(file, 0, 0)),
        );
        return;
    };
    if !root.is_map() {
        out.diagnostics.push(
            Diagnostic::error("cfn-not-a-template", "the template is not a mapping")
                .with_span(root.span),
        );
        return;
    }
    let sam = match root.get("Transform") {
        Some(t) => match &t.kind {
            Kind::Str(s) => s.starts_with("AWS::Serverless"),
            Kind::Seq(items) => items
                .iter()
                .any(|i| i.as_str().is_some_and(|s| s.starts_with("AWS::Serverless"))),
            _ => false,
        },
        None => false,
    };

    if let Some(t) = root.get("Transform") {
        let names: Vec<&str> = match &t.kind {
            Kind::Str(s) => vec![s.as_str()],
            Kind::Seq(items) => items.iter().filter_map(Node::as_str).collect(),
            _ => Vec::new(),
        };
        for n in names {
            if !n.starts_with("AWS::Serverless") && n != "AWS::LanguageExtensions" {
                out.diagnostics.push(
                    Diagnostic::note(
                        "cfn-transform",
                        format!("the macro `{n}` runs at deploy time and is not expanded"),
                    )
                    .with_span(t.span),
                );
            }
        }
    }
    let mut diags = Vec::new();
    let given = given_parameters(opts, &mut diags);
    out.diagnostics.append(&mut diags);

    // Parameters.
    let mut params: HashMap<String, Param> = HashMap::new();
    let mut pseudo: HashMap<String, Value> = HashMap::new();
    let mut param_diags = Vec::new();
    let declared: Vec<&crate::node::Entry> = root
        .get("Parameters")
        .map(|p| p.entries().iter().collect())
        .unwrap_or_default();
    for e in &declared {
        let decl = &e.value;
        let ty = decl.get("Type").and_then(Node::as_str).unwrap_or("String");
        let no_echo = decl
            .get("NoEcho")
            .map(|n| matches!(n.kind, Kind::Bool(true)) || n.as_str() == Some("true"))
            .unwrap_or(false);
        let given_v = given.iter().rev().find(|(k, _, _)| k == &e.key);
        let (text, origin, at) = match given_v {
            Some((_, v, src)) => (
                Some(v.clone()),
                Origin::Variable {
                    name: e.key.clone(),
                    set_at: None,
                    source: src.clone(),
                },
                e.key_span,
            ),
            None => match decl.get("Default") {
                Some(d) => (
                    node_text(d),
                    Origin::Variable {
                        name: e.key.clone(),
                        set_at: Some(d.span),
                        source: "default".into(),
                    },
                    d.span,
                ),
                None => (
                    None,
                    Origin::Variable {
                        name: e.key.clone(),
                        set_at: None,
                        source: "unset".into(),
                    },
                    e.key_span,
                ),
            },
        };
        let value = match &text {
            Some(t) => {
                if let Some(allowed) = decl.get("AllowedValues") {
                    let allowed: Vec<String> =
                        allowed.items().iter().filter_map(node_text).collect();
                    if !allowed.is_empty() && !allowed.iter().any(|a| a == t) {
                        param_diags.push(
                            Diagnostic::warning(
                                "cfn-parameter-not-allowed",
                                format!(
                                    "parameter `{}` is `{t}`, which is not one of its AllowedValues ({})",
                                    e.key,
                                    allowed.join(", ")
                                ),
                            )
                            .with_span(at),
                        );
                    }
                }
                check_bounds(&e.key, decl, ty, t, at, &mut param_diags);
                typed(ty, t)
            }
            None => {
                param_diags.push(
                    Diagnostic::note(
                        "cfn-parameter-unset",
                        format!(
                            "parameter `{}` has no default and no value was given; it is unknown",
                            e.key
                        ),
                    )
                    .with_span(e.key_span),
                );
                Value::unknown()
            }
        };
        params.insert(
            e.key.clone(),
            Param {
                value: value.mark(no_echo),
                origin,
            },
        );
    }
    out.diagnostics.append(&mut param_diags);
    for (k, v, _) in &given {
        if PSEUDO.contains(&k.as_str()) && k != "AWS::NoValue" {
            pseudo.insert(k.clone(), Value::string(v.clone()));
        } else if !params.contains_key(k) {
            out.diagnostics.push(
                Diagnostic::warning(
                    "cfn-parameter-undeclared",
                    format!("a value was given for `{k}`, which the template does not declare"),
                )
                .with_span(Span::new(file, 0, 0)),
            );
        }
    }

    // Resources and their canonical addresses.
    let empty = Node::new(Kind::Map(Vec::new()), Span::new(file, 0, 0));
    let resources = root.get("Resources").unwrap_or(&empty);
    if root.get("Resources").is_none() {
        out.diagnostics.push(
            Diagnostic::warning(
                "cfn-no-resources",
                "the template has no `Resources` section",
            )
            .with_span(root.span),
        );
    }
    let mut scope = Scope {
        params,
        pseudo,
        mappings: root.get("Mappings"),
        conditions: root.get("Conditions"),
        resources: HashMap::new(),
        cond_cache: HashMap::new(),
        cond_busy: HashSet::new(),
        map_busy: HashSet::new(),
        diags: Vec::new(),
        depth: 0,
    };
    // `Fn::ForEach` (AWS::LanguageExtensions) expands before anything refers
    // to the resources it makes.
    let mut expanded: Vec<Entry> = Vec::new();
    foreach::expand(resources.entries(), &mut scope, &mut expanded, 0);
    let resources = Node::new(Kind::Map(expanded), resources.span);
    let resources = &resources;
    for e in resources.entries() {
        let ty = e.value.get("Type").and_then(Node::as_str).unwrap_or("");
        scope
            .resources
            .insert(e.key.clone(), adapt::primary_address(ty, &e.key, &e.value));
    }

    // SAM globals.
    let globals = if sam { root.get("Globals") } else { None };

    for e in resources.entries() {
        let decl = &e.value;
        let span = e.span();
        let Some(ty) = decl.get("Type").and_then(Node::as_str) else {
            scope.diags.push(
                Diagnostic::error(
                    "cfn-resource-type",
                    format!("resource `{}` has no `Type`", e.key),
                )
                .with_span(e.key_span),
            );
            continue;
        };
        if let Some(c) = decl.get("Condition") {
            let name = c.as_str().unwrap_or("");
            match scope.condition(name, c.span) {
                Some(true) => {}
                Some(false) => continue,
                None => scope.diags.push(
                    Diagnostic::note(
                        "cfn-condition-unknown",
                        format!(
                            "condition `{name}` of `{}` cannot be decided without parameter values; the resource is kept",
                            e.key
                        ),
                    )
                    .with_span(c.span),
                ),
            }
        }
        let mut props_node = decl
            .get("Properties")
            .cloned()
            .unwrap_or_else(|| Node::new(Kind::Map(Vec::new()), e.key_span));
        if let Some(g) = globals {
            let section = match ty {
                "AWS::Serverless::Function" => g.get("Function"),
                "AWS::Serverless::Api" => g.get("Api"),
                "AWS::Serverless::HttpApi" => g.get("HttpApi"),
                "AWS::Serverless::SimpleTable" => g.get("SimpleTable"),
                _ => None,
            };
            if let Some(section) = section {
                merge_globals(&mut props_node, section);
            }
        }
        let props = scope.eval(&props_node);
        let res = Res {
            logical: e.key.clone(),
            ty: ty.to_string(),
            props,
            span,
            key_span: e.key_span,
        };
        let made = adapt::adapt(&res, &mut scope);
        let addresses: Vec<String> = made.iter().map(|r| r.address.clone()).collect();
        if let Some(meta) = decl.get("Metadata") {
            suppressions(meta, &e.key, &addresses, &mut out.suppressions);
        }
        out.resources.extend(made);
    }
    out.diagnostics.append(&mut scope.diags);
}

/// SAM `Globals`: the resource's own values win; maps are merged key by key,
/// lists are the global items followed by the resource's.
fn merge_globals(own: &mut Node, global: &Node) {
    match (&mut own.kind, &global.kind) {
        (Kind::Map(entries), Kind::Map(gentries)) => {
            // Intrinsic functions are values, not maps to merge into.
            let intrinsic = |e: &[crate::node::Entry]| matches!(e, [x] if x.key == "Ref" || x.key.starts_with("Fn::"));
            if intrinsic(entries) || intrinsic(gentries) {
                return;
            }
            for ge in gentries {
                match entries.iter_mut().find(|x| x.key == ge.key) {
                    Some(mine) => merge_globals(&mut mine.value, &ge.value),
                    None => entries.push(ge.clone()),
                }
            }
        }
        (Kind::Seq(items), Kind::Seq(gitems)) => {
            let mut all = gitems.clone();
            all.append(items);
            *items = all;
        }
        _ => {}
    }
}

/// Read the suppressions of one resource's `Metadata`.
fn suppressions(meta: &Node, logical: &str, addresses: &[String], out: &mut Vec<CfnSuppression>) {
    let primary = addresses.first().cloned().unwrap_or_default();
    let mut push = |id: String, reason: Option<String>, expires: Option<String>, kind, span| {
        out.push(CfnSuppression {
            address: primary.clone(),
            addresses: addresses.to_vec(),
            logical_id: logical.to_string(),
            rule_or_alias: id,
            reason,
            expires,
            kind,
            span,
        })
    };
    let text = |n: Option<&Node>| n.and_then(node_text);
    if let Some(list) = meta.get("rampart").and_then(|r| r.get("ignore")) {
        for it in list.items() {
            if let Some(id) = text(it.get("id")) {
                push(
                    id,
                    text(it.get("reason")),
                    text(it.get("expires")),
                    SuppressionKind::Rampart,
                    it.span,
                );
            } else if let Some(id) = node_text(it) {
                push(id, None, None, SuppressionKind::Rampart, it.span);
            }
        }
    }
    if let Some(list) = meta.get("checkov").and_then(|r| r.get("skip")) {
        for it in list.items() {
            if let Some(id) = text(it.get("id")) {
                push(
                    id,
                    text(it.get("comment")),
                    None,
                    SuppressionKind::Checkov,
                    it.span,
                );
            }
        }
    }
    if let Some(list) = meta
        .get("cfn-lint")
        .and_then(|r| r.get("config"))
        .and_then(|r| r.get("ignore_checks"))
    {
        for it in list.items() {
            if let Some(id) = node_text(it) {
                push(id, None, None, SuppressionKind::CfnLint, it.span);
            }
        }
    }
    if let Some(list) = meta.get("cfn_nag").and_then(|r| r.get("rules_to_suppress")) {
        for it in list.items() {
            if let Some(id) = text(it.get("id")) {
                push(
                    id,
                    text(it.get("reason")),
                    None,
                    SuppressionKind::CfnNag,
                    it.span,
                );
            }
        }
    }
    if let Some(list) = meta.get("guard").and_then(|r| r.get("SuppressedRules")) {
        for it in list.items() {
            if let Some(id) = node_text(it) {
                push(id, None, None, SuppressionKind::Guard, it.span);
            }
        }
    }
}
