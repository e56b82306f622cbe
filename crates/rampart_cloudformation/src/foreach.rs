//! `Fn::ForEach` from the `AWS::LanguageExtensions` transform: a key
//! `Fn::ForEach::Name: [Identifier, Collection, {OutputKey: Template}]` in
//! `Resources` stands for one copy of the template per collection item, with
//! `${Identifier}` (and `&{Identifier}`, the item without non-alphanumeric
//! characters) replaced in keys and `Fn::Sub` strings, and `Ref: Identifier`
//! replaced by the item.

use rampart_model::{Diagnostic, Value};

use crate::eval::Scope;
use crate::node::{Entry, Kind, Node};

/// Most copies one template may expand to (all loops together).
const MAX_COPIES: usize = 2_000;
/// Most template nodes all copies of one loop may hold together.
const NODE_BUDGET: usize = 400_000;
/// Nested loops allowed.
const MAX_NESTING: usize = 5;

/// Append `entries` to `out`, expanding `Fn::ForEach` keys.
pub fn expand(entries: &[Entry], scope: &mut Scope, out: &mut Vec<Entry>, nesting: usize) {
    for e in entries {
        if !e.key.starts_with("Fn::ForEach::") {
            out.push(e.clone());
            continue;
        }
        let warn = |scope: &mut Scope, msg: &str| {
            scope
                .diags
                .push(Diagnostic::warning("cfn-foreach", msg.to_string()).with_span(e.key_span));
        };
        if nesting >= MAX_NESTING {
            warn(scope, "`Fn::ForEach` nests too deeply; not expanded");
            continue;
        }
        let items = e.value.items();
        let (Some(ident), Some(coll), Some(tmpl)) = (
            items.first().and_then(Node::as_str),
            items.get(1),
            items.get(2),
        ) else {
            warn(
                scope,
                "`Fn::ForEach` needs [identifier, collection, template]",
            );
            continue;
        };
        let coll = scope.eval(coll).to_value();
        let Some(values) = coll.as_list().map(|l| {
            l.iter()
                .map(|v| match v.unmarked() {
                    Value::String(s) => Some(s.clone()),
                    Value::Number(n) => Some(rampart_model::value::format_number(n)),
                    _ => None,
                })
                .collect::<Option<Vec<String>>>()
        }) else {
            warn(
                scope,
                "the `Fn::ForEach` collection is unknown; the resources it makes are not scanned",
            );
            continue;
        };
        let Some(values) = values else {
            warn(
                scope,
                "the `Fn::ForEach` collection has unknown items; the resources it makes are not scanned",
            );
            continue;
        };
        let mut made: Vec<Entry> = Vec::new();
        let cap = (NODE_BUDGET / tmpl.size().max(1)).clamp(1, MAX_COPIES);
        'copies: for v in &values {
            for t in tmpl.entries() {
                if made.len() + out.len() >= MAX_COPIES || made.len() >= cap {
                    warn(
                        scope,
                        "`Fn::ForEach` expands to too many resources; the rest are left out",
                    );
                    break 'copies;
                }
                made.push(Entry {
                    key: subst_text(&t.key, ident, v),
                    key_span: t.key_span,
                    value: subst(&t.value, ident, v),
                });
            }
        }
        // The copies may hold further loops.
        expand(&made, scope, out, nesting + 1);
    }
}

fn alnum(v: &str) -> String {
    v.chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

fn subst_text(s: &str, ident: &str, v: &str) -> String {
    s.replace(&format!("${{{ident}}}"), v)
        .replace(&format!("&{{{ident}}}"), &alnum(v))
}

fn subst(n: &Node, ident: &str, v: &str) -> Node {
    let kind = match &n.kind {
        Kind::Map(entries) => {
            if let [e] = entries.as_slice() {
                if e.key == "Ref" && e.value.as_str() == Some(ident) {
                    return Node::new(Kind::Str(v.to_string()), n.span);
                }
                if e.key == "Fn::Sub" {
                    let value = match &e.value.kind {
                        Kind::Str(s) => Node::new(Kind::Str(subst_text(s, ident, v)), e.value.span),
                        Kind::Seq(items) => Node::new(
                            Kind::Seq(
                                items
                                    .iter()
                                    .enumerate()
                                    .map(|(i, x)| match (&x.kind, i) {
                                        (Kind::Str(s), 0) => {
                                            Node::new(Kind::Str(subst_text(s, ident, v)), x.span)
                                        }
                                        _ => subst(x, ident, v),
                                    })
                                    .collect(),
                            ),
                            e.value.span,
                        ),
                        _ => subst(&e.value, ident, v),
                    };
                    return Node::new(
                        Kind::Map(vec![Entry {
                            key: e.key.clone(),
                            key_span: e.key_span,
                            value,
                        }]),
                        n.span,
                    );
                }
            }
            Kind::Map(
                entries
                    .iter()
                    .map(|e| Entry {
                        key: subst_text(&e.key, ident, v),
                        key_span: e.key_span,
                        value: subst(&e.value, ident, v),
                    })
                    .collect(),
            )
        }
        Kind::Seq(items) => Kind::Seq(items.iter().map(|x| subst(x, ident, v)).collect()),
        other => other.clone(),
    };
    Node::new(kind, n.span)
}
