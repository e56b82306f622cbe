//! Terraform front end.
//!
//! * [`evaluate_dir`] loads a root module directory and evaluates it the way
//!   `terraform plan` does: variables (with tfvars, `-var`, `TF_VAR_`), locals,
//!   modules, `count`/`for_each`, `dynamic` blocks, the built-in function
//!   library, unknown values that keep references to the resources they come from.
//! * [`plan::load_plan`] / [`plan::load_state`] read `terraform show -json`
//!   output and state files into the same resource model.
//!
//! Nothing here panics on input: problems become [`Diagnostic`]s with a place,
//! and evaluation goes on with the rest.

pub mod eval;
pub mod iam;
pub mod load;
pub mod plan;
pub mod root;
pub mod types;

use std::path::{Path, PathBuf};

use rampart_model::{Diagnostic, Resource, Value};
use rampart_source::SourceMap;
pub use rampart_tf_functions as functions;

/// How to evaluate a root module.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `-var-file` arguments, in order (later wins).
    pub var_files: Vec<PathBuf>,
    /// `-var name=value` arguments, in order (later wins).
    pub vars: Vec<(String, String)>,
    /// Read `TF_VAR_<name>` from the environment.
    pub use_env: bool,
    /// `terraform.workspace`; `default` when empty.
    pub workspace: String,
    /// File functions (`file`, `templatefile`, `fileset`, ...) may not read
    /// outside this directory. Defaults to the root module directory.
    pub confine_to: Option<PathBuf>,
    /// Prefix for display paths of loaded files (the scan root); paths shown to
    /// users are relative to it.
    pub display_root: Option<PathBuf>,
}

/// Everything evaluation produced for one root module.
#[derive(Debug, Default)]
pub struct Evaluation {
    /// Managed resources and data sources (one per instance), provider
    /// configurations, module calls, `terraform {}` settings blocks and variable
    /// declarations, with full Terraform addresses.
    pub resources: Vec<Resource>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Load and evaluate the root module in `dir`. Files are added to `sources`.
pub fn evaluate_dir(dir: &Path, sources: &SourceMap, opts: &Options) -> Evaluation {
    let mut ev = load::evaluate_root(dir, sources, opts);
    if let Some(r) = root::root_resource(dir, sources, &ev.resources) {
        ev.resources.push(r);
    }
    ev
}

/// Parse one HCL expression and evaluate it in an empty root module whose
/// `path.module` is `module_dir` (used by the function golden tests and by
/// `rampart` debugging). Errors are Terraform-style messages.
pub fn eval_expression(src: &str, module_dir: &Path) -> Result<Value, String> {
    eval::eval_expression(src, module_dir)
}
