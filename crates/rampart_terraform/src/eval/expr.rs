//! The expression evaluator over hcl-edit's syntax tree.
//!
//! [`Cx`] evaluates one expression in a scope; names that are not local
//! iteration variables (`var`, `local`, `module`, `data`, resource types,
//! `path`, `terraform`, ...) are resolved by an [`Env`], which the module loader
//! implements with lazy, memoised evaluation.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use hcl_edit::expr::{BinaryOperator, Expression, ForExpr, FuncCall, ObjectKey, TraversalOperator};
use hcl_edit::template::{Element, HeredocTemplate, Template};
use hcl_edit::Span as _;
use rampart_model::{Diagnostic, FileId, Number, Span, Value};
use rampart_tf_functions::{FnCtx, FnError};

use super::kind::{shape_of, shapes_differ, KindEnv};
use super::ops::{self, unknown_of, RESOURCE_MARKER};
use super::template::{self, Part};

/// Deepest expression nesting the evaluator follows before giving up with an
/// error (the parser already limits syntax nesting; templates rendered by
/// `templatefile` and reference chains add to it).
pub const MAX_DEPTH: usize = 256;

/// Largest value an expression may build, counted roughly as 128 bytes per
/// element (about what a tree of values takes in memory) plus the length of
/// strings and object keys.
pub const MAX_VALUE_BYTES: usize = 64 * 1024 * 1024;

/// Most weight of large values (over 1 MiB each) one evaluation thread may
/// build in total: values that fail [`MAX_VALUE_BYTES`] become unknown and a
/// doubling chain of locals would otherwise grow again from there.
pub const MAX_BUILT_BYTES: usize = 8 * MAX_VALUE_BYTES;

thread_local! {
    static BUILT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The weight of `v`, or `limit + 1` once it is over `limit` (the walk stops there).
fn value_weight(v: &Value, limit: usize) -> usize {
    let mut total: usize = 0;
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        total += 128
            + match v {
                Value::String(s) => s.len(),
                Value::Object(m) => m.keys().map(String::len).sum(),
                _ => 0,
            };
        if total > limit {
            return limit + 1;
        }
        match v {
            Value::List(xs) | Value::Set(xs) => stack.extend(xs.iter()),
            Value::Object(m) => stack.extend(m.values()),
            Value::Sensitive(b) => stack.push(b),
            _ => {}
        }
    }
    total
}

/// Why a built value is refused, if it is.
fn value_too_large(v: &Value) -> Option<String> {
    let w = value_weight(v, MAX_VALUE_BYTES);
    if w > MAX_VALUE_BYTES {
        return Some(format!(
            "Value too large: this expression builds a value of more than {} MiB",
            MAX_VALUE_BYTES / (1024 * 1024)
        ));
    }
    if w > 1024 * 1024 {
        let built = BUILT.with(|b| {
            let n = b.get().saturating_add(w);
            b.set(n);
            n
        });
        if built > MAX_BUILT_BYTES {
            return Some(format!(
                "Value too large: this module's expressions built more than {} MiB of large values",
                MAX_BUILT_BYTES / (1024 * 1024)
            ));
        }
    }
    None
}

/// An evaluation error: Terraform-like text and where it happened.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalError {
    pub message: String,
    pub span: Option<Span>,
}

impl EvalError {
    pub fn new(message: impl Into<String>, span: Option<Span>) -> Self {
        EvalError {
            message: message.into(),
            span,
        }
    }
}

/// One step after a reference's root name: `.name` or `[key]` (key evaluated).
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Attr(String),
    Index(Value),
}

impl Step {
    pub fn as_attr(&self) -> Option<&str> {
        match self {
            Step::Attr(a) => Some(a),
            Step::Index(Value::String(s)) => Some(s),
            Step::Index(_) => None,
        }
    }
}

/// Resolves the names an expression can refer to.
pub trait Env {
    /// Resolve the reference `root` followed by `steps` (the traversal up to
    /// its first splat). Returns the value and how many steps it consumed; the
    /// evaluator applies the remaining steps. Resource instance addresses the
    /// reference depends on are added with [`Cx::add_ref`].
    fn resolve(
        &self,
        cx: &mut Cx<'_>,
        root: &str,
        steps: &[Step],
        span: Option<Span>,
    ) -> Result<(Value, usize), EvalError>;
    /// `path.module` of the module being evaluated.
    fn module_dir(&self) -> &Path;
    /// File functions may not read outside this directory.
    fn confine_to(&self) -> &Path;
    /// Report a diagnostic (warnings and notes met during evaluation).
    fn diag(&self, d: Diagnostic);
    /// The text of a source file (to re-read heredocs exactly).
    fn source_text(&self, _file: FileId) -> Option<std::sync::Arc<rampart_source::SourceFile>> {
        None
    }
    /// Declared variable types and local expressions, for the type check of
    /// `==` ([`super::kind`]).
    fn kinds(&self) -> Option<&dyn KindEnv> {
        None
    }
}

/// Evaluation state for one expression (and the expressions it pulls in).
pub struct Cx<'e> {
    pub env: &'e dyn Env,
    /// File the expression was read from (for spans).
    pub file: FileId,
    /// Local names (for-expression variables, `each`, `count`, dynamic block
    /// iterators, template variables), innermost last.
    pub scope: Vec<(String, Value)>,
    /// Resource instance addresses referred to so far.
    pub refs: Vec<String>,
    /// When false, spans are not reported (templates read from other files).
    pub with_spans: bool,
    /// Added to parser byte ranges (templates re-parsed from a file slice).
    offset: usize,
    depth: usize,
}

#[derive(Debug, Clone)]
enum Op {
    Attr(String),
    Index(Value),
    AttrSplat,
    FullSplat,
}

impl<'e> Cx<'e> {
    pub fn new(env: &'e dyn Env, file: FileId) -> Self {
        Cx {
            env,
            file,
            scope: Vec::new(),
            refs: Vec::new(),
            with_spans: true,
            offset: 0,
            depth: 0,
        }
    }

    /// A span in the current file from a parser byte range.
    pub fn span(&self, r: Option<Range<usize>>) -> Option<Span> {
        if !self.with_spans {
            return None;
        }
        r.map(|r| Span::new(self.file, r.start + self.offset, r.end + self.offset))
    }

    pub fn add_ref(&mut self, r: impl Into<String>) {
        let r = r.into();
        if !self.refs.contains(&r) {
            self.refs.push(r);
        }
    }

    pub fn add_refs(&mut self, rs: &[String]) {
        for r in rs {
            if !self.refs.contains(r) {
                self.refs.push(r.clone());
            }
        }
    }

    /// Evaluate an expression.
    pub fn eval(&mut self, e: &Expression) -> Result<Value, EvalError> {
        if self.depth >= MAX_DEPTH {
            return Err(EvalError::new(
                format!("Expression too deeply nested: more than {MAX_DEPTH} levels"),
                self.span(e.span()),
            ));
        }
        self.depth += 1;
        let r = self.eval_inner(e);
        self.depth -= 1;
        // Values are trees: a chain of locals that each double the previous
        // one would otherwise grow until memory runs out. Only expressions
        // that build values are checked (references clone checked values).
        if let Ok(v) = &r {
            let builds = matches!(
                e,
                Expression::Array(_)
                    | Expression::Object(_)
                    | Expression::FuncCall(_)
                    | Expression::ForExpr(_)
                    | Expression::StringTemplate(_)
                    | Expression::HeredocTemplate(_)
            );
            if let Some(msg) = builds.then(|| value_too_large(v)).flatten() {
                return Err(EvalError::new(msg, self.span(e.span())));
            }
        }
        r
    }

    fn eval_inner(&mut self, e: &Expression) -> Result<Value, EvalError> {
        match e {
            Expression::Null(_) => Ok(Value::Null),
            Expression::Bool(b) => Ok(Value::Bool(*b.value())),
            Expression::Number(n) => Ok(Value::Number(number_literal(n))),
            Expression::String(s) => Ok(Value::String(nfc(s.value()))),
            Expression::Array(a) => {
                let mut out = Vec::with_capacity(a.len());
                for x in a.iter() {
                    out.push(self.eval(x)?);
                }
                Ok(Value::List(out))
            }
            Expression::Object(o) => {
                let mut out = BTreeMap::new();
                let mut unknown: Option<Vec<String>> = None;
                for (k, v) in o.iter() {
                    let key = match k {
                        ObjectKey::Ident(id) => id.value().as_str().to_string(),
                        ObjectKey::Expression(Expression::Variable(id)) => {
                            id.value().as_str().to_string()
                        }
                        ObjectKey::Expression(ke) => {
                            let kv = self.eval(ke)?;
                            if kv.is_unknown() {
                                unknown.get_or_insert_with(Vec::new);
                                if let Some(u) = unknown.as_mut() {
                                    kv.unknown_refs(u);
                                }
                                continue;
                            }
                            match kv.unmarked() {
                                Value::Null => {
                                    return Err(EvalError::new(
                                        "Invalid object key: key expression result is null",
                                        self.span(ke.span()),
                                    ))
                                }
                                other => ops::to_template_string(other).map_err(|_| {
                                    EvalError::new(
                                        "Invalid object key: a string is required",
                                        self.span(ke.span()),
                                    )
                                })?,
                            }
                        }
                    };
                    let val = self.eval(v.expr())?;
                    out.insert(key, val);
                }
                match unknown {
                    Some(refs) => Ok(Value::unknown_from(refs)),
                    None => Ok(Value::Object(out)),
                }
            }
            Expression::StringTemplate(t) => self.eval_template(t, true),
            Expression::HeredocTemplate(h) => self.eval_heredoc(h),
            Expression::Parenthesis(p) => self.eval(p.inner()),
            Expression::Variable(v) => {
                self.eval_reference(v.value().as_str(), Vec::new(), self.span(v.span()))
            }
            Expression::Conditional(c) => {
                let cond = self.eval(&c.cond_expr)?;
                let (cond, marked) = cond.unmark();
                if cond.is_unknown() {
                    let t = self.eval(&c.true_expr).unwrap_or_default();
                    let f = self.eval(&c.false_expr).unwrap_or_default();
                    return Ok(unknown_of(&[&cond, &t, &f]).mark(marked));
                }
                let b = ops::to_bool(&cond).map_err(|m| {
                    EvalError::new(
                        format!("Incorrect condition type: {m}"),
                        self.span(c.cond_expr.span()),
                    )
                })?;
                let (chosen, other) = if b {
                    (&c.true_expr, &c.false_expr)
                } else {
                    (&c.false_expr, &c.true_expr)
                };
                let v = self.eval(chosen)?;
                let v = if matches!(v.unmarked(), Value::Number(_) | Value::Bool(_)) {
                    let saved = self.refs.len();
                    let o = self.eval(other).unwrap_or_default();
                    self.refs.truncate(saved);
                    ops::unify_primitive(v, &o)
                } else {
                    v
                };
                Ok(v.mark(marked))
            }
            Expression::FuncCall(f) => self.eval_call(f),
            Expression::Traversal(t) => {
                let span = self.span(t.span());
                let mut opsv = Vec::with_capacity(t.operators.len());
                for op in &t.operators {
                    opsv.push(match op.value() {
                        TraversalOperator::GetAttr(id) => Op::Attr(id.value().as_str().to_string()),
                        TraversalOperator::Index(ix) => Op::Index(self.eval(ix)?),
                        TraversalOperator::LegacyIndex(n) => {
                            Op::Index(Value::from(*n.value() as i64))
                        }
                        TraversalOperator::AttrSplat(_) => Op::AttrSplat,
                        TraversalOperator::FullSplat(_) => Op::FullSplat,
                    });
                }
                match &t.expr {
                    Expression::Variable(v) => self.eval_reference(v.value().as_str(), opsv, span),
                    other => {
                        let base = self.eval(other)?;
                        apply_ops(base, &opsv).map_err(|m| EvalError::new(m, span))
                    }
                }
            }
            Expression::UnaryOp(u) => {
                let v = self.eval(&u.expr)?;
                ops::unary(*u.operator.value(), v)
                    .map_err(|m| EvalError::new(m, self.span(u.span())))
            }
            Expression::BinaryOp(b) => {
                let l = self.eval(&b.lhs_expr)?;
                let r = self.eval(&b.rhs_expr)?;
                let op = *b.operator.value();
                if matches!(op, BinaryOperator::Eq | BinaryOperator::NotEq) {
                    if let Some(env) = self.env.kinds() {
                        let (l_shape, r_shape) =
                            (shape_of(&b.lhs_expr, env), shape_of(&b.rhs_expr, env));
                        if shapes_differ(l_shape.as_ref(), r_shape.as_ref()) {
                            let marked = l.is_sensitive() || r.is_sensitive();
                            let ne = matches!(op, BinaryOperator::NotEq);
                            return Ok(Value::Bool(ne).mark(marked));
                        }
                    }
                }
                ops::binary(*b.operator.value(), l, r)
                    .map_err(|m| EvalError::new(m, self.span(b.span())))
            }
            Expression::ForExpr(f) => self.eval_for(f),
        }
    }

    fn eval_reference(
        &mut self,
        root: &str,
        opsv: Vec<Op>,
        span: Option<Span>,
    ) -> Result<Value, EvalError> {
        if let Some(i) = self.scope.iter().rposition(|(n, _)| n == root) {
            // Walk by reference as far as possible, clone only what is needed.
            let mut cur: &Value = match self.scope.get(i) {
                Some((_, v)) => v,
                None => return Err(EvalError::new("internal scope error", span)),
            };
            let mut used = 0;
            for op in &opsv {
                let next = match (op, cur) {
                    (Op::Attr(a), Value::Object(m)) => m.get(a.as_str()),
                    (Op::Index(Value::String(k)), Value::Object(m)) => m.get(k.as_str()),
                    (Op::Index(Value::Number(n)), Value::List(items)) => n
                        .to_i64()
                        .and_then(|i| usize::try_from(i).ok())
                        .and_then(|i| items.get(i)),
                    _ => None,
                };
                match next {
                    Some(n) => {
                        cur = n;
                        used += 1;
                    }
                    None => break,
                }
            }
            let base = cur.clone();
            return apply_ops(base, opsv.get(used..).unwrap_or(&[]))
                .map_err(|m| EvalError::new(m, span));
        }
        let n = opsv
            .iter()
            .position(|o| matches!(o, Op::AttrSplat | Op::FullSplat))
            .unwrap_or(opsv.len());
        let steps: Vec<Step> = opsv
            .iter()
            .take(n)
            .map(|o| match o {
                Op::Attr(a) => Step::Attr(a.clone()),
                Op::Index(v) => Step::Index(v.clone()),
                Op::AttrSplat | Op::FullSplat => Step::Attr(String::new()),
            })
            .collect();
        let env = self.env;
        let (v, used) = env.resolve(self, root, &steps, span)?;
        apply_ops(v, opsv.get(used.min(opsv.len())..).unwrap_or(&[]))
            .map_err(|m| EvalError::new(m, span))
    }

    fn eval_for(&mut self, f: &ForExpr) -> Result<Value, EvalError> {
        let span = self.span(f.span());
        let coll = self.eval(&f.intro.collection_expr)?;
        let (coll, marked) = coll.unmark();
        let items: Vec<(Value, Value)> = match coll {
            Value::List(v) => v
                .into_iter()
                .enumerate()
                .map(|(i, x)| (Value::from(i as i64), x))
                .collect(),
            Value::Set(v) => v.into_iter().map(|x| (x.clone(), x)).collect(),
            Value::Object(m) => m.into_iter().map(|(k, x)| (Value::String(k), x)).collect(),
            Value::Unknown(u) => return Ok(Value::Unknown(u).mark(marked)),
            Value::Null => {
                return Err(EvalError::new(
                    "Iteration over null value: a null value cannot be used as the collection in a 'for' expression",
                    span,
                ))
            }
            other => {
                return Err(EvalError::new(
                    format!(
                        "Iteration over non-iterable value: a value of type {} cannot be used as the collection in a 'for' expression",
                        other.type_name()
                    ),
                    span,
                ))
            }
        };
        let key_var = f
            .intro
            .key_var
            .as_ref()
            .map(|k| k.value().as_str().to_string());
        let val_var = f.intro.value_var.value().as_str().to_string();
        let base = self.scope.len();
        let mut list = Vec::new();
        let mut obj: BTreeMap<String, Value> = BTreeMap::new();
        let mut groups: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        let mut unknown: Option<Vec<String>> = None;
        let mut result: Result<(), EvalError> = Ok(());
        for (k, v) in items {
            self.scope.truncate(base);
            if let Some(kv) = &key_var {
                self.scope.push((kv.clone(), k));
            }
            self.scope.push((val_var.clone(), v));
            let step = (|| -> Result<(), EvalError> {
                if let Some(c) = &f.cond {
                    let cv = self.eval(&c.expr)?;
                    if cv.is_unknown() {
                        let u = unknown.get_or_insert_with(Vec::new);
                        cv.unknown_refs(u);
                        return Ok(());
                    }
                    let b = ops::to_bool(&cv).map_err(|m| {
                        EvalError::new(
                            format!("Invalid 'for' condition: {m}"),
                            self.span(c.expr.span()),
                        )
                    })?;
                    if !b {
                        return Ok(());
                    }
                }
                match &f.key_expr {
                    Some(ke) => {
                        let kv = self.eval(ke)?;
                        if kv.is_unknown() {
                            let u = unknown.get_or_insert_with(Vec::new);
                            kv.unknown_refs(u);
                            return Ok(());
                        }
                        let key = ops::to_template_string(&kv).map_err(|_| {
                            EvalError::new(
                                "Invalid object key: a string is required",
                                self.span(ke.span()),
                            )
                        })?;
                        let vv = self.eval(&f.value_expr)?;
                        if f.grouping {
                            groups.entry(key).or_default().push(vv);
                        } else {
                            match obj.entry(key) {
                                std::collections::btree_map::Entry::Occupied(o) => {
                                    return Err(EvalError::new(
                                        format!("Duplicate object key: two different items produced the key \"{}\" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.", o.key()),
                                        self.span(ke.span()),
                                    ));
                                }
                                std::collections::btree_map::Entry::Vacant(v) => {
                                    v.insert(vv);
                                }
                            }
                        }
                    }
                    None => list.push(self.eval(&f.value_expr)?),
                }
                Ok(())
            })();
            if let Err(e) = step {
                result = Err(e);
                break;
            }
        }
        self.scope.truncate(base);
        result?;
        if let Some(refs) = unknown {
            return Ok(Value::unknown_from(refs).mark(marked));
        }
        let out = if f.key_expr.is_some() {
            if f.grouping {
                Value::Object(
                    groups
                        .into_iter()
                        .map(|(k, v)| (k, Value::List(v)))
                        .collect(),
                )
            } else {
                Value::Object(obj)
            }
        } else {
            Value::List(list)
        };
        Ok(out.mark(marked))
    }

    fn eval_call(&mut self, call: &FuncCall) -> Result<Value, EvalError> {
        let span = self.span(call.span());
        let name = call.name.name.value().as_str();
        if call.name.is_namespaced() {
            let ns: Vec<&str> = call
                .name
                .namespace
                .iter()
                .map(|n| n.value().as_str())
                .collect();
            if ns == ["provider", "aws"] {
                let mut args = Vec::with_capacity(call.args.len());
                for a in call.args.iter() {
                    args.push(self.eval(a)?);
                }
                if args.iter().any(|a| !a.is_wholly_known()) {
                    let refs: Vec<&Value> = args.iter().collect();
                    return Ok(unknown_of(&refs));
                }
                let marked = args.iter().any(Value::has_sensitive);
                let plain: Vec<Value> = args.into_iter().map(|a| a.unmark().0).collect();
                if let Some(r) = super::provider_fns::call_aws(name, &plain) {
                    return r.map(|v| v.mark(marked)).map_err(|m| {
                        EvalError::new(format!("Error in function call: Call to function \"provider::aws::{name}\" failed: {m}"), span)
                    });
                }
            }
            if ns != ["core"] {
                for a in call.args.iter() {
                    let _ = self.eval(a);
                }
                self.env.diag(
                    Diagnostic::note(
                        "provider-function",
                        format!(
                            "Provider-defined function {}::{name} is not evaluated; its result is unknown",
                            ns.join("::")
                        ),
                    )
                    .with_span_opt(span),
                );
                return Ok(Value::unknown());
            }
        }
        match name {
            "try" => {
                for a in call.args.iter() {
                    if let Ok(v) = self.eval(a) {
                        if !v.is_wholly_known() {
                            return Ok(unknown_of(&[&v]));
                        }
                        return Ok(v);
                    }
                }
                return Err(EvalError::new(
                    "Error in function call: Call to function \"try\" failed: no expression succeeded",
                    span,
                ));
            }
            "can" => {
                let Some(a) = call.args.iter().next() else {
                    return Err(EvalError::new(
                        "Not enough function arguments: function \"can\" expects 1 argument",
                        span,
                    ));
                };
                return Ok(match self.eval(a) {
                    Ok(v) if !v.is_wholly_known() => unknown_of(&[&v]),
                    Ok(_) => Value::Bool(true),
                    Err(_) => Value::Bool(false),
                });
            }
            _ => {}
        }
        let mut args = Vec::with_capacity(call.args.len());
        for a in call.args.iter() {
            args.push(self.eval(a)?);
        }
        if call.args.expand_final() {
            if let Some(last) = args.pop() {
                let (last, marked) = last.unmark();
                match last {
                    Value::List(items) | Value::Set(items) => {
                        args.extend(items.into_iter().map(|x| x.mark(marked)))
                    }
                    Value::Unknown(u) => return Ok(Value::Unknown(u)),
                    _ => {
                        return Err(EvalError::new(
                            "Invalid expanding argument value: the expanding argument (indicated by ...) must be of a tuple, list, or set type",
                            span,
                        ))
                    }
                }
            }
        }
        if args.iter().any(Value::is_unknown) {
            let refs: Vec<&Value> = args.iter().collect();
            return Ok(unknown_of(&refs));
        }
        let env = self.env;
        let file = self.file;
        if name == "templatestring" && !rampart_tf_functions::exists("templatestring") {
            return self.templatestring(args, span);
        }
        let render = move |text: &str, vars: &BTreeMap<String, Value>| {
            render_template_text(env, file, text, vars)
        };
        let fctx = FnCtx {
            module_dir: env.module_dir(),
            confine_to: env.confine_to(),
            render_template: &render,
        };
        match rampart_tf_functions::call(name, args, &fctx) {
            Ok(v) => Ok(v),
            Err(FnError::UnknownFunction(_)) => {
                env.diag(
                    Diagnostic::warning(
                        "unknown-function",
                        format!(
                            "Call to unknown function \"{name}\"; its result is treated as unknown"
                        ),
                    )
                    .with_span_opt(span),
                );
                Ok(Value::unknown())
            }
            Err(FnError::NotKnowable(m)) => {
                env.diag(
                    Diagnostic::note(
                        "known-after-apply",
                        format!("The result of \"{name}\" is known only after apply: {m}"),
                    )
                    .with_span_opt(span),
                );
                Ok(Value::unknown())
            }
            Err(FnError::Invalid(m)) => Err(EvalError::new(
                format!("Error in function call: Call to function \"{name}\" failed: {m}"),
                span,
            )),
        }
    }

    /// `templatestring(template, vars)`: render a template held in a string.
    fn templatestring(&mut self, args: Vec<Value>, span: Option<Span>) -> Result<Value, EvalError> {
        let fail = |m: String| {
            EvalError::new(
                format!("Error in function call: Call to function \"templatestring\" failed: {m}"),
                span,
            )
        };
        let mut it = args.into_iter();
        let (Some(t), Some(vars), None) = (it.next(), it.next(), it.next()) else {
            return Err(fail("templatestring expects 2 arguments".into()));
        };
        let (t, tm) = t.unmark();
        let (vars, vm) = vars.unmark();
        let Value::String(text) = t else {
            return Err(fail("the template must be a string".into()));
        };
        let Value::Object(vars) = vars else {
            return Err(fail(
                "the variables must be given as an object or map".into(),
            ));
        };
        render_template_text(self.env, self.file, &text, &vars)
            .map(|v| v.mark(tm || vm))
            .map_err(fail)
    }

    /// Evaluate a template. With `single`, a template made of one
    /// interpolation gives that value unchanged (any type), as HCL does.
    pub fn eval_template(&mut self, t: &Template, single: bool) -> Result<Value, EvalError> {
        if single {
            let mut it = t.iter();
            if let (Some(Element::Interpolation(i)), None) = (it.next(), it.next()) {
                return self.eval(&i.expr);
            }
        }
        let parts = template::build(t);
        let mut acc = Acc::default();
        self.render(&parts, &mut acc)?;
        Ok(acc.finish())
    }

    fn eval_heredoc(&mut self, h: &HeredocTemplate) -> Result<Value, EvalError> {
        if h.indent().is_some() {
            // hcl-edit strips the indentation of top-level lines only; redo it
            // from the source text the way HCL does.
            if let Some((content, offset)) = self.heredoc_source(h) {
                if let Ok(raw) = hcl_edit::parser::parse_template(&content) {
                    let mut parts = template::build(&raw);
                    template::dedent(&mut parts);
                    let saved = self.offset;
                    self.offset = offset;
                    let mut acc = Acc::default();
                    let r = self.render(&parts, &mut acc);
                    self.offset = saved;
                    r?;
                    return Ok(acc.finish());
                }
            }
        }
        let parts = template::build(&h.template);
        let mut acc = Acc::default();
        self.render(&parts, &mut acc)?;
        Ok(acc.finish())
    }

    /// The text between a heredoc's opening line and its closing delimiter,
    /// with its byte offset in the file.
    fn heredoc_source(&self, h: &HeredocTemplate) -> Option<(String, usize)> {
        let r = h.span()?;
        let file = self.env.source_text(self.file)?;
        let text = file.text.get(r.clone())?;
        let first_nl = text.find('\n')?;
        let body = text.trim_end_matches(['\n', '\r']);
        let last_nl = body.rfind('\n')?;
        if last_nl < first_nl {
            return Some((String::new(), r.start + first_nl + 1));
        }
        let content = text.get(first_nl + 1..=last_nl)?;
        Some((content.to_string(), r.start + first_nl + 1))
    }

    fn render(&mut self, parts: &[Part<'_>], acc: &mut Acc) -> Result<(), EvalError> {
        for p in parts {
            match p {
                Part::Lit(s) => acc.s.push_str(s),
                Part::Interp(e) => {
                    let v = self.eval(e)?;
                    acc.add(v)
                        .map_err(|m| EvalError::new(m, self.span(e.span())))?;
                }
                Part::If {
                    cond, then, els, ..
                } => {
                    let c = self.eval(cond)?;
                    let (c, marked) = c.unmark();
                    acc.marked |= marked;
                    if c.is_unknown() {
                        acc.unknown = true;
                        c.unknown_refs(&mut acc.refs);
                        continue;
                    }
                    let b = ops::to_bool(&c).map_err(|m| {
                        EvalError::new(
                            format!("Invalid template directive condition: {m}"),
                            self.span(cond.span()),
                        )
                    })?;
                    self.render(if b { then } else { els }, acc)?;
                }
                Part::For {
                    key,
                    val,
                    coll,
                    body,
                } => {
                    let cv = self.eval(coll)?;
                    let (cv, marked) = cv.unmark();
                    acc.marked |= marked;
                    let items: Vec<(Value, Value)> = match cv {
                        Value::List(v) => v
                            .into_iter()
                            .enumerate()
                            .map(|(i, x)| (Value::from(i as i64), x))
                            .collect(),
                        Value::Set(v) => v.into_iter().map(|x| (x.clone(), x)).collect(),
                        Value::Object(m) => {
                            m.into_iter().map(|(k, x)| (Value::String(k), x)).collect()
                        }
                        Value::Unknown(u) => {
                            acc.unknown = true;
                            for r in u.refs {
                                if !acc.refs.contains(&r) {
                                    acc.refs.push(r);
                                }
                            }
                            continue;
                        }
                        other => {
                            return Err(EvalError::new(
                                format!(
                                    "Iteration over non-iterable value of type {}",
                                    other.type_name()
                                ),
                                self.span(coll.span()),
                            ))
                        }
                    };
                    let base = self.scope.len();
                    let mut res = Ok(());
                    for (k, v) in items {
                        self.scope.truncate(base);
                        if let Some(kn) = key {
                            self.scope.push((kn.clone(), k));
                        }
                        self.scope.push((val.clone(), v));
                        res = self.render(body, acc);
                        if res.is_err() {
                            break;
                        }
                    }
                    self.scope.truncate(base);
                    res?;
                }
            }
        }
        Ok(())
    }
}

/// HCL normalises string literals to Unicode NFC.
/// A number literal as Terraform reads it: from its text, at 512 bits, with
/// the sign of `-0` kept (the parser's own value is a double or an integer).
pub fn number_literal(n: &hcl_edit::Formatted<hcl_edit::Number>) -> Number {
    let text: String = n
        .as_repr()
        .map(|r| r.chars().filter(|c| !c.is_whitespace()).collect())
        .unwrap_or_default();
    if let Some(x) = Number::parse(&text) {
        return x;
    }
    let v = n.value();
    if let Some(i) = v.as_i64() {
        Number::from_i64(i)
    } else if let Some(u) = v.as_u64() {
        Number::from_u64(u)
    } else {
        v.as_f64()
            .and_then(Number::from_f64)
            .unwrap_or_else(Number::zero)
    }
}

pub fn nfc(s: &str) -> String {
    if s.is_ascii() {
        s.to_string()
    } else {
        use unicode_normalization::UnicodeNormalization;
        s.nfc().collect()
    }
}

#[derive(Default)]
struct Acc {
    s: String,
    unknown: bool,
    refs: Vec<String>,
    marked: bool,
}

impl Acc {
    fn add(&mut self, v: Value) -> Result<(), String> {
        let (v, marked) = v.unmark();
        self.marked |= marked;
        if v.is_unknown() {
            self.unknown = true;
            v.unknown_refs(&mut self.refs);
            return Ok(());
        }
        if v.has_sensitive() {
            self.marked = true;
        }
        let s = ops::to_template_string(&v)?;
        self.s.push_str(&s);
        Ok(())
    }

    fn finish(self) -> Value {
        let v = if self.unknown {
            Value::unknown_from(self.refs)
        } else {
            Value::String(self.s)
        };
        v.mark(self.marked)
    }
}

/// Apply traversal steps to a value.
fn apply_ops(mut v: Value, opsv: &[Op]) -> Result<Value, String> {
    let mut i = 0;
    while let Some(op) = opsv.get(i) {
        match op {
            Op::Attr(a) => v = get_attr(v, a)?,
            Op::Index(k) => v = index(v, k)?,
            Op::FullSplat => {
                let rest = opsv.get(i + 1..).unwrap_or(&[]);
                return splat(v, rest);
            }
            Op::AttrSplat => {
                let mut j = i + 1;
                while matches!(opsv.get(j), Some(Op::Attr(_))) {
                    j += 1;
                }
                v = splat(v, opsv.get(i + 1..j).unwrap_or(&[]))?;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    Ok(v)
}

fn splat(v: Value, rest: &[Op]) -> Result<Value, String> {
    let (v, marked) = v.unmark();
    let out = match v {
        Value::Unknown(u) => Value::Unknown(u),
        Value::Null => Value::List(Vec::new()),
        Value::List(items) | Value::Set(items) => {
            let mut out = Vec::with_capacity(items.len());
            for x in items {
                out.push(apply_ops(x, rest)?);
            }
            Value::List(out)
        }
        other => Value::List(vec![apply_ops(other, rest)?]),
    };
    Ok(out.mark(marked))
}

/// `v.name`.
pub fn get_attr(v: Value, name: &str) -> Result<Value, String> {
    let (v, marked) = v.unmark();
    let r = match v {
        Value::Unknown(u) => Value::Unknown(u),
        Value::Null => return Err(format!("Attempt to get attribute \"{name}\" from null value: this value is null, so it does not have any attributes.")),
        Value::Object(mut m) => match m.remove(name) {
            Some(x) => x,
            None => match m.get(RESOURCE_MARKER).and_then(|a| a.as_str()) {
                Some(addr) => Value::unknown_from(vec![addr.to_string()]),
                None => return Err(format!("Unsupported attribute: this object does not have an attribute named \"{name}\".")),
            },
        },
        Value::List(_) | Value::Set(_) => {
            return Err(format!("Unsupported attribute: can't access attributes on a list of objects. Did you mean to access attribute \"{name}\" for a specific element of the list, or across all elements of the list?"))
        }
        other => {
            return Err(format!(
                "Unsupported attribute: can't access attributes on a primitive-typed value ({}).",
                other.type_name()
            ))
        }
    };
    Ok(r.mark(marked))
}

/// `v[key]`.
pub fn index(v: Value, key: &Value) -> Result<Value, String> {
    let (v, marked) = v.unmark();
    let (key, kmarked) = key.clone().unmark();
    let marked = marked || kmarked;
    if v.is_unknown() || key.is_unknown() {
        return Ok(unknown_of(&[&v, &key]).mark(marked));
    }
    let r = match v {
        Value::Null => return Err("Attempt to index null value: this value is null, so it does not have any indices.".into()),
        Value::List(mut items) => {
            let n = ops::to_number(&key).map_err(|_| "Invalid index: the given key does not identify an element in this collection value: a number is required.".to_string())?;
            let Some(i) = n.to_i64().and_then(|i| usize::try_from(i).ok()).filter(|i| *i < items.len()) else {
                return Err("Invalid index: the given key does not identify an element in this collection value.".into());
            };
            items.swap_remove(i)
        }
        Value::Object(mut m) => {
            let k = ops::to_template_string(&key).map_err(|_| "Invalid index: the given key does not identify an element in this collection value: a string is required.".to_string())?;
            match m.remove(&k) {
                Some(x) => x,
                None => match m.get(RESOURCE_MARKER).and_then(|a| a.as_str()) {
                    Some(addr) => Value::unknown_from(vec![addr.to_string()]),
                    None => return Err(format!("Invalid index: the given key does not identify an element in this collection value (no key \"{k}\").")),
                },
            }
        }
        Value::Set(_) => return Err("Invalid index: elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.".into()),
        other => return Err(format!("Invalid index: this value does not have any indices (it is a {}).", other.type_name())),
    };
    Ok(r.mark(marked))
}

/// Environment for templates rendered by `templatefile`: only the given
/// variables (placed in scope) and functions are available.
struct TemplateEnv<'a> {
    inner: &'a dyn Env,
}

impl Env for TemplateEnv<'_> {
    fn resolve(
        &self,
        _cx: &mut Cx<'_>,
        root: &str,
        _steps: &[Step],
        span: Option<Span>,
    ) -> Result<(Value, usize), EvalError> {
        Err(EvalError::new(
            format!("Invalid reference in template: \"{root}\" is not one of the variables passed to the template"),
            span,
        ))
    }
    fn module_dir(&self) -> &Path {
        self.inner.module_dir()
    }
    fn confine_to(&self) -> &Path {
        self.inner.confine_to()
    }
    fn diag(&self, d: Diagnostic) {
        self.inner.diag(d)
    }
}

/// Parse and render a template text with `vars` (the `templatefile` hook).
pub fn render_template_text(
    env: &dyn Env,
    file: FileId,
    text: &str,
    vars: &BTreeMap<String, Value>,
) -> Result<Value, String> {
    thread_local! {
        static IN_TEMPLATE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    // As Terraform: a template may not call `templatefile` (a template
    // rendering itself would otherwise recurse until the stack overflows).
    if IN_TEMPLATE.with(|c| c.replace(true)) {
        return Err(
            "cannot recursively call templatefile from inside another template function".into(),
        );
    }
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            IN_TEMPLATE.with(|c| c.set(false));
        }
    }
    let _reset = Reset;
    let t = hcl_edit::parser::parse_template(text).map_err(|e| {
        format!(
            "failed to parse template: {} (line {}, column {})",
            e.message(),
            e.location().line(),
            e.location().column()
        )
    })?;
    let tenv = TemplateEnv { inner: env };
    let mut cx = Cx::new(&tenv, file);
    cx.with_spans = false;
    cx.scope = vars.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    cx.eval_template(&t, true).map_err(|e| e.message)
}

/// Small helper: attach a span when there is one.
pub trait WithSpanOpt {
    fn with_span_opt(self, span: Option<Span>) -> Self;
}

impl WithSpanOpt for Diagnostic {
    fn with_span_opt(self, span: Option<Span>) -> Self {
        match span {
            Some(s) => self.with_span(s),
            None => self,
        }
    }
}
