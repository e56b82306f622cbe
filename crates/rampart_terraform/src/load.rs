//! Loading and evaluating a root module (to be written).

use std::path::Path;

use rampart_source::SourceMap;

use crate::{Evaluation, Options};

pub fn evaluate_root(dir: &Path, sources: &SourceMap, opts: &Options) -> Evaluation {
    let _ = (dir, sources, opts);
    Evaluation::default()
}
