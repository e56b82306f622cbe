//! Source files, byte spans and a lazily built line index.
//!
//! Every front end registers the files it reads in a [`SourceMap`] and refers to
//! places in them with [`Span`]s (file id + byte range). Line and column numbers
//! are computed on demand from the span, so front ends never count lines.

mod redact;

pub use redact::Redacted;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock, RwLock};

/// Index of a file in a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        let end = u32::try_from(end).unwrap_or(u32::MAX).max(start);
        Span { file, start, end }
    }

    /// A span that covers both `self` and `other` (same file assumed).
    pub fn join(self, other: Span) -> Span {
        if self.file != other.file {
            return self;
        }
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// 1-based line and column of a byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub col: usize,
}

/// One file's text, with its path as shown to users (relative to the scan root
/// where possible) and the path used to read it.
#[derive(Debug)]
pub struct SourceFile {
    /// Path shown in reports (relative, `/`-separated where possible).
    pub display: String,
    /// Path on disk.
    pub path: PathBuf,
    pub text: String,
    lines: OnceLock<Vec<u32>>,
}

impl SourceFile {
    pub fn new(display: impl Into<String>, path: impl Into<PathBuf>, text: String) -> Self {
        SourceFile {
            display: display.into(),
            path: path.into(),
            text,
            lines: OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[u32] {
        self.lines.get_or_init(|| {
            let mut v = vec![0u32];
            for (i, b) in self.text.bytes().enumerate() {
                if b == b'\n' {
                    v.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
                }
            }
            v
        })
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub fn line_col(&self, offset: u32) -> LineCol {
        let starts = self.line_starts();
        let idx = match starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let line_start = starts.get(idx).copied().unwrap_or(0) as usize;
        let off = (offset as usize).min(self.text.len());
        let col = self
            .text
            .get(line_start..off)
            .map(|s| s.chars().count())
            .unwrap_or(0)
            + 1;
        LineCol { line: idx + 1, col }
    }

    /// Number of lines in the file.
    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }

    /// Text of 1-based line `line`, without its line terminator.
    pub fn line_text(&self, line: usize) -> &str {
        let starts = self.line_starts();
        let Some(&start) = starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = starts
            .get(line)
            .map(|e| *e as usize)
            .unwrap_or(self.text.len());
        self.text
            .get(start as usize..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// The text a span covers (empty when out of range).
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// All files read in one scan. Thread safe and append only: ids stay valid.
#[derive(Debug, Default)]
pub struct SourceMap {
    inner: RwLock<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    files: Vec<Arc<SourceFile>>,
    /// On-disk path → first file added with it.
    by_path: std::collections::HashMap<PathBuf, FileId>,
}

impl SourceMap {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&self, file: SourceFile) -> FileId {
        let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
        let id = FileId(u32::try_from(inner.files.len()).unwrap_or(u32::MAX));
        inner.by_path.entry(file.path.clone()).or_insert(id);
        inner.files.push(Arc::new(file));
        id
    }

    pub fn get(&self, id: FileId) -> Option<Arc<SourceFile>> {
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        inner.files.get(id.0 as usize).cloned()
    }

    /// Id of an already added file with this on-disk path.
    pub fn find(&self, path: &Path) -> Option<FileId> {
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        inner.by_path.get(path).copied()
    }

    pub fn len(&self) -> usize {
        self.inner.read().map(|i| i.files.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn all(&self) -> Vec<Arc<SourceFile>> {
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        inner.files.clone()
    }

    /// Resolved location of a span: display path, start and end line/col.
    pub fn locate(&self, span: Span) -> Option<Location> {
        let f = self.get(span.file)?;
        let start = f.line_col(span.start);
        let end = f.line_col(span.end);
        Some(Location {
            file: f.display.clone(),
            start,
            end,
        })
    }
}

/// A span resolved to a path and line/columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub start: LineCol,
    pub end: LineCol,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.start.line, self.start.col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_and_line_text() {
        let f = SourceFile::new("a.tf", "a.tf", "ab\ncdé\n\nx".to_string());
        assert_eq!(f.line_col(0), LineCol { line: 1, col: 1 });
        assert_eq!(f.line_col(3), LineCol { line: 2, col: 1 });
        // 'x' is after "ab\ncdé\n\n" = 2+1+4+1+1 = 9 bytes
        assert_eq!(f.line_col(9), LineCol { line: 4, col: 1 });
        assert_eq!(f.line_text(2), "cdé");
        assert_eq!(f.line_text(3), "");
        assert_eq!(f.line_text(99), "");
        assert_eq!(f.line_count(), 4);
    }

    #[test]
    fn source_map_locate() {
        let m = SourceMap::new();
        let id = m.add(SourceFile::new("x/y.tf", "/tmp/x/y.tf", "a\nbc\n".into()));
        let loc = m.locate(Span::new(id, 2, 4)).expect("located");
        assert_eq!(loc.to_string(), "x/y.tf:2:1");
        assert_eq!(loc.end.col, 3);
    }
}
