//! What a compliance report says about the scan behind it.

use std::path::Path;
use std::process::Command;

use rampart_model::report::{Report, Summary, Tool};
use serde::{Deserialize, Serialize};

/// The commit the scanned directory was at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GitInfo {
    /// `git rev-parse HEAD`.
    pub commit: String,
    /// `git status --porcelain` printed something: uncommitted changes.
    pub dirty: bool,
    /// Paths `git status --porcelain` listed (uncommitted or untracked).
    #[serde(default)]
    pub changed: Vec<String>,
}

/// Run git in `dir` (or the directory of a file). `None` when git is absent
/// or `dir` is not inside a work tree.
pub fn git_info(path: &Path) -> Option<GitInfo> {
    let dir = if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| Path::new(".").to_path_buf())
    };
    let run = |args: &[&str]| -> Option<String> {
        let out = Command::new("git")
            .arg("-C")
            .arg(&dir)
            .args(args)
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let commit = run(&["rev-parse", "HEAD"])?.trim().to_string();
    if commit.is_empty() {
        return None;
    }
    let status = run(&["status", "--porcelain", "--", "."])?;
    let changed: Vec<String> = status
        .lines()
        .filter_map(|l| l.get(3..))
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    Some(GitInfo {
        commit,
        dirty: !changed.is_empty(),
        changed,
    })
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScanMeta {
    /// When this compliance report was produced (RFC 3339 UTC).
    pub generated_at: String,
    /// When the scan ran, when known (a saved scan JSON does not say).
    pub scanned_at: Option<String>,
    pub tool: Tool,
    /// What was scanned (paths), or the scan JSON file it was read from.
    pub source: String,
    pub git: Option<GitInfo>,
    /// `sha256:` digest of every rule's id and metadata (see [`crate::input::rule_set_digest`]).
    pub rule_set_digest: String,
    pub rules: usize,
    pub summary: Summary,
    /// Notes about the evidence (e.g. passes missing from a saved scan).
    pub warnings: Vec<String>,
}

impl ScanMeta {
    /// Metadata for `report`, produced now.
    pub fn new(report: &Report, source: impl Into<String>) -> ScanMeta {
        let rules = crate::input::rules_of(report);
        ScanMeta {
            generated_at: crate::util::now_rfc3339(),
            scanned_at: None,
            tool: report.tool.clone(),
            source: source.into(),
            git: None,
            rule_set_digest: crate::input::rule_set_digest(&rules),
            rules: rules.len(),
            summary: report.summary.clone(),
            warnings: Vec::new(),
        }
    }
}
