//! Expression evaluation: operators, references, templates, for-expressions,
//! splats, function calls (with lazy `try`/`can`) and unknown values.

pub mod expr;
pub mod kind;
pub mod ops;
pub mod provider_fns;
pub mod template;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use rampart_model::{Diagnostic, FileId, Level, Span, Value};

pub use expr::{Cx, Env, EvalError, Step};

/// The environment of [`eval_expression`]: an empty root module.
struct EmptyEnv {
    module_dir: PathBuf,
    diags: RefCell<Vec<Diagnostic>>,
    /// The expression text (for heredocs, which are re-read from source).
    text: Option<std::sync::Arc<rampart_source::SourceFile>>,
}

impl Env for EmptyEnv {
    fn resolve(
        &self,
        _cx: &mut Cx<'_>,
        root: &str,
        steps: &[Step],
        span: Option<Span>,
    ) -> Result<(Value, usize), EvalError> {
        let first = steps.first().and_then(Step::as_attr);
        match (root, first) {
            ("path", Some("module" | "root" | "cwd")) => {
                Ok((Value::String(self.module_dir.to_string_lossy().into_owned()), 1))
            }
            ("terraform", Some("workspace")) => Ok((Value::from("default"), 1)),
            ("var", Some(n)) => Err(EvalError::new(
                format!("Reference to undeclared input variable: an input variable with the name \"{n}\" has not been declared."),
                span,
            )),
            ("local", Some(n)) => Err(EvalError::new(
                format!("Reference to undeclared local value: a local value with the name \"{n}\" has not been declared."),
                span,
            )),
            _ => Err(EvalError::new(
                format!("Invalid reference: \"{root}\" is not declared in this (empty) module."),
                span,
            )),
        }
    }
    fn module_dir(&self) -> &Path {
        &self.module_dir
    }
    fn confine_to(&self) -> &Path {
        &self.module_dir
    }
    fn diag(&self, d: Diagnostic) {
        self.diags.borrow_mut().push(d);
    }
    fn source_text(&self, _file: FileId) -> Option<std::sync::Arc<rampart_source::SourceFile>> {
        self.text.clone()
    }
}

/// See [`crate::eval_expression`].
pub fn eval_expression(src: &str, module_dir: &Path) -> Result<Value, String> {
    let src = src.trim();
    let e = hcl_edit::parser::parse_expr(src).map_err(|e| {
        format!(
            "Invalid expression: {} (line {}, column {})",
            e.message(),
            e.location().line(),
            e.location().column()
        )
    })?;
    let env = EmptyEnv {
        module_dir: module_dir.to_path_buf(),
        diags: RefCell::new(Vec::new()),
        text: Some(std::sync::Arc::new(rampart_source::SourceFile::new(
            "<expression>",
            "<expression>",
            src.to_string(),
        ))),
    };
    let mut cx = Cx::new(&env, FileId(u32::MAX));
    cx.with_spans = false;
    let v = cx.eval(&e).map_err(|e| e.message)?;
    let diags = env.diags.into_inner();
    if let Some(d) = diags
        .iter()
        .find(|d| d.level == Level::Error || d.code == "unknown-function")
    {
        return Err(d.message.clone());
    }
    Ok(ops::strip_markers(v))
}

/// Evaluate a constant expression (type defaults, tfvars values): no
/// references except `path` and `terraform.workspace`, functions allowed.
pub fn eval_const(e: &hcl_edit::expr::Expression, module_dir: &Path) -> Result<Value, String> {
    let env = EmptyEnv {
        module_dir: module_dir.to_path_buf(),
        diags: RefCell::new(Vec::new()),
        text: None,
    };
    let mut cx = Cx::new(&env, FileId(u32::MAX));
    cx.with_spans = false;
    cx.eval(e).map(ops::strip_markers).map_err(|e| e.message)
}
