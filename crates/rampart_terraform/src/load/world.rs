//! The evaluation of a whole configuration: module instances, lazily and
//! memoised evaluated variables, locals, outputs, resource expansions and
//! resource bodies, and the [`Env`] that connects expressions to them.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::Hash;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use hcl_edit::expr::{Expression, TraversalOperator};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::template::Element;
use hcl_edit::Span as _;
use rampart_model::{
    Attr, Block, Diagnostic, FileId, Number, Origin, Resource, ResourceMode, SourceFormat, Span,
    Value,
};
use rampart_source::SourceMap;

use super::config::{load_module, ModuleConfig, ModuleDecl};
use super::vars::{RawVal, RawVar};
use crate::eval::expr::WithSpanOpt;
use crate::eval::kind::KindEnv;
use crate::eval::ops::{key_suffix, strip_markers, RESOURCE_MARKER};
use crate::eval::{eval_const, Cx, Env, EvalError, Step};
use crate::types::{convert, Ty};
use crate::Options;

/// Longest chain of lazily evaluated values followed before giving up.
pub const MAX_CHAIN: usize = 1000;
/// Most module instances evaluated.
pub const MAX_INSTANCES: usize = 50_000;
/// Deepest module nesting followed.
pub const MAX_MODULE_DEPTH: usize = 32;
/// Most instances one `count` / `for_each` expands to; the rest are dropped
/// with an error.
pub const MAX_EXPANSION: usize = 10_000;

enum Slot<T> {
    Busy,
    Done(T),
}

struct Memo<K, T>(RefCell<HashMap<K, Slot<T>>>);

impl<K, T> Default for Memo<K, T> {
    fn default() -> Self {
        Memo(RefCell::new(HashMap::new()))
    }
}

/// A value with the resource addresses it was computed from.
pub struct Computed {
    pub value: Value,
    pub refs: Vec<String>,
}

pub struct VarVal {
    pub value: Value,
    pub refs: Vec<String>,
    pub origin: Origin,
}

pub struct ResBody {
    /// The evaluated body (moved out when the resources are emitted).
    pub block: RefCell<Block>,
    /// The instance as an object (attributes and nested blocks as lists) with
    /// the resource marker, for references; built on first use.
    object: std::cell::OnceCell<Value>,
    addr: String,
    policy_doc: bool,
    /// A data source read only at apply: its configuration depends on
    /// managed resources, which a plan from no state always creates.
    deferred: bool,
}

impl ResBody {
    fn fixed(object: Value) -> ResBody {
        ResBody {
            block: RefCell::new(Block::default()),
            object: std::cell::OnceCell::from(object),
            addr: String::new(),
            policy_doc: false,
            deferred: false,
        }
    }

    pub fn object(&self) -> &Value {
        self.object.get_or_init(|| {
            let block = self.block.borrow();
            let mut object = block_object(&block);
            if self.policy_doc {
                let mut deps = vec![self.addr.clone()];
                for a in block_attrs_deep(&block) {
                    a.value.unknown_refs(&mut deps);
                    for r in &a.refs {
                        if !deps.contains(r) {
                            deps.push(r.clone());
                        }
                    }
                }
                let unknown = || Value::unknown_from(deps.clone());
                let (json, min) = if self.deferred {
                    (unknown(), unknown())
                } else {
                    (
                        super::render_policy(&block)
                            .map(Value::String)
                            .unwrap_or_else(unknown),
                        super::render_policy_minified(&block)
                            .map(Value::String)
                            .unwrap_or_else(unknown),
                    )
                };
                if let Value::Object(m) = &mut object {
                    m.insert("minified_json".into(), min);
                    m.insert("json".into(), json);
                }
            }
            if let Value::Object(m) = &mut object {
                m.insert(RESOURCE_MARKER.into(), Value::String(self.addr.clone()));
            }
            object
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpKind {
    Single,
    Count,
    ForEach,
    Unknown,
}

/// The instances of a resource or module call: keys and `each.value`s.
pub struct Expansion {
    pub kind: ExpKind,
    pub keys: Vec<(Value, Value)>,
    /// For an unknown expansion: what the count / for_each value depends on.
    pub refs: Vec<String>,
}

impl Expansion {
    fn suffix(&self, pos: usize) -> String {
        match self.kind {
            ExpKind::Single | ExpKind::Unknown => String::new(),
            _ => self
                .keys
                .get(pos)
                .map(|(k, _)| key_suffix(k))
                .unwrap_or_default(),
        }
    }

    fn scope(&self, pos: usize) -> Vec<(String, Value)> {
        match self.kind {
            ExpKind::Single => Vec::new(),
            ExpKind::Count => {
                let k = self
                    .keys
                    .get(pos)
                    .map(|(k, _)| k.clone())
                    .unwrap_or_default();
                vec![("count".into(), Value::object([("index", k)]))]
            }
            ExpKind::ForEach => {
                let (k, v) = self.keys.get(pos).cloned().unwrap_or_default();
                vec![("each".into(), Value::object([("key", k), ("value", v)]))]
            }
            ExpKind::Unknown => {
                let u = || Value::unknown_from(self.refs.clone());
                vec![
                    ("count".into(), Value::object([("index", u())])),
                    ("each".into(), Value::object([("key", u()), ("value", u())])),
                ]
            }
        }
    }

    fn find(&self, key: &Value) -> Option<usize> {
        let key = key.unmarked();
        self.keys.iter().position(|(k, _)| match (k, key) {
            (Value::Number(a), Value::Number(b)) => a == b,
            (Value::Number(a), Value::String(s)) => Number::parse(s.trim()).as_ref() == Some(a),
            (Value::String(a), Value::String(b)) => a == b,
            (Value::String(a), Value::Number(n)) => *a == rampart_model::value::format_number(n),
            _ => false,
        })
    }
}

pub struct ModExpansion {
    pub exp: Expansion,
    pub children: Vec<usize>,
}

/// One module instance (the root is instance 0).
pub struct Inst {
    pub config: Option<Rc<ModuleConfig>>,
    /// Address prefix: empty for the root, `module.a["k"].module.b` otherwise.
    pub path: String,
    /// Module call names from the root (keys of `modules.json`).
    pub names: Vec<String>,
    pub parent: Option<usize>,
    pub call_name: String,
    /// `count`/`each` of this instance, for evaluating the call's arguments.
    pub arg_scope: Vec<(String, Value)>,
    pub module_calls: Vec<Span>,
    /// `path.module`.
    pub rel_dir: String,
}

pub struct World<'s> {
    pub sources: &'s SourceMap,
    pub opts: &'s Options,
    pub root: PathBuf,
    pub confine: PathBuf,
    pub display_root: PathBuf,
    pub modules_json: HashMap<String, PathBuf>,
    pub root_vars: HashMap<String, RawVar>,
    /// Files read from Terraform JSON: their spans cover the whole file.
    pub json_files: RefCell<HashSet<FileId>>,
    configs: RefCell<HashMap<PathBuf, Rc<ModuleConfig>>>,
    pub insts: RefCell<Vec<Rc<Inst>>>,
    pub diags: RefCell<Vec<Diagnostic>>,
    seen_diags: RefCell<HashSet<String>>,
    vars: Memo<(usize, String), Rc<VarVal>>,
    locals: Memo<(usize, String), Rc<Computed>>,
    outputs: Memo<(usize, String), Rc<Computed>>,
    res_exp: Memo<(usize, usize), Rc<Expansion>>,
    res_body: Memo<(usize, usize, usize), Rc<ResBody>>,
    mod_exp: Memo<(usize, String), Rc<ModExpansion>>,
    stack: RefCell<Vec<String>>,
}

const RESOURCE_META: &[&str] = &["count", "for_each", "depends_on", "provider"];
const RESOURCE_META_BLOCKS: &[&str] = &["lifecycle", "provisioner", "connection"];
const MODULE_META: &[&str] = &["count", "for_each", "depends_on", "providers"];

impl<'s> World<'s> {
    pub fn new(
        sources: &'s SourceMap,
        opts: &'s Options,
        root: PathBuf,
        display_root: PathBuf,
        root_vars: HashMap<String, RawVar>,
        modules_json: HashMap<String, PathBuf>,
    ) -> Self {
        let confine = opts.confine_to.clone().unwrap_or_else(|| root.clone());
        World {
            sources,
            opts,
            root,
            confine,
            display_root,
            modules_json,
            root_vars,
            json_files: RefCell::new(HashSet::new()),
            configs: RefCell::new(HashMap::new()),
            insts: RefCell::new(Vec::new()),
            diags: RefCell::new(Vec::new()),
            seen_diags: RefCell::new(HashSet::new()),
            vars: Memo::default(),
            locals: Memo::default(),
            outputs: Memo::default(),
            res_exp: Memo::default(),
            res_body: Memo::default(),
            mod_exp: Memo::default(),
            stack: RefCell::new(Vec::new()),
        }
    }

    pub fn diag(&self, d: Diagnostic) {
        let key = format!("{}|{}|{:?}", d.code, d.message, d.span);
        if self.seen_diags.borrow_mut().insert(key) {
            self.diags.borrow_mut().push(d);
        }
    }

    pub fn inst(&self, id: usize) -> Rc<Inst> {
        match self.insts.borrow().get(id) {
            Some(i) => i.clone(),
            None => Rc::new(Inst {
                config: None,
                path: String::new(),
                names: Vec::new(),
                parent: None,
                call_name: String::new(),
                arg_scope: Vec::new(),
                module_calls: Vec::new(),
                rel_dir: ".".into(),
            }),
        }
    }

    /// Load (once) the module configuration in `dir`.
    pub fn config_for(&self, dir: &Path) -> Rc<ModuleConfig> {
        let key = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        if let Some(c) = self.configs.borrow().get(&key) {
            return c.clone();
        }
        let mut diags = Vec::new();
        let cfg = Rc::new(load_module(
            dir,
            self.sources,
            &self.display_root,
            &mut diags,
        ));
        self.json_files
            .borrow_mut()
            .extend(cfg.json_files.iter().copied());
        for d in diags {
            self.diag(d);
        }
        self.configs.borrow_mut().insert(key, cfg.clone());
        cfg
    }

    pub fn add_root(&self) -> usize {
        let cfg = self.config_for(&self.root);
        self.insts.borrow_mut().push(Rc::new(Inst {
            config: Some(cfg),
            path: String::new(),
            names: Vec::new(),
            parent: None,
            call_name: String::new(),
            arg_scope: Vec::new(),
            module_calls: Vec::new(),
            rel_dir: ".".into(),
        }));
        0
    }

    fn memo<K: Hash + Eq + Clone, T: Clone>(
        &self,
        m: &Memo<K, T>,
        key: &K,
        label: &dyn Fn() -> String,
        span: Option<Span>,
        compute: impl FnOnce() -> T,
        on_cycle: impl FnOnce() -> T,
    ) -> T {
        let busy = match m.0.borrow().get(key) {
            Some(Slot::Done(v)) => return v.clone(),
            Some(Slot::Busy) => true,
            None => false,
        };
        if busy {
            let l = label();
            let stack = self.stack.borrow();
            let pos = stack.iter().rposition(|s| *s == l).unwrap_or(0);
            let mut cycle: Vec<String> =
                stack.get(pos..).map(<[String]>::to_vec).unwrap_or_default();
            drop(stack);
            cycle.push(l);
            self.diag(
                Diagnostic::error("cycle", format!("Cycle: {}", cycle.join(" -> ")))
                    .with_span_opt(span),
            );
            return on_cycle();
        }
        if self.stack.borrow().len() >= MAX_CHAIN {
            self.diag(
                Diagnostic::error(
                    "too-deep",
                    format!(
                        "Reference chain longer than {MAX_CHAIN} values at {}",
                        label()
                    ),
                )
                .with_span_opt(span),
            );
            return on_cycle();
        }
        m.0.borrow_mut().insert(key.clone(), Slot::Busy);
        self.stack.borrow_mut().push(label());
        let v = compute();
        self.stack.borrow_mut().pop();
        m.0.borrow_mut().insert(key.clone(), Slot::Done(v.clone()));
        v
    }

    /// A span for a parser range in `file` (whole-file for JSON files).
    pub fn sp(&self, file: FileId, r: Option<std::ops::Range<usize>>) -> Span {
        if self.json_files.borrow().contains(&file) {
            return Span::new(file, 0, 0);
        }
        super::config::sp(file, r)
    }

    fn prefixed(&self, inst: &Inst, s: &str) -> String {
        if inst.path.is_empty() {
            s.to_string()
        } else {
            format!("{}.{s}", inst.path)
        }
    }

    /// Evaluate `e` in module instance `inst` with `scope`; errors become
    /// diagnostics and an unknown value.
    pub fn eval_in(
        &self,
        inst: usize,
        file: FileId,
        scope: Vec<(String, Value)>,
        e: &Expression,
    ) -> Computed {
        let env = ModEnv::new(self, inst);
        let mut cx = Cx::new(&env, file);
        cx.scope = scope;
        let v = match cx.eval(e) {
            Ok(v) => v,
            Err(err) => {
                self.diag(
                    Diagnostic::error("eval-error", err.message)
                        .with_span(err.span.unwrap_or_else(|| self.sp(file, e.span()))),
                );
                Value::unknown_from(cx.refs.clone())
            }
        };
        Computed {
            value: v,
            refs: cx.refs,
        }
    }

    // ----- variables -----

    pub fn var_value(&self, inst_id: usize, name: &str) -> Option<Rc<VarVal>> {
        let inst = self.inst(inst_id);
        let cfg = inst.config.clone()?;
        let decl = cfg.variables.get(name)?;
        let key = (inst_id, name.to_string());
        let label = || self.prefixed(&inst, &format!("var.{name}"));
        Some(self.memo(
            &self.vars,
            &key,
            &label,
            Some(decl.span),
            || Rc::new(self.compute_var(inst_id, &inst, &cfg, name)),
            || {
                Rc::new(VarVal {
                    value: Value::unknown(),
                    refs: Vec::new(),
                    origin: Origin::Explicit,
                })
            },
        ))
    }

    fn compute_var(&self, inst_id: usize, inst: &Inst, cfg: &ModuleConfig, name: &str) -> VarVal {
        let Some(decl) = cfg.variables.get(name) else {
            return VarVal {
                value: Value::unknown(),
                refs: Vec::new(),
                origin: Origin::Explicit,
            };
        };
        let _ = inst_id;
        let mut refs = Vec::new();
        // (value, origin) as given, if given.
        let given: Option<(Value, Origin)> = match inst.parent {
            None => self.root_vars.get(name).and_then(|raw| {
                let v = match &raw.value {
                    RawVal::Value(v) => Some(v.clone()),
                    RawVal::Text(s) if decl.ty.is_string_like() => Some(Value::String(s.clone())),
                    RawVal::Text(s) => match hcl_edit::parser::parse_expr(s.trim()) {
                        Ok(e) => match eval_const(&e, &self.root) {
                            Ok(v) => Some(v),
                            Err(m) => {
                                self.diag(Diagnostic::error("invalid-variable-value", format!("Invalid value for variable \"{name}\" ({}): {m}", raw.source)).with_span(decl.span));
                                None
                            }
                        },
                        Err(e) => {
                            self.diag(Diagnostic::error("invalid-variable-value", format!("Invalid value for variable \"{name}\" ({}): {}", raw.source, e.message())).with_span(decl.span));
                            None
                        }
                    },
                };
                v.map(|v| (v, Origin::Variable { name: name.to_string(), set_at: raw.set_at, source: raw.source.clone() }))
            }),
            Some(parent) => {
                let pinst = self.inst(parent);
                let call = pinst.config.as_ref().and_then(|c| c.modules.get(&inst.call_name));
                match call.and_then(|c| c.arg(name)) {
                    Some((file, a)) => {
                        let comp = self.eval_in(parent, file, inst.arg_scope.clone(), &a.value);
                        refs = comp.refs;
                        let origin = match var_of(&a.value).and_then(|pv| self.var_value(parent, pv)) {
                            Some(pvv) if matches!(pvv.origin, Origin::Variable { .. }) => pvv.origin.clone(),
                            _ => Origin::Variable {
                                name: name.to_string(),
                                set_at: Some(self.sp(file, a.span())),
                                source: format!("{}.{}", if pinst.path.is_empty() { "module".to_string() } else { format!("{}.module", pinst.path) }, inst.call_name),
                            },
                        };
                        Some((comp.value, origin))
                    }
                    None => None,
                }
            }
        };
        let default = || -> Option<(Value, Origin)> {
            decl.default.as_ref().map(|(e, span)| {
                let v = match eval_const(e, &cfg.dir) {
                    Ok(v) => v,
                    Err(m) => {
                        self.diag(
                            Diagnostic::error(
                                "eval-error",
                                format!("variable \"{name}\" default: {m}"),
                            )
                            .with_span(*span),
                        );
                        Value::unknown()
                    }
                };
                (
                    v,
                    Origin::Variable {
                        name: name.to_string(),
                        set_at: Some(*span),
                        source: "default".into(),
                    },
                )
            })
        };
        let chosen = match given {
            Some((v, o)) if v.is_null() && !decl.nullable => match default() {
                Some(d) => Some(d),
                None => {
                    self.diag(Diagnostic::error("invalid-variable-value", format!("Invalid value for variable \"{name}\": the given value is null, but the variable is not nullable")).with_span(decl.span));
                    Some((Value::unknown(), o))
                }
            },
            Some(g) => Some(g),
            None => default(),
        };
        let (value, origin) = match chosen {
            Some(c) => c,
            None => {
                let where_ = if inst.path.is_empty() {
                    "root module".to_string()
                } else {
                    inst.path.clone()
                };
                self.diag(
                    Diagnostic::warning(
                        "variable-unset",
                        format!("No value for required variable \"{name}\" in the {where_}; its value is treated as unknown"),
                    )
                    .with_span(decl.span),
                );
                (
                    Value::unknown(),
                    Origin::Variable {
                        name: name.to_string(),
                        set_at: None,
                        source: "unset".into(),
                    },
                )
            }
        };
        let value = match convert(value, &decl.ty) {
            Ok(v) => v,
            Err(m) => {
                self.diag(
                    Diagnostic::error(
                        "invalid-variable-value",
                        format!("Invalid value for variable \"{name}\": {m}"),
                    )
                    .with_span(decl.span),
                );
                Value::unknown()
            }
        };
        VarVal {
            value: value.mark(decl.sensitive),
            refs,
            origin,
        }
    }

    // ----- locals and outputs -----

    /// Where a value written as `expr` comes from: a variable when the
    /// expression is `var.x` (or `"${var.x}"`), or a `local.y` whose own
    /// expression leads to one (followed through up to 16 locals); otherwise
    /// it is written in the block itself.
    pub fn origin_of(&self, inst_id: usize, expr: &Expression, depth: usize) -> Origin {
        if let Some(vv) = var_of(expr).and_then(|n| self.var_value(inst_id, n)) {
            return vv.origin.clone();
        }
        if depth < 16 {
            if let Some(name) = local_of(expr) {
                let cfg = self.inst(inst_id).config.clone();
                if let Some(decl) = cfg.as_ref().and_then(|c| c.locals.get(name)) {
                    return self.origin_of(inst_id, &decl.expr, depth + 1);
                }
            }
        }
        Origin::Explicit
    }

    pub fn local_value(&self, inst_id: usize, name: &str) -> Option<Rc<Computed>> {
        let inst = self.inst(inst_id);
        let cfg = inst.config.clone()?;
        let decl = cfg.locals.get(name)?;
        let key = (inst_id, name.to_string());
        let label = || self.prefixed(&inst, &format!("local.{name}"));
        Some(self.memo(
            &self.locals,
            &key,
            &label,
            Some(decl.span),
            || Rc::new(self.eval_in(inst_id, decl.file, Vec::new(), &decl.expr)),
            || {
                Rc::new(Computed {
                    value: Value::unknown(),
                    refs: Vec::new(),
                })
            },
        ))
    }

    pub fn output_value(&self, inst_id: usize, name: &str) -> Option<Rc<Computed>> {
        let inst = self.inst(inst_id);
        let Some(cfg) = inst.config.clone() else {
            return Some(Rc::new(Computed {
                value: Value::unknown(),
                refs: Vec::new(),
            }));
        };
        let decl = cfg.outputs.get(name)?;
        let key = (inst_id, name.to_string());
        let label = || self.prefixed(&inst, &format!("output.{name}"));
        Some(self.memo(
            &self.outputs,
            &key,
            &label,
            Some(decl.span),
            || {
                let c = match &decl.expr {
                    Some(e) => self.eval_in(inst_id, decl.file, Vec::new(), e),
                    None => Computed {
                        value: Value::Null,
                        refs: Vec::new(),
                    },
                };
                Rc::new(Computed {
                    value: c.value.mark(decl.sensitive),
                    refs: c.refs,
                })
            },
            || {
                Rc::new(Computed {
                    value: Value::unknown(),
                    refs: Vec::new(),
                })
            },
        ))
    }

    /// All outputs of a module instance as one object.
    fn outputs_object(&self, inst_id: usize, refs: &mut Vec<String>) -> Value {
        let inst = self.inst(inst_id);
        let Some(cfg) = inst.config.clone() else {
            return Value::unknown();
        };
        let mut m = BTreeMap::new();
        for name in cfg.outputs.keys() {
            if let Some(c) = self.output_value(inst_id, name) {
                for r in &c.refs {
                    if !refs.contains(r) {
                        refs.push(r.clone());
                    }
                }
                m.insert(name.clone(), c.value.clone());
            }
        }
        Value::Object(m)
    }

    // ----- expansion -----

    /// How many of `n` instances are evaluated (an error when over the limit).
    fn cap_expansion(&self, what: &str, span: Span, n: usize) -> usize {
        if n <= MAX_EXPANSION {
            return n;
        }
        self.diag(Diagnostic::error("too-many-instances", format!("{what}: count/for_each gives {n} instances, over the limit of {MAX_EXPANSION}; only the first {MAX_EXPANSION} are evaluated")).with_span(span));
        MAX_EXPANSION
    }

    /// Evaluate `count` / `for_each` into instance keys.
    fn expand(
        &self,
        inst_id: usize,
        file: FileId,
        what: &str,
        count: Option<&(Expression, Span)>,
        for_each: Option<&(Expression, Span)>,
    ) -> Expansion {
        let unknown = |span: Span, why: &str, refs: Vec<String>| {
            self.diag(
                Diagnostic::warning(
                    "unknown-expansion",
                    format!("{why} of {what} is not known until apply; one instance is evaluated with unknown count.index / each.key / each.value, under the configuration address"),
                )
                .with_span(span),
            );
            Expansion {
                kind: ExpKind::Unknown,
                keys: Vec::new(),
                refs,
            }
        };
        if let Some((e, span)) = count {
            let c = self.eval_in(inst_id, file, Vec::new(), e);
            let (v, _) = c.value.unmark();
            if v.is_unknown() {
                return unknown(*span, "count", c.refs);
            }
            return match v
                .as_number()
                .and_then(|n| n.to_i64())
                .and_then(|n| usize::try_from(n).ok())
            {
                Some(n) => Expansion {
                    kind: ExpKind::Count,
                    keys: (0..self.cap_expansion(what, *span, n))
                        .map(|i| (Value::from(i as i64), Value::Null))
                        .collect(),
                    refs: Vec::new(),
                },
                _ => {
                    self.diag(Diagnostic::error("invalid-count", format!("Invalid count argument for {what}: a whole number of at least 0 is required, got {v}")).with_span(*span));
                    Expansion {
                        kind: ExpKind::Unknown,
                        keys: Vec::new(),
                        refs: Vec::new(),
                    }
                }
            };
        }
        if let Some((e, span)) = for_each {
            let c = self.eval_in(inst_id, file, Vec::new(), e);
            let (v, _) = c.value.unmark();
            if v.is_unknown() {
                return unknown(*span, "for_each", c.refs);
            }
            match v {
                Value::Object(m) => {
                    let keep = self.cap_expansion(what, *span, m.len());
                    return Expansion {
                        kind: ExpKind::ForEach,
                        keys: m
                            .into_iter()
                            .take(keep)
                            .map(|(k, x)| (Value::String(k), x))
                            .collect(),
                        refs: Vec::new(),
                    };
                }
                Value::Set(items) => {
                    if items.iter().any(Value::is_unknown) {
                        return unknown(*span, "for_each", c.refs);
                    }
                    let keep = self.cap_expansion(what, *span, items.len());
                    let mut keys = Vec::new();
                    for x in items.into_iter().take(keep) {
                        match x.unmarked() {
                            Value::String(s) => {
                                keys.push((Value::String(s.clone()), Value::String(s.clone())))
                            }
                            other => {
                                self.diag(Diagnostic::error("invalid-for-each", format!("Invalid for_each set argument for {what}: the given \"for_each\" argument value is unsuitable: \"for_each\" supports sets of strings, but you have provided a set containing type {}", other.type_name())).with_span(*span));
                                return Expansion {
                                    kind: ExpKind::Unknown,
                                    keys: Vec::new(),
                                    refs: Vec::new(),
                                };
                            }
                        }
                    }
                    return Expansion {
                        kind: ExpKind::ForEach,
                        keys,
                        refs: Vec::new(),
                    };
                }
                other => {
                    self.diag(Diagnostic::error("invalid-for-each", format!("Invalid for_each argument for {what}: the \"for_each\" argument must be a map, or set of strings, and you have provided a value of type {}", if other.is_null() { "null" } else { other.type_name() })).with_span(*span));
                    return Expansion {
                        kind: ExpKind::Unknown,
                        keys: Vec::new(),
                        refs: Vec::new(),
                    };
                }
            }
        }
        Expansion {
            kind: ExpKind::Single,
            keys: Vec::new(),
            refs: Vec::new(),
        }
    }

    pub fn res_expansion(&self, inst_id: usize, idx: usize) -> Rc<Expansion> {
        let inst = self.inst(inst_id);
        let Some(cfg) = inst.config.clone() else {
            return Rc::new(Expansion {
                kind: ExpKind::Unknown,
                keys: Vec::new(),
                refs: Vec::new(),
            });
        };
        let Some(decl) = cfg.resources.get(idx) else {
            return Rc::new(Expansion {
                kind: ExpKind::Unknown,
                keys: Vec::new(),
                refs: Vec::new(),
            });
        };
        let label = || self.res_addr(&inst, &cfg, idx, "") + " (count/for_each)";
        self.memo(
            &self.res_exp,
            &(inst_id, idx),
            &label,
            Some(decl.span),
            || {
                let what = self.res_addr(&inst, &cfg, idx, "");
                Rc::new(self.expand(
                    inst_id,
                    decl.file,
                    &what,
                    decl.count.as_ref(),
                    decl.for_each.as_ref(),
                ))
            },
            || {
                Rc::new(Expansion {
                    kind: ExpKind::Unknown,
                    keys: Vec::new(),
                    refs: Vec::new(),
                })
            },
        )
    }

    pub fn res_addr(&self, inst: &Inst, cfg: &ModuleConfig, idx: usize, suffix: &str) -> String {
        let Some(d) = cfg.resources.get(idx) else {
            return String::new();
        };
        let base = if d.mode == ResourceMode::Data {
            format!("data.{}.{}{suffix}", d.rtype, d.name)
        } else {
            format!("{}.{}{suffix}", d.rtype, d.name)
        };
        self.prefixed(inst, &base)
    }

    pub fn res_body(&self, inst_id: usize, idx: usize, pos: usize) -> Rc<ResBody> {
        let inst = self.inst(inst_id);
        let empty = || Rc::new(ResBody::fixed(Value::unknown()));
        let Some(cfg) = inst.config.clone() else {
            return empty();
        };
        let Some(decl) = cfg.resources.get(idx) else {
            return empty();
        };
        let exp = self.res_expansion(inst_id, idx);
        let suffix = exp.suffix(pos);
        let addr = self.res_addr(&inst, &cfg, idx, &suffix);
        let label = || addr.clone();
        self.memo(
            &self.res_body,
            &(inst_id, idx, pos),
            &label,
            Some(decl.span),
            || {
                let kind = if decl.mode == ResourceMode::Data {
                    "data"
                } else {
                    "resource"
                };
                let mut block = Block::new(kind, decl.span);
                block.labels = vec![decl.rtype.clone(), decl.name.clone()];
                let env = ModEnv::new(self, inst_id);
                let mut cx = Cx::new(&env, decl.file);
                cx.scope = exp.scope(pos);
                self.eval_body(
                    &mut cx,
                    inst_id,
                    &decl.block.body,
                    &mut block,
                    BodyKind::Resource,
                    0,
                );
                self.apply_overrides(
                    &mut cx,
                    inst_id,
                    &decl.overrides,
                    &mut block,
                    BodyKind::Resource,
                );
                let deferred = decl.mode == ResourceMode::Data && {
                    let managed_ref = block_attrs_deep(&block)
                        .iter()
                        .any(|a| a.refs.iter().any(|r| is_managed_address(r)));
                    let depends = decl
                        .block
                        .body
                        .get_attribute("depends_on")
                        .is_some_and(|a| depends_on_managed(&a.value));
                    managed_ref || depends
                };
                Rc::new(ResBody {
                    block: RefCell::new(block),
                    object: std::cell::OnceCell::new(),
                    addr: addr.clone(),
                    policy_doc: decl.mode == ResourceMode::Data
                        && decl.rtype == "aws_iam_policy_document",
                    deferred,
                })
            },
            || Rc::new(ResBody::fixed(Value::unknown_from(vec![addr.clone()]))),
        )
    }

    /// Move an evaluated resource body out (once everything is evaluated).
    pub fn take_body(&self, inst_id: usize, idx: usize, pos: usize) -> Block {
        match self.res_body.0.borrow().get(&(inst_id, idx, pos)) {
            Some(Slot::Done(b)) => std::mem::take(&mut *b.block.borrow_mut()),
            _ => Block::default(),
        }
    }

    // ----- module calls -----

    pub fn mod_expansion(&self, inst_id: usize, name: &str) -> Rc<ModExpansion> {
        let inst = self.inst(inst_id);
        let none = || {
            Rc::new(ModExpansion {
                exp: Expansion {
                    kind: ExpKind::Unknown,
                    keys: Vec::new(),
                    refs: Vec::new(),
                },
                children: Vec::new(),
            })
        };
        let Some(cfg) = inst.config.clone() else {
            return none();
        };
        let Some(decl) = cfg.modules.get(name) else {
            return none();
        };
        let label = || self.prefixed(&inst, &format!("module.{name}"));
        self.memo(
            &self.mod_exp,
            &(inst_id, name.to_string()),
            &label,
            Some(decl.span),
            || {
                let what = self.prefixed(&inst, &format!("module.{name}"));
                let exp = self.expand(
                    inst_id,
                    decl.file,
                    &what,
                    decl.count.as_ref(),
                    decl.for_each.as_ref(),
                );
                let config = self.child_config(&inst, &cfg, decl);
                let mut n = match exp.kind {
                    ExpKind::Single | ExpKind::Unknown => 1,
                    _ => exp.keys.len(),
                };
                let room = MAX_INSTANCES.saturating_sub(self.insts.borrow().len());
                if n > room {
                    self.diag(
                        Diagnostic::error("too-many-modules", format!("{what}: more than {MAX_INSTANCES} module instances; only the first {room} are evaluated"))
                            .with_span(decl.span),
                    );
                    n = room;
                }
                let mut children = Vec::with_capacity(n);
                for pos in 0..n {
                    let suffix = exp.suffix(pos);
                    let mut names = inst.names.clone();
                    names.push(name.to_string());
                    let mut module_calls = inst.module_calls.clone();
                    module_calls.push(decl.span);
                    let rel_dir = config
                        .as_ref()
                        .map(|c| {
                            let p = c.dir.strip_prefix(&self.root).unwrap_or(&c.dir);
                            let s = p.to_string_lossy().replace('\\', "/");
                            if s.is_empty() {
                                ".".to_string()
                            } else {
                                s
                            }
                        })
                        .unwrap_or_else(|| ".".into());
                    let child = Inst {
                        config: config.clone(),
                        path: self.prefixed(&inst, &format!("module.{name}{suffix}")),
                        names,
                        parent: Some(inst_id),
                        call_name: name.to_string(),
                        arg_scope: exp.scope(pos),
                        module_calls,
                        rel_dir,
                    };
                    let mut insts = self.insts.borrow_mut();
                    children.push(insts.len());
                    insts.push(Rc::new(child));
                }
                Rc::new(ModExpansion { exp, children })
            },
            none,
        )
    }

    fn child_config(
        &self,
        inst: &Inst,
        cfg: &ModuleConfig,
        decl: &ModuleDecl,
    ) -> Option<Rc<ModuleConfig>> {
        let addr = self.prefixed(inst, &format!("module.{}", decl.name));
        if inst.names.len() + 1 > MAX_MODULE_DEPTH {
            self.diag(Diagnostic::error("module-too-deep", format!("{addr}: modules nested deeper than {MAX_MODULE_DEPTH} levels are not followed")).with_span(decl.span));
            return None;
        }
        let mut key: Vec<&str> = inst.names.iter().map(String::as_str).collect();
        key.push(&decl.name);
        let key = key.join(".");
        let source = decl.source.clone().unwrap_or_default();
        let local = source.starts_with("./")
            || source.starts_with("../")
            || source == "."
            || source == "..";
        let dir = if local {
            Some(normalize(&cfg.dir.join(&source)))
        } else {
            self.modules_json.get(&key).map(|d| self.root.join(d))
        };
        let dir = dir.or_else(|| self.modules_json.get(&key).map(|d| self.root.join(d)));
        match dir {
            Some(d) if d.is_dir() => {
                let canon = d.canonicalize().unwrap_or_else(|_| d.clone());
                let mut anc = Some(inst);
                let mut owned;
                while let Some(a) = anc {
                    let adir = a
                        .config
                        .as_ref()
                        .map(|c| c.dir.canonicalize().unwrap_or_else(|_| c.dir.clone()));
                    if adir.as_deref() == Some(canon.as_path()) {
                        self.diag(
                            Diagnostic::error("module-cycle", format!("{addr}: the module's source is the directory of one of its callers; the module is not evaluated"))
                                .with_span(decl.span),
                        );
                        return None;
                    }
                    owned = a.parent.map(|p| self.inst(p));
                    anc = owned.as_deref();
                }
                if self.insts.borrow().len() >= MAX_INSTANCES {
                    self.diag(
                        Diagnostic::error("too-many-modules", format!("{addr}: more than {MAX_INSTANCES} module instances; further modules are not evaluated"))
                            .with_span(decl.span),
                    );
                    return None;
                }
                Some(self.config_for(&d))
            }
            _ => {
                let why = if source.is_empty() {
                    "the module block has no literal source".to_string()
                } else if local {
                    format!("the local directory \"{source}\" does not exist")
                } else {
                    format!("source \"{source}\" is not downloaded (no entry \"{key}\" in .terraform/modules/modules.json; run terraform init)")
                };
                self.diag(
                    Diagnostic::warning("module-not-downloaded", format!("Module {addr}: {why}; its outputs are unknown and its resources are not evaluated"))
                        .with_span(decl.span),
                );
                None
            }
        }
    }

    // ----- bodies -----

    /// Evaluate the body of a block into `out`.
    pub fn eval_body(
        &self,
        cx: &mut Cx<'_>,
        inst_id: usize,
        body: &Body,
        out: &mut Block,
        kind: BodyKind,
        depth: usize,
    ) {
        if depth > 64 {
            self.diag(
                Diagnostic::error(
                    "too-deep",
                    "Blocks nested more than 64 levels deep are not evaluated",
                )
                .with_span(out.span),
            );
            return;
        }
        for st in body.iter() {
            match st {
                Structure::Attribute(a) => {
                    let name = a.key.value().as_str();
                    if (kind == BodyKind::Resource && RESOURCE_META.contains(&name))
                        || (kind == BodyKind::Module && MODULE_META.contains(&name))
                    {
                        continue;
                    }
                    let span = self.sp(cx.file, a.span());
                    cx.refs.clear();
                    let v = match cx.eval(&a.value) {
                        Ok(v) => v,
                        Err(e) => {
                            self.diag(
                                Diagnostic::error("eval-error", e.message)
                                    .with_span(e.span.unwrap_or(span)),
                            );
                            Value::unknown_from(cx.refs.clone())
                        }
                    };
                    let mut refs = std::mem::take(&mut cx.refs);
                    v.unknown_refs(&mut refs);
                    let origin = self.origin_of(inst_id, &a.value, 0);
                    out.attrs.insert(
                        name.to_string(),
                        Attr {
                            value: strip_markers(v),
                            span,
                            origin,
                            refs,
                        },
                    );
                }
                Structure::Block(b) => {
                    let bkind = b.ident.value().as_str();
                    if kind == BodyKind::Resource && RESOURCE_META_BLOCKS.contains(&bkind) {
                        continue;
                    }
                    if bkind == "dynamic" && kind != BodyKind::Plain {
                        self.expand_dynamic(cx, inst_id, b, out, depth);
                        continue;
                    }
                    let mut nb = Block::new(bkind, self.sp(cx.file, b.span()));
                    nb.labels = b.labels.iter().map(|l| l.as_str().to_string()).collect();
                    let inner = if kind == BodyKind::Plain {
                        BodyKind::Plain
                    } else {
                        BodyKind::Nested
                    };
                    self.eval_body(cx, inst_id, &b.body, &mut nb, inner, depth + 1);
                    out.blocks.push(nb);
                }
            }
        }
    }

    fn expand_dynamic(
        &self,
        cx: &mut Cx<'_>,
        inst_id: usize,
        b: &hcl_edit::structure::Block,
        out: &mut Block,
        depth: usize,
    ) {
        let span = self.sp(cx.file, b.span());
        let Some(label) = b.labels.first().map(|l| l.as_str().to_string()) else {
            self.diag(
                Diagnostic::error(
                    "invalid-block",
                    "A dynamic block needs a label (the block type to generate)",
                )
                .with_span(span),
            );
            return;
        };
        let iter_name = match b.body.get_attribute("iterator").map(|a| &a.value) {
            Some(Expression::Variable(v)) => v.value().as_str().to_string(),
            _ => label.clone(),
        };
        let Some(content) = b.body.get_blocks("content").next() else {
            self.diag(
                Diagnostic::error(
                    "invalid-block",
                    format!("dynamic \"{label}\" block has no content block"),
                )
                .with_span(span),
            );
            return;
        };
        let items: Vec<(Value, Value)> = match b.body.get_attribute("for_each") {
            None => {
                self.diag(
                    Diagnostic::error(
                        "invalid-block",
                        format!("dynamic \"{label}\" block has no for_each argument"),
                    )
                    .with_span(span),
                );
                return;
            }
            Some(a) => {
                let v = match cx.eval(&a.value) {
                    Ok(v) => v,
                    Err(e) => {
                        self.diag(
                            Diagnostic::error("eval-error", e.message)
                                .with_span(e.span.unwrap_or(span)),
                        );
                        Value::unknown()
                    }
                };
                let (v, marked) = v.unmark();
                match v {
                    Value::List(items) => items
                        .into_iter()
                        .enumerate()
                        .map(|(i, x)| (Value::from(i as i64), x.mark(marked)))
                        .collect(),
                    Value::Set(items) => items
                        .into_iter()
                        .map(|x| (x.clone(), x.mark(marked)))
                        .collect(),
                    Value::Object(m) => m
                        .into_iter()
                        .map(|(k, x)| (Value::String(k), x.mark(marked)))
                        .collect(),
                    Value::Null => Vec::new(),
                    Value::Unknown(u) => {
                        self.diag(
                            Diagnostic::note(
                                "unknown-dynamic",
                                format!("for_each of dynamic \"{label}\" is not known until apply; one block with unknown values stands for its blocks"),
                            )
                            .with_span(self.sp(cx.file, a.span())),
                        );
                        vec![(Value::Unknown(u.clone()), Value::Unknown(u))]
                    }
                    other => {
                        self.diag(Diagnostic::error("invalid-for-each", format!("Invalid dynamic for_each value: cannot use a {} value in for_each. An iterable collection is required.", other.type_name())).with_span(self.sp(cx.file, a.span())));
                        Vec::new()
                    }
                }
            }
        };
        let labels_expr = b.body.get_attribute("labels").map(|a| a.value.clone());
        let cspan = self.sp(cx.file, content.span());
        for (k, v) in items {
            cx.scope
                .push((iter_name.clone(), Value::object([("key", k), ("value", v)])));
            let mut nb = Block::new(label.clone(), cspan);
            if let Some(le) = &labels_expr {
                if let Ok(lv) = cx.eval(le) {
                    nb.labels = lv
                        .as_list()
                        .map(|l| {
                            l.iter()
                                .map(|x| x.as_str().unwrap_or_default().to_string())
                                .collect()
                        })
                        .unwrap_or_default();
                }
            }
            self.eval_body(
                cx,
                inst_id,
                &content.body,
                &mut nb,
                BodyKind::Nested,
                depth + 1,
            );
            cx.scope.pop();
            out.blocks.push(nb);
        }
    }

    // ----- output -----

    /// Emit the resources of instance `inst_id` and of its module calls.
    /// Resource bodies are filled in afterwards from `pending`
    /// (index in `out`, instance, resource, position), see [`World::take_body`].
    /// Evaluate the blocks of override files over `block` as Terraform merges
    /// them: an argument replaces the argument of the same name, and nested
    /// blocks of a type replace all the nested blocks of that type, except
    /// `required_providers`, whose entries replace entries one by one.
    fn apply_overrides(
        &self,
        cx: &mut Cx<'_>,
        inst_id: usize,
        overrides: &[(FileId, hcl_edit::structure::Block)],
        block: &mut Block,
        kind: BodyKind,
    ) {
        let file = cx.file;
        for (f, ob) in overrides {
            cx.file = *f;
            let mut layer = Block::default();
            self.eval_body(cx, inst_id, &ob.body, &mut layer, kind, 0);
            block.attrs.extend(layer.attrs);
            let mut replaced: HashSet<String> = HashSet::new();
            for nb in layer.blocks {
                if nb.kind == "required_providers" {
                    if let Some(base) = block.blocks.iter_mut().find(|b| b.kind == nb.kind) {
                        base.attrs.extend(nb.attrs);
                        continue;
                    }
                    block.blocks.push(nb);
                    continue;
                }
                if replaced.insert(nb.kind.clone()) {
                    block.blocks.retain(|b| b.kind != nb.kind);
                }
                block.blocks.push(nb);
            }
        }
        cx.file = file;
    }

    pub fn emit(
        &self,
        inst_id: usize,
        out: &mut Vec<Resource>,
        pending: &mut Vec<(usize, usize, usize, usize)>,
    ) {
        let inst = self.inst(inst_id);
        let Some(cfg) = inst.config.clone() else {
            return;
        };
        let res = |address: String,
                   kind: &str,
                   mode: ResourceMode,
                   name: &str,
                   span: Span,
                   body: Block| Resource {
            address,
            kind: kind.to_string(),
            mode,
            name: name.to_string(),
            module: inst.path.clone(),
            format: SourceFormat::Terraform,
            span,
            body,
            module_calls: inst.module_calls.clone(),
        };
        // Terraform evaluates every variable, local and output: surface their
        // diagnostics (unset variables, cycles, errors) even when unused.
        for name in cfg.variables.keys() {
            let _ = self.var_value(inst_id, name);
        }
        let mut local_names: Vec<&String> = cfg.locals.keys().collect();
        local_names.sort();
        for name in local_names {
            let _ = self.local_value(inst_id, name);
        }
        for name in cfg.outputs.keys() {
            let _ = self.output_value(inst_id, name);
        }
        let env = ModEnv::new(self, inst_id);
        for s in &cfg.settings {
            let mut cx = Cx::new(&env, s.file);
            let mut block = Block::new("terraform", s.span);
            self.eval_body(
                &mut cx,
                inst_id,
                &s.block.body,
                &mut block,
                BodyKind::Plain,
                0,
            );
            self.apply_overrides(&mut cx, inst_id, &s.overrides, &mut block, BodyKind::Plain);
            out.push(res(
                self.prefixed(&inst, "terraform"),
                "terraform",
                ResourceMode::Settings,
                "terraform",
                s.span,
                block,
            ));
        }
        for (name, v) in &cfg.variables {
            let mut block = Block::new("variable", v.span);
            block.labels = vec![name.clone()];
            if let Some((e, span)) = &v.default {
                let dv = eval_const(e, &cfg.dir).unwrap_or_else(|_| Value::unknown());
                block
                    .attrs
                    .insert("default".into(), Attr::new(dv.mark(v.sensitive), *span));
            }
            let attr_span = |n: &str| {
                v.block
                    .body
                    .get_attribute(n)
                    .map(|a| self.sp(v.file, a.span()))
                    .unwrap_or(v.span)
            };
            block.attrs.insert(
                "sensitive".into(),
                Attr::new(Value::Bool(v.sensitive), attr_span("sensitive")),
            );
            if let Some(t) = &v.type_text {
                block.attrs.insert(
                    "type".into(),
                    Attr::new(Value::String(t.clone()), attr_span("type")),
                );
            }
            if !v.nullable {
                block.attrs.insert(
                    "nullable".into(),
                    Attr::new(Value::Bool(false), attr_span("nullable")),
                );
            }
            if let Some(d) = v
                .block
                .body
                .get_attribute("description")
                .and_then(|a| eval_const(&a.value, &cfg.dir).ok())
            {
                block
                    .attrs
                    .insert("description".into(), Attr::new(d, attr_span("description")));
            }
            out.push(res(
                self.prefixed(&inst, &format!("var.{name}")),
                "variable",
                ResourceMode::Variable,
                name,
                v.span,
                block,
            ));
        }
        for p in &cfg.providers {
            let mut cx = Cx::new(&env, p.file);
            let mut block = Block::new("provider", p.span);
            block.labels = vec![p.name.clone()];
            self.eval_body(
                &mut cx,
                inst_id,
                &p.block.body,
                &mut block,
                BodyKind::Nested,
                0,
            );
            self.apply_overrides(&mut cx, inst_id, &p.overrides, &mut block, BodyKind::Nested);
            let addr = match &p.alias {
                Some(a) => format!("provider.{}.{a}", p.name),
                None => format!("provider.{}", p.name),
            };
            out.push(res(
                self.prefixed(&inst, &addr),
                &p.name,
                ResourceMode::Provider,
                &p.name,
                p.span,
                block,
            ));
        }
        for (idx, d) in cfg.resources.iter().enumerate() {
            let exp = self.res_expansion(inst_id, idx);
            let n = match exp.kind {
                ExpKind::Single | ExpKind::Unknown => 1,
                _ => exp.keys.len(),
            };
            for pos in 0..n {
                let _ = self.res_body(inst_id, idx, pos);
                let addr = self.res_addr(&inst, &cfg, idx, &exp.suffix(pos));
                pending.push((out.len(), inst_id, idx, pos));
                out.push(res(
                    addr,
                    &d.rtype,
                    d.mode,
                    &d.name,
                    d.span,
                    Block::default(),
                ));
            }
        }
        for (name, d) in &cfg.modules {
            let mexp = self.mod_expansion(inst_id, name);
            for &child in &mexp.children {
                let cinst = self.inst(child);
                let mut cx = Cx::new(&env, d.file);
                cx.scope = cinst.arg_scope.clone();
                let mut block = Block::new("module", d.span);
                block.labels = vec![name.clone()];
                self.eval_body(
                    &mut cx,
                    inst_id,
                    &d.block.body,
                    &mut block,
                    BodyKind::Module,
                    0,
                );
                self.apply_overrides(&mut cx, inst_id, &d.overrides, &mut block, BodyKind::Module);
                out.push(res(
                    cinst.path.clone(),
                    "module",
                    ResourceMode::ModuleCall,
                    name,
                    d.span,
                    block,
                ));
                self.emit(child, out, pending);
            }
        }
    }
}

/// Resolve `.` and `..` components lexically (as Terraform shows module paths).
fn normalize(p: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// What a body belongs to (decides which meta-arguments are left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// A resource or data block: meta-arguments left out, `dynamic` expanded.
    Resource,
    /// A module call: `count`, `for_each`, `providers`, `depends_on` left out.
    Module,
    /// A nested block (or provider): everything kept, `dynamic` expanded.
    Nested,
    /// Kept as written (`terraform {}`).
    Plain,
}

/// Every attribute of a block and its nested blocks.
/// True for the address of a managed resource instance (not a data source),
/// with or without a module path.
fn is_managed_address(r: &str) -> bool {
    let mut rest = r;
    // Skip `module.NAME` and `module.NAME[KEY]` steps.
    while let Some(after) = rest.strip_prefix("module.") {
        let name_end = after.find(['.', '[']).unwrap_or(after.len());
        let mut tail = after.get(name_end..).unwrap_or("");
        if tail.starts_with('[') {
            // Keys are numbers or quoted strings; find the closing bracket
            // outside quotes.
            let mut in_str = false;
            let mut esc = false;
            let mut close = None;
            for (i, c) in tail.char_indices() {
                match c {
                    _ if esc => esc = false,
                    '\\' if in_str => esc = true,
                    '"' => in_str = !in_str,
                    ']' if !in_str => {
                        close = Some(i);
                        break;
                    }
                    _ => {}
                }
            }
            tail = close.and_then(|i| tail.get(i + 1..)).unwrap_or("");
        }
        rest = tail.strip_prefix('.').unwrap_or("");
    }
    !rest.is_empty() && !rest.starts_with("data.")
}

/// `depends_on` naming anything but data sources (managed resources, modules).
fn depends_on_managed(e: &Expression) -> bool {
    let Expression::Array(items) = e else {
        return false;
    };
    items.iter().any(|x| match x {
        Expression::Traversal(t) => {
            !matches!(&t.expr, Expression::Variable(v) if v.value().as_str() == "data")
        }
        Expression::Variable(v) => v.value().as_str() != "data",
        _ => false,
    })
}

fn block_attrs_deep(b: &Block) -> Vec<&Attr> {
    let mut out: Vec<&Attr> = b.attrs.values().collect();
    for nb in &b.blocks {
        out.extend(block_attrs_deep(nb));
    }
    out
}

/// The object view of an evaluated block: attributes, and nested blocks as
/// lists of objects per block type.
pub fn block_object(b: &Block) -> Value {
    let mut m: BTreeMap<String, Value> = b
        .attrs
        .iter()
        .map(|(k, a)| (k.clone(), a.value.clone()))
        .collect();
    for nb in &b.blocks {
        let entry = m
            .entry(nb.kind.clone())
            .or_insert_with(|| Value::List(Vec::new()));
        if let Value::List(items) = entry {
            items.push(block_object(nb));
        }
    }
    Value::Object(m)
}

/// The variable an expression takes its value straight from (`var.x`,
/// `var.x.y`, `"${var.x}"`).
pub fn var_of(e: &Expression) -> Option<&str> {
    match e {
        Expression::Parenthesis(p) => var_of(p.inner()),
        Expression::StringTemplate(t) => {
            let mut it = t.iter();
            match (it.next(), it.next()) {
                (Some(Element::Interpolation(i)), None) => var_of(&i.expr),
                _ => None,
            }
        }
        Expression::Traversal(t) => match (&t.expr, t.operators.first().map(|o| o.value())) {
            (Expression::Variable(v), Some(TraversalOperator::GetAttr(n)))
                if v.value().as_str() == "var" =>
            {
                Some(n.value().as_str())
            }
            _ => None,
        },
        _ => None,
    }
}

/// The local a bare `local.x` (or `"${local.x}"`) expression names.
pub fn local_of(e: &Expression) -> Option<&str> {
    match e {
        Expression::Parenthesis(p) => local_of(p.inner()),
        Expression::StringTemplate(t) => {
            let mut it = t.iter();
            match (it.next(), it.next()) {
                (Some(Element::Interpolation(i)), None) => local_of(&i.expr),
                _ => None,
            }
        }
        Expression::Traversal(t) => match (&t.expr, t.operators.first().map(|o| o.value())) {
            (Expression::Variable(v), Some(TraversalOperator::GetAttr(n)))
                if v.value().as_str() == "local" && t.operators.len() == 1 =>
            {
                Some(n.value().as_str())
            }
            _ => None,
        },
        _ => None,
    }
}

/// Walk `steps` into `v` by reference while they apply; returns the value
/// reached and how many steps were used.
fn walk<'v>(v: &'v Value, steps: &[Step]) -> (&'v Value, usize) {
    let mut cur = v;
    let mut used = 0;
    for s in steps {
        let next = match (s, cur) {
            (Step::Attr(a), Value::Object(m)) => m.get(a.as_str()),
            (Step::Index(Value::String(k)), Value::Object(m)) => m.get(k.as_str()),
            (Step::Index(Value::Number(n)), Value::List(items)) => n
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
    (cur, used)
}

/// The [`Env`] of one module instance.
pub struct ModEnv<'w, 's> {
    w: &'w World<'s>,
    inst: usize,
    node: Rc<Inst>,
}

impl<'w, 's> ModEnv<'w, 's> {
    pub fn new(w: &'w World<'s>, inst: usize) -> Self {
        ModEnv {
            w,
            inst,
            node: w.inst(inst),
        }
    }

    fn resolve_resource(
        &self,
        cx: &mut Cx<'_>,
        (data, rtype, name): (bool, &str, &str),
        rest: &[Step],
        base: usize,
        span: Option<Span>,
    ) -> Result<(Value, usize), EvalError> {
        let w = self.w;
        let Some(cfg) = self.node.config.clone() else {
            return Ok((Value::unknown(), base + rest.len()));
        };
        let Some(idx) = cfg.resource(data, rtype, name) else {
            let what = if data {
                "data resource"
            } else {
                "managed resource"
            };
            let module = if self.node.path.is_empty() {
                "the root module".to_string()
            } else {
                self.node.path.clone()
            };
            return Err(EvalError::new(format!("Reference to undeclared resource: a {what} \"{rtype}\" \"{name}\" has not been declared in {module}."), span));
        };
        let exp = w.res_expansion(self.inst, idx);
        let cfg_addr = w.res_addr(&self.node, &cfg, idx, "");
        match exp.kind {
            ExpKind::Single => {
                cx.add_ref(cfg_addr);
                let body = w.res_body(self.inst, idx, 0);
                let (v, used) = walk(body.object(), rest);
                Ok((v.clone(), base + used))
            }
            ExpKind::Unknown => {
                cx.add_ref(cfg_addr.clone());
                Ok((Value::unknown_from(vec![cfg_addr]), base + rest.len()))
            }
            ExpKind::Count | ExpKind::ForEach => match rest.first() {
                Some(Step::Index(k)) if !k.is_unknown() => {
                    let Some(pos) = exp.find(k) else {
                        cx.add_ref(cfg_addr.clone());
                        return Err(EvalError::new(
                            format!(
                                "Invalid index: {cfg_addr} has no instance with key {}",
                                key_suffix(k)
                            ),
                            span,
                        ));
                    };
                    cx.add_ref(w.res_addr(&self.node, &cfg, idx, &exp.suffix(pos)));
                    let body = w.res_body(self.inst, idx, pos);
                    let (v, used) = walk(body.object(), rest.get(1..).unwrap_or(&[]));
                    Ok((v.clone(), base + 1 + used))
                }
                Some(Step::Index(_)) => {
                    cx.add_ref(cfg_addr.clone());
                    Ok((Value::unknown_from(vec![cfg_addr]), base + 1))
                }
                _ => {
                    cx.add_ref(cfg_addr);
                    let n = exp.keys.len();
                    if exp.kind == ExpKind::Count {
                        let items = (0..n)
                            .map(|p| w.res_body(self.inst, idx, p).object().clone())
                            .collect();
                        Ok((Value::List(items), base))
                    } else {
                        let m = (0..n)
                            .map(|p| {
                                let k = exp
                                    .keys
                                    .get(p)
                                    .and_then(|(k, _)| k.as_str().map(str::to_string))
                                    .unwrap_or_default();
                                (k, w.res_body(self.inst, idx, p).object().clone())
                            })
                            .collect();
                        Ok((Value::Object(m), base))
                    }
                }
            },
        }
    }

    fn resolve_module(
        &self,
        cx: &mut Cx<'_>,
        steps: &[Step],
        span: Option<Span>,
    ) -> Result<(Value, usize), EvalError> {
        let w = self.w;
        let Some(name) = steps.first().and_then(Step::as_attr) else {
            return Err(EvalError::new("Invalid reference: the \"module\" object cannot be accessed directly. Instead, access one of its attributes.", span));
        };
        let declared = self
            .node
            .config
            .as_ref()
            .is_some_and(|c| c.modules.contains_key(name));
        if !declared {
            return Err(EvalError::new(format!("Reference to undeclared module: no module call named \"{name}\" is declared in this module."), span));
        }
        let mexp = w.mod_expansion(self.inst, name);
        let rest = steps.get(1..).unwrap_or(&[]);
        let output = |cx: &mut Cx<'_>,
                      child: usize,
                      oname: &str,
                      after: &[Step],
                      base: usize|
         -> Result<(Value, usize), EvalError> {
            match w.output_value(child, oname) {
                Some(c) => {
                    cx.add_refs(&c.refs);
                    let (v, used) = walk(&c.value, after);
                    Ok((v.clone(), base + used))
                }
                None => Err(EvalError::new(
                    format!(
                        "Unsupported attribute: module.{name} has no output named \"{oname}\"."
                    ),
                    span,
                )),
            }
        };
        match mexp.exp.kind {
            ExpKind::Single | ExpKind::Unknown
                if mexp.exp.kind == ExpKind::Single || !mexp.children.is_empty() =>
            {
                let Some(&child) = mexp.children.first() else {
                    return Ok((Value::unknown(), steps.len()));
                };
                if mexp.exp.kind == ExpKind::Unknown {
                    // Keys unknown: any instance's output is unknown.
                    let mut refs = Vec::new();
                    let _ = w.outputs_object(child, &mut refs);
                    cx.add_refs(&refs);
                    return Ok((Value::unknown_from(refs), steps.len()));
                }
                match rest.first().and_then(Step::as_attr) {
                    Some(o) => output(cx, child, o, rest.get(1..).unwrap_or(&[]), 2),
                    None => {
                        let mut refs = Vec::new();
                        let v = w.outputs_object(child, &mut refs);
                        cx.add_refs(&refs);
                        Ok((v, 1))
                    }
                }
            }
            ExpKind::Count | ExpKind::ForEach => match rest.first() {
                Some(Step::Index(k)) if !k.is_unknown() => {
                    let Some(pos) = mexp.exp.find(k) else {
                        return Err(EvalError::new(
                            format!(
                                "Invalid index: module.{name} has no instance with key {}",
                                key_suffix(k)
                            ),
                            span,
                        ));
                    };
                    let Some(&child) = mexp.children.get(pos) else {
                        return Ok((Value::unknown(), steps.len()));
                    };
                    match rest.get(1).and_then(Step::as_attr) {
                        Some(o) => output(cx, child, o, rest.get(2..).unwrap_or(&[]), 3),
                        None => {
                            let mut refs = Vec::new();
                            let v = w.outputs_object(child, &mut refs);
                            cx.add_refs(&refs);
                            Ok((v, 2))
                        }
                    }
                }
                Some(Step::Index(_)) => Ok((Value::unknown(), 2)),
                _ => {
                    let mut refs = Vec::new();
                    let v = if mexp.exp.kind == ExpKind::Count {
                        Value::List(
                            mexp.children
                                .iter()
                                .map(|&c| w.outputs_object(c, &mut refs))
                                .collect(),
                        )
                    } else {
                        Value::Object(
                            mexp.children
                                .iter()
                                .zip(&mexp.exp.keys)
                                .map(|(&c, (k, _))| {
                                    (
                                        k.as_str().unwrap_or_default().to_string(),
                                        w.outputs_object(c, &mut refs),
                                    )
                                })
                                .collect(),
                        )
                    };
                    cx.add_refs(&refs);
                    Ok((v, 1))
                }
            },
            _ => Ok((Value::unknown(), steps.len())),
        }
    }
}

impl KindEnv for ModEnv<'_, '_> {
    fn var_type(&self, name: &str) -> Option<&Ty> {
        Some(&self.node.config.as_ref()?.variables.get(name)?.ty)
    }

    fn local_expr(&self, name: &str) -> Option<&Expression> {
        Some(&self.node.config.as_ref()?.locals.get(name)?.expr)
    }
}

impl Env for ModEnv<'_, '_> {
    fn resolve(
        &self,
        cx: &mut Cx<'_>,
        root: &str,
        steps: &[Step],
        span: Option<Span>,
    ) -> Result<(Value, usize), EvalError> {
        let w = self.w;
        let first = steps.first().and_then(Step::as_attr);
        let rest = steps.get(1..).unwrap_or(&[]);
        match root {
            "var" => {
                let Some(n) = first else {
                    return Err(EvalError::new("Invalid reference: the \"var\" object cannot be accessed directly.", span));
                };
                match w.var_value(self.inst, n) {
                    Some(vv) => {
                        cx.add_refs(&vv.refs);
                        let (v, used) = walk(&vv.value, rest);
                        Ok((v.clone(), 1 + used))
                    }
                    None => Err(EvalError::new(format!("Reference to undeclared input variable: an input variable with the name \"{n}\" has not been declared."), span)),
                }
            }
            "local" => {
                let Some(n) = first else {
                    return Err(EvalError::new("Invalid reference: the \"local\" object cannot be accessed directly.", span));
                };
                match w.local_value(self.inst, n) {
                    Some(c) => {
                        cx.add_refs(&c.refs);
                        let (v, used) = walk(&c.value, rest);
                        Ok((v.clone(), 1 + used))
                    }
                    None => Err(EvalError::new(format!("Reference to undeclared local value: a local value with the name \"{n}\" has not been declared."), span)),
                }
            }
            "module" => self.resolve_module(cx, steps, span),
            "data" => {
                let (Some(t), Some(n)) = (first, steps.get(1).and_then(Step::as_attr)) else {
                    return Err(EvalError::new("Invalid data resource reference: a data resource reference needs a type and a name.", span));
                };
                self.resolve_resource(cx, (true, t, n), steps.get(2..).unwrap_or(&[]), 2, span)
            }
            "path" => {
                let v = match first {
                    Some("module") => self.node.rel_dir.clone(),
                    Some("root") => ".".to_string(),
                    Some("cwd") => w.root.to_string_lossy().into_owned(),
                    _ => return Err(EvalError::new("Invalid \"path\" attribute: only path.module, path.root and path.cwd exist.", span)),
                };
                Ok((Value::String(v), 1))
            }
            "terraform" => match first {
                Some("workspace") => {
                    let ws = if w.opts.workspace.is_empty() { "default" } else { w.opts.workspace.as_str() };
                    Ok((Value::from(ws), 1))
                }
                _ => Err(EvalError::new("Invalid \"terraform\" attribute: only terraform.workspace exists.", span)),
            },
            "count" => Err(EvalError::new("Reference to \"count\" in non-counted context: the \"count\" object can only be used in module, resource, and data blocks, and only when the \"count\" argument is set.", span)),
            "each" => Err(EvalError::new("Reference to \"each\" in context without for_each: the \"each\" object can be used only in \"module\" or \"resource\" blocks, and only when the \"for_each\" argument is set.", span)),
            "self" => Ok((Value::unknown(), steps.len())),
            rtype => {
                let Some(n) = first else {
                    return Err(EvalError::new(format!("Invalid reference: a reference to a resource type must be followed by at least one attribute access, specifying the resource name (\"{rtype}\")."), span));
                };
                self.resolve_resource(cx, (false, rtype, n), rest, 1, span)
            }
        }
    }

    fn module_dir(&self) -> &Path {
        &self.w.root
    }

    fn confine_to(&self) -> &Path {
        &self.w.confine
    }

    fn diag(&self, d: Diagnostic) {
        self.w.diag(d)
    }

    fn kinds(&self) -> Option<&dyn KindEnv> {
        Some(self)
    }

    fn source_text(&self, file: FileId) -> Option<std::sync::Arc<rampart_source::SourceFile>> {
        if self.w.json_files.borrow().contains(&file) {
            return None;
        }
        self.w.sources.get(file)
    }
}
