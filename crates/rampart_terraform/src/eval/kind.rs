//! Which collection type an expression has, where the syntax tells it.
//!
//! Terraform's `==` compares types before values: a list never equals a tuple
//! and a map never equals an object, even with the same elements
//! (`tolist(["a"]) == ["a"]` is false, and so is `var.names == []` for a
//! `list(string)` variable). The value model keeps one variant for lists and
//! tuples and one for maps and objects, so the evaluator recovers the
//! distinction from the operands' expressions: literals and `for`
//! expressions build tuples and objects, `tolist`/`tomap` and a few other
//! functions return lists and maps, variables have their declared type, and
//! a local has the kind of its own expression. Where none of this applies the
//! kind is not known and equality compares values only. Object and tuple
//! literals and declared object and tuple types also give the kinds of their
//! members ([`Shape`]), so `{a = tolist([1])} == {a = [1]}` is false too.

use hcl_edit::expr::{Expression, ObjectKey, TraversalOperator};

use crate::types::Ty;

/// A collection kind that matters to equality.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    List,
    Tuple,
    Map,
    Object,
    Set,
}

/// How deep the walk through locals and nested literals goes.
const MAX_HOPS: usize = 16;

/// Literals with more members than this are judged by their own kind only
/// (the walk runs at every evaluation of `==`, so it stays small).
const MAX_MEMBERS: usize = 64;

/// Declared types of variables and the expressions of locals, for
/// [`shape_of`]; the module loader implements it.
pub trait KindEnv {
    /// The declared type of variable `name`, if it has one.
    fn var_type(&self, name: &str) -> Option<&Ty>;
    /// The expression that defines local `name`.
    fn local_expr(&self, name: &str) -> Option<&Expression>;
}

/// The kind an expression's own syntax gives (references are [`shape_at`]'s).
fn kind_at(e: &Expression) -> Option<Kind> {
    match e {
        Expression::Parenthesis(p) => kind_at(p.inner()),
        Expression::Array(_) => Some(Kind::Tuple),
        Expression::Object(_) => Some(Kind::Object),
        Expression::ForExpr(f) => Some(if f.key_expr.is_some() {
            Kind::Object
        } else {
            Kind::Tuple
        }),
        Expression::FuncCall(c) => {
            if !c.name.namespace.is_empty() {
                return None;
            }
            match c.name.name.as_str() {
                // Functions whose result is a list (or map) whatever the
                // argument's own type.
                "tolist" | "split" | "range" | "sort" | "distinct" | "compact" | "formatlist"
                | "regexall" | "chunklist" | "matchkeys" => Some(Kind::List),
                "tomap" => Some(Kind::Map),
                "toset" => Some(Kind::Set),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Follow attribute and index steps into a declared type.
fn walk_type<'t>(mut ty: &'t Ty, steps: &[&TraversalOperator]) -> Option<&'t Ty> {
    for step in steps {
        ty = match (step, ty) {
            (TraversalOperator::GetAttr(a), Ty::Object(attrs)) => {
                &attrs.iter().find(|x| x.name == a.value().as_str())?.ty
            }
            (TraversalOperator::GetAttr(_), Ty::Map(el)) => el,
            (TraversalOperator::Index(_) | TraversalOperator::LegacyIndex(_), Ty::List(el))
            | (TraversalOperator::Index(_), Ty::Map(el)) => el,
            _ => return None,
        };
    }
    Some(ty)
}

fn kind_of_type(ty: &Ty) -> Option<Kind> {
    match ty {
        Ty::List(_) => Some(Kind::List),
        Ty::Map(_) => Some(Kind::Map),
        Ty::Set(_) => Some(Kind::Set),
        Ty::Tuple(_) => Some(Kind::Tuple),
        Ty::Object(_) => Some(Kind::Object),
        _ => None,
    }
}

/// Whether two kinds make the operands' types differ (so `==` is false).
pub fn kinds_differ(a: Option<Kind>, b: Option<Kind>) -> bool {
    matches!(
        (a, b),
        (Some(Kind::List), Some(Kind::Tuple))
            | (Some(Kind::Tuple), Some(Kind::List))
            | (Some(Kind::Map), Some(Kind::Object))
            | (Some(Kind::Object), Some(Kind::Map))
    )
}

/// A kind with, where the syntax or a declared type shows them, the kinds of
/// an object's attributes or a tuple's elements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shape {
    pub kind: Kind,
    pub attrs: Vec<(String, Option<Shape>)>,
    pub elems: Vec<Option<Shape>>,
    /// For a list, map or set: whether its element type is still open
    /// (`tolist([])` has elements of any type, a `list(string)` variable
    /// does not); such collections are never equal. `None` when unknown.
    pub open_elements: Option<bool>,
}

impl Shape {
    fn bare(kind: Kind) -> Shape {
        Shape {
            kind,
            attrs: Vec::new(),
            elems: Vec::new(),
            open_elements: None,
        }
    }
}

/// The shape of `e`, when its kind is certain.
pub fn shape_of(e: &Expression, env: &dyn KindEnv) -> Option<Shape> {
    shape_at(e, env, 0)
}

fn shape_at(e: &Expression, env: &dyn KindEnv, hops: usize) -> Option<Shape> {
    if hops > MAX_HOPS {
        return None;
    }
    match e {
        Expression::Parenthesis(p) => shape_at(p.inner(), env, hops),
        Expression::Array(items) if items.len() > MAX_MEMBERS => Some(Shape::bare(Kind::Tuple)),
        Expression::Object(o) if o.len() > MAX_MEMBERS => Some(Shape::bare(Kind::Object)),
        Expression::Array(items) => Some(Shape {
            kind: Kind::Tuple,
            attrs: Vec::new(),
            elems: items.iter().map(|x| shape_at(x, env, hops + 1)).collect(),
            open_elements: None,
        }),
        // `tolist([])`, `tomap({})`, `toset([])`: no element to fix the type.
        Expression::FuncCall(c)
            if c.name.namespace.is_empty()
                && matches!(c.name.name.as_str(), "tolist" | "tomap" | "toset")
                && c.args.len() == 1
                && c.args.iter().next().is_some_and(|a| match a {
                    Expression::Array(items) => items.is_empty(),
                    Expression::Object(o) => o.is_empty(),
                    _ => false,
                }) =>
        {
            let mut sh = Shape::bare(kind_at(e)?);
            sh.open_elements = Some(true);
            Some(sh)
        }
        Expression::Object(o) => Some(Shape {
            kind: Kind::Object,
            attrs: o
                .iter()
                .filter_map(|(k, v)| {
                    let name = match k {
                        ObjectKey::Ident(id) => id.value().as_str().to_string(),
                        ObjectKey::Expression(Expression::String(s)) => s.value().to_string(),
                        ObjectKey::Expression(_) => return None,
                    };
                    Some((name, shape_at(v.expr(), env, hops + 1)))
                })
                .collect(),
            elems: Vec::new(),
            open_elements: None,
        }),
        Expression::Traversal(t) => {
            let Expression::Variable(root) = &t.expr else {
                return None;
            };
            let mut ops = t.operators.iter().map(|o| o.value());
            let Some(TraversalOperator::GetAttr(name)) = ops.next() else {
                return None;
            };
            let rest: Vec<&TraversalOperator> = ops.collect();
            match root.value().as_str() {
                "var" => {
                    let ty = walk_type(env.var_type(name.value().as_str())?, &rest)?;
                    shape_of_type(ty)
                }
                "local" if rest.is_empty() => {
                    shape_at(env.local_expr(name.value().as_str())?, env, hops + 1)
                }
                _ => None,
            }
        }
        other => kind_at(other).map(Shape::bare),
    }
}

fn shape_of_type(ty: &Ty) -> Option<Shape> {
    Some(match ty {
        Ty::Object(attrs) => Shape {
            kind: Kind::Object,
            attrs: attrs
                .iter()
                .map(|a| (a.name.clone(), shape_of_type(&a.ty)))
                .collect(),
            elems: Vec::new(),
            open_elements: None,
        },
        Ty::Tuple(tys) => Shape {
            kind: Kind::Tuple,
            attrs: Vec::new(),
            elems: tys.iter().map(shape_of_type).collect(),
            open_elements: None,
        },
        // A declared element type other than `any` is fixed.
        Ty::List(el) | Ty::Map(el) | Ty::Set(el) => {
            let mut sh = Shape::bare(kind_of_type(ty)?);
            if !matches!(**el, Ty::Any) {
                sh.open_elements = Some(false);
            }
            sh
        }
        other => Shape::bare(kind_of_type(other)?),
    })
}

/// Whether two shapes make the operands' types differ, at the top or in a
/// member both sides show.
pub fn shapes_differ(a: Option<&Shape>, b: Option<&Shape>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    if kinds_differ(Some(a.kind), Some(b.kind)) {
        return true;
    }
    if a.kind == b.kind {
        if let (Some(x), Some(y)) = (a.open_elements, b.open_elements) {
            if x != y {
                return true;
            }
        }
    }
    let attrs = a.attrs.iter().any(|(name, x)| {
        b.attrs
            .iter()
            .find(|(n, _)| n == name)
            .is_some_and(|(_, y)| shapes_differ(x.as_ref(), y.as_ref()))
    });
    let elems = a.elems.len() == b.elems.len()
        && a.elems
            .iter()
            .zip(&b.elems)
            .any(|(x, y)| shapes_differ(x.as_ref(), y.as_ref()));
    attrs || elems
}
