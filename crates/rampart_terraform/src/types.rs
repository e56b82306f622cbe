//! Variable type constraints (`string`, `list(object({...}))`, `optional(T, d)`)
//! and conversion of values to them, as Terraform converts input variables.

use hcl_edit::expr::{Expression, ObjectKey};
use rampart_model::value::format_number;
use rampart_model::Value;

/// A type constraint.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    Any,
    String,
    Number,
    Bool,
    List(Box<Ty>),
    Set(Box<Ty>),
    Map(Box<Ty>),
    Tuple(Vec<Ty>),
    Object(Vec<ObjAttr>),
}

/// One attribute of an object type.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjAttr {
    pub name: String,
    pub ty: Ty,
    pub optional: bool,
    pub default: Option<Value>,
}

/// Parse a type expression. `eval_default` evaluates `optional(T, default)`
/// defaults (constant expressions).
pub fn parse_type(
    e: &Expression,
    eval_default: &dyn Fn(&Expression) -> Result<Value, String>,
) -> Result<Ty, String> {
    parse(e, eval_default, 0)
}

fn parse(
    e: &Expression,
    ev: &dyn Fn(&Expression) -> Result<Value, String>,
    depth: usize,
) -> Result<Ty, String> {
    if depth > 64 {
        return Err("type constraint nested too deeply".into());
    }
    match e {
        Expression::Parenthesis(p) => parse(p.inner(), ev, depth + 1),
        Expression::Variable(v) => match v.value().as_str() {
            "string" => Ok(Ty::String),
            "number" => Ok(Ty::Number),
            "bool" => Ok(Ty::Bool),
            "any" => Ok(Ty::Any),
            "list" => Ok(Ty::List(Box::new(Ty::Any))),
            "set" => Ok(Ty::Set(Box::new(Ty::Any))),
            "map" => Ok(Ty::Map(Box::new(Ty::Any))),
            other => Err(format!(
                "Invalid type specification: the keyword \"{other}\" is not a valid type"
            )),
        },
        Expression::FuncCall(f) => {
            let name = f.name.name.value().as_str();
            let args: Vec<&Expression> = f.args.iter().collect();
            let one = || -> Result<&Expression, String> {
                match args.as_slice() {
                    [a] => Ok(a),
                    _ => Err(format!(
                        "Invalid type specification: {name}(...) takes one argument"
                    )),
                }
            };
            match name {
                "list" => Ok(Ty::List(Box::new(parse(one()?, ev, depth + 1)?))),
                "set" => Ok(Ty::Set(Box::new(parse(one()?, ev, depth + 1)?))),
                "map" => Ok(Ty::Map(Box::new(parse(one()?, ev, depth + 1)?))),
                "tuple" => match one()? {
                    Expression::Array(a) => Ok(Ty::Tuple(
                        a.iter().map(|x| parse(x, ev, depth + 1)).collect::<Result<_, _>>()?,
                    )),
                    _ => Err("Invalid type specification: tuple(...) takes a list of types".into()),
                },
                "object" => match one()? {
                    Expression::Object(o) => {
                        let mut attrs = Vec::new();
                        for (k, v) in o.iter() {
                            let key = match k {
                                ObjectKey::Ident(i) => i.value().as_str().to_string(),
                                ObjectKey::Expression(Expression::Variable(i)) => i.value().as_str().to_string(),
                                ObjectKey::Expression(Expression::String(s)) => s.value().clone(),
                                ObjectKey::Expression(_) => {
                                    return Err("Invalid type specification: object attribute names must be identifiers".into())
                                }
                            };
                            let (ty, optional, default) = match v.expr() {
                                Expression::FuncCall(of) if of.name.name.value().as_str() == "optional" => {
                                    let oargs: Vec<&Expression> = of.args.iter().collect();
                                    match oargs.as_slice() {
                                        [t] => (parse(t, ev, depth + 1)?, true, None),
                                        [t, d] => {
                                            let ty = parse(t, ev, depth + 1)?;
                                            let dv = ev(d)?;
                                            let dv = convert(dv, &ty)?;
                                            (ty, true, Some(dv))
                                        }
                                        _ => return Err("Invalid type specification: optional(type, default)".into()),
                                    }
                                }
                                other => (parse(other, ev, depth + 1)?, false, None),
                            };
                            attrs.push(ObjAttr { name: key, ty, optional, default });
                        }
                        Ok(Ty::Object(attrs))
                    }
                    _ => Err("Invalid type specification: object(...) takes an object of attribute types".into()),
                },
                other => Err(format!("Invalid type specification: \"{other}\" is not a type constructor")),
            }
        }
        _ => Err("Invalid type specification: a type keyword or constructor is required".into()),
    }
}

impl Ty {
    /// True for `string`: `-var` and `TF_VAR_` values are then taken literally.
    pub fn is_string_like(&self) -> bool {
        matches!(self, Ty::String | Ty::Any)
    }
}

/// Convert `v` to type `ty` (unknown and null values pass through).
pub fn convert(v: Value, ty: &Ty) -> Result<Value, String> {
    let (v, marked) = v.unmark();
    let r = conv(v, ty, 0)?;
    Ok(r.mark(marked))
}

fn conv(v: Value, ty: &Ty, depth: usize) -> Result<Value, String> {
    if depth > 128 {
        return Err("value nested too deeply".into());
    }
    let (v, marked) = v.unmark();
    if matches!(v, Value::Unknown(_) | Value::Null) {
        return Ok(v.mark(marked));
    }
    let r = match ty {
        Ty::Any => v,
        Ty::String => match v {
            Value::String(s) => Value::String(s),
            Value::Number(n) => Value::String(format_number(&n)),
            Value::Bool(b) => Value::String(b.to_string()),
            other => return Err(format!("string required, but have {}", other.type_name())),
        },
        Ty::Number => match v {
            Value::Number(n) => Value::Number(n),
            Value::String(s) => match rampart_model::Number::parse(s.trim()) {
                Some(n) if !n.is_infinite() => Value::Number(n),
                _ => return Err(format!("a number is required, but have string \"{s}\"")),
            },
            other => return Err(format!("number required, but have {}", other.type_name())),
        },
        Ty::Bool => match v {
            Value::Bool(b) => Value::Bool(b),
            Value::String(s) if s == "true" => Value::Bool(true),
            Value::String(s) if s == "false" => Value::Bool(false),
            other => return Err(format!("bool required, but have {}", other.type_name())),
        },
        Ty::List(t) | Ty::Set(t) => {
            let items = match v {
                Value::List(items) | Value::Set(items) => items,
                other => {
                    return Err(format!(
                        "list of {} required, but have {}",
                        ty_name(t),
                        other.type_name()
                    ))
                }
            };
            let mut out = Vec::with_capacity(items.len());
            for (i, x) in items.into_iter().enumerate() {
                out.push(conv(x, t, depth + 1).map_err(|e| format!("element {i}: {e}"))?);
            }
            if **t == Ty::Any {
                unify_primitives(&mut out);
            }
            if matches!(ty, Ty::Set(_)) {
                cty_set(out)
            } else {
                Value::List(out)
            }
        }
        Ty::Map(t) => match v {
            Value::Object(m) => {
                let mut keys = Vec::with_capacity(m.len());
                let mut vals = Vec::with_capacity(m.len());
                for (k, x) in m {
                    let c = conv(x, t, depth + 1).map_err(|e| format!("element \"{k}\": {e}"))?;
                    keys.push(k);
                    vals.push(c);
                }
                if **t == Ty::Any {
                    unify_primitives(&mut vals);
                }
                Value::Object(keys.into_iter().zip(vals).collect())
            }
            other => {
                return Err(format!(
                    "map of {} required, but have {}",
                    ty_name(t),
                    other.type_name()
                ))
            }
        },
        Ty::Tuple(ts) => match v {
            Value::List(items) | Value::Set(items) if items.len() == ts.len() => {
                let mut out = Vec::with_capacity(items.len());
                for (i, (x, t)) in items.into_iter().zip(ts).enumerate() {
                    out.push(conv(x, t, depth + 1).map_err(|e| format!("element {i}: {e}"))?);
                }
                Value::List(out)
            }
            other => {
                return Err(format!(
                    "tuple of {} elements required, but have {}",
                    ts.len(),
                    other.type_name()
                ))
            }
        },
        Ty::Object(attrs) => match v {
            Value::Object(mut m) => {
                let mut out = std::collections::BTreeMap::new();
                for a in attrs {
                    let given = m.remove(&a.name).filter(|x| !x.is_null());
                    let val = match given {
                        Some(x) => conv(x, &a.ty, depth + 1)
                            .map_err(|e| format!("attribute \"{}\": {e}", a.name))?,
                        None if a.optional => match &a.default {
                            Some(d) => conv(d.clone(), &a.ty, depth + 1)?,
                            None => Value::Null,
                        },
                        None => return Err(format!("attribute \"{}\" is required", a.name)),
                    };
                    out.insert(a.name.clone(), val);
                }
                Value::Object(out)
            }
            other => return Err(format!("object required, but have {}", other.type_name())),
        },
    };
    Ok(r.mark(marked))
}

/// A set with cty's element order: primitives by value (as [`Value::set`]
/// orders them), other elements by the text of their set hash serialisation
/// (`<"a";1;>` for an object, `[1;2;]` for a list), compared bytewise.
pub fn cty_set(items: Vec<Value>) -> Value {
    let Value::Set(mut items) = Value::set(items) else {
        return Value::Set(Vec::new());
    };
    let structured = items.iter().any(|v| {
        matches!(
            v.unmarked(),
            Value::List(_) | Value::Set(_) | Value::Object(_)
        )
    });
    if structured {
        let mut keyed: Vec<(String, Value)> =
            items.into_iter().map(|v| (set_hash_text(&v), v)).collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        items = keyed.into_iter().map(|(_, v)| v).collect();
    }
    Value::Set(items)
}

fn set_hash_text(v: &Value) -> String {
    let mut out = String::new();
    write_hash_text(v, &mut out, 0);
    out
}

fn write_hash_text(v: &Value, out: &mut String, depth: usize) {
    if depth > 128 {
        return;
    }
    match v.unmarked() {
        Value::Unknown(_) => out.push('?'),
        Value::Null => out.push('~'),
        Value::Bool(b) => out.push(if *b { 'T' } else { 'F' }),
        Value::Number(n) => out.push_str(&format_number(n)),
        Value::String(s) => out.push_str(&format!("{s:?}")),
        Value::List(items) | Value::Set(items) => {
            out.push('[');
            for x in items {
                write_hash_text(x, out, depth + 1);
                out.push(';');
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push('<');
            for x in m.values() {
                write_hash_text(x, out, depth + 1);
                out.push(';');
            }
            out.push('>');
        }
        Value::Sensitive(_) => {}
    }
}

/// Elements of a collection of `any` share one type: a string among
/// primitives turns numbers and bools into strings.
fn unify_primitives(items: &mut [Value]) {
    let has_string = items
        .iter()
        .any(|v| matches!(v.unmarked(), Value::String(_)));
    let all_prim = items.iter().all(|v| {
        matches!(
            v.unmarked(),
            Value::String(_) | Value::Number(_) | Value::Bool(_) | Value::Null | Value::Unknown(_)
        )
    });
    if !has_string || !all_prim {
        return;
    }
    for v in items.iter_mut() {
        let (inner, marked) = std::mem::take(v).unmark();
        let inner = match inner {
            Value::Number(n) => Value::String(format_number(&n)),
            Value::Bool(b) => Value::String(b.to_string()),
            other => other,
        };
        *v = inner.mark(marked);
    }
}

fn ty_name(t: &Ty) -> &'static str {
    match t {
        Ty::Any => "any",
        Ty::String => "string",
        Ty::Number => "number",
        Ty::Bool => "bool",
        Ty::List(_) => "list",
        Ty::Set(_) => "set",
        Ty::Map(_) => "map",
        Ty::Tuple(_) => "tuple",
        Ty::Object(_) => "object",
    }
}
