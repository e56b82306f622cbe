//! Expression evaluation (to be written).

use std::path::Path;

use rampart_model::Value;

/// See [`crate::eval_expression`].
pub fn eval_expression(src: &str, module_dir: &Path) -> Result<Value, String> {
    let _ = (src, module_dir);
    Err("expression evaluation is not written yet".into())
}
