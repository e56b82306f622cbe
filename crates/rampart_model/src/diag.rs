//! Diagnostics: problems met while reading or evaluating input.

use rampart_source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Informational (e.g. a file skipped on purpose).
    Note,
    /// Evaluation went on with a partial answer (an unknown value, a module not downloaded).
    Warning,
    /// Input that could not be read or parsed; counts as a scan error.
    Error,
}

/// A problem with a place: a span in a loaded file, or at least a path.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub level: Level,
    /// Short stable code, e.g. `parse-error`, `unknown-function`, `module-not-downloaded`.
    pub code: &'static str,
    pub message: String,
    pub span: Option<Span>,
    /// Path of the file concerned when there is no span (unreadable, binary, too large).
    pub path: Option<String>,
    /// 1-based line/column when known without a span (parsers that report positions).
    pub line: Option<usize>,
    pub col: Option<usize>,
}

impl Diagnostic {
    pub fn new(level: Level, code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            level,
            code,
            message: message.into(),
            span: None,
            path: None,
            line: None,
            col: None,
        }
    }

    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Level::Error, code, message)
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Level::Warning, code, message)
    }

    pub fn note(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Level::Note, code, message)
    }

    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    pub fn at_line(mut self, line: usize, col: usize) -> Self {
        self.line = Some(line);
        self.col = Some(col);
        self
    }
}
