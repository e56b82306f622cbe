//! Terraform's built-in function library over [`Value`].
//!
//! The evaluator calls [`call`] with already evaluated arguments. `try` and
//! `can` are lazy and live in the evaluator, not here. Sensitivity marks are
//! handled here generically: marks are removed from the arguments and the
//! result is marked when any argument was.

use std::collections::BTreeMap;
use std::path::Path;

use rampart_model::Value;

/// What file and template functions may see.
pub struct FnCtx<'a> {
    /// `path.module` of the calling module: relative paths resolve against it.
    pub module_dir: &'a Path,
    /// File functions may not read outside this directory.
    pub confine_to: &'a Path,
    /// Renders a template text with the given variables (for `templatefile`).
    pub render_template: &'a dyn Fn(&str, &BTreeMap<String, Value>) -> Result<Value, String>,
}

/// Why a call did not give a value.
#[derive(Debug, Clone, PartialEq)]
pub enum FnError {
    /// No function of that name.
    UnknownFunction(String),
    /// The call is valid but its result is only known at apply time
    /// (`timestamp`, `uuid`, `bcrypt`...): the evaluator makes it unknown and
    /// says why.
    NotKnowable(String),
    /// Terraform would report an error for this call (bad argument type or
    /// count, invalid input). The message says what.
    Invalid(String),
}

impl std::fmt::Display for FnError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FnError::UnknownFunction(n) => write!(f, "there is no function named \"{n}\""),
            FnError::NotKnowable(m) | FnError::Invalid(m) => f.write_str(m),
        }
    }
}

/// Call function `name` with `args`.
pub fn call(name: &str, args: Vec<Value>, ctx: &FnCtx<'_>) -> Result<Value, FnError> {
    let _ = (args, ctx);
    Err(FnError::UnknownFunction(name.to_string()))
}

/// True when `name` is a function this library knows.
pub fn exists(name: &str) -> bool {
    let _ = name;
    false
}
