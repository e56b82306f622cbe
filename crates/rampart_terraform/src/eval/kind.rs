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
//! kind is not known and equality compares values only.

use hcl_edit::expr::{Expression, TraversalOperator};

use crate::types::Ty;

/// A collection kind that matters to equality.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    List,
    Tuple,
    Map,
    Object,
}

/// How deep the walk through locals goes.
const MAX_HOPS: usize = 16;

/// Declared types of variables and the expressions of locals, for
/// [`kind_of`]; the module loader implements it.
pub trait KindEnv {
    /// The declared type of variable `name`, if it has one.
    fn var_type(&self, name: &str) -> Option<&Ty>;
    /// The expression that defines local `name`.
    fn local_expr(&self, name: &str) -> Option<&Expression>;
}

/// The kind of `e`, when it is certain.
pub fn kind_of(e: &Expression, env: &dyn KindEnv) -> Option<Kind> {
    kind_at(e, env, 0)
}

fn kind_at(e: &Expression, env: &dyn KindEnv, hops: usize) -> Option<Kind> {
    match e {
        Expression::Parenthesis(p) => kind_at(p.inner(), env, hops),
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
                _ => None,
            }
        }
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
                    kind_of_type(ty)
                }
                "local" if rest.is_empty() && hops < MAX_HOPS => {
                    kind_at(env.local_expr(name.value().as_str())?, env, hops + 1)
                }
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
