//! The finished report of a scan: what every reporter renders. Reporters are
//! pure functions of this value; nothing here refers back to source files, so
//! snippets are carried (already redacted) in the findings.

use std::sync::Arc;

use serde::Serialize;

use crate::{Severity, Status};

/// Text shared by every finding of a rule (one allocation per rule, not per
/// finding: a large scan holds hundreds of thousands of findings).
pub type Shared = Arc<str>;
/// A list shared by every finding of a rule.
pub type SharedList = Arc<[String]>;

/// The JSON output contract version (`version` in `--format json`).
pub const REPORT_VERSION: &str = "1.0";

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    pub version: String,
    pub tool: Tool,
    pub summary: Summary,
    /// All results, sorted by file, line, rule id, resource. Includes passes
    /// (needed as compliance evidence); reporters choose what to show.
    pub findings: Vec<Finding>,
    /// Input that could not be read, parsed or evaluated.
    pub errors: Vec<ScanError>,
    /// Metadata of every rule that ran (for SARIF `tool.driver.rules`, docs links).
    pub rules: Vec<RuleInfo>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Summary {
    pub files_scanned: usize,
    pub resources: usize,
    pub rules: usize,
    /// Unsuppressed failures.
    pub failed: usize,
    pub passed: usize,
    pub unknown: usize,
    pub not_applicable: usize,
    /// Failures covered by a suppression (still listed in `findings`).
    pub suppressed: usize,
    /// Failures absorbed by a baseline (not listed).
    pub baselined: usize,
    pub errors: usize,
    /// Unsuppressed failures by severity.
    pub by_severity: SeverityCounts,
    pub duration_ms: u64,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct SeverityCounts {
    pub critical: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub info: usize,
}

impl SeverityCounts {
    pub fn add(&mut self, s: Severity) {
        match s {
            Severity::Critical => self.critical += 1,
            Severity::High => self.high += 1,
            Severity::Medium => self.medium += 1,
            Severity::Low => self.low += 1,
            Severity::Info => self.info += 1,
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Finding {
    pub rule_id: Shared,
    pub rule_name: Shared,
    /// Equivalent ids in other tools (Checkov, Trivy, ...).
    pub aliases: SharedList,
    pub title: Shared,
    pub severity: Severity,
    pub status: Status,
    /// Canonical Terraform-style address (`module.app.aws_s3_bucket.logs["a"]`).
    pub resource: String,
    pub resource_kind: String,
    /// Display path, relative to the scan root, `/`-separated.
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: String,
    pub remediation: Shared,
    /// Framework controls (`soc2:CC6.1`, ...).
    pub frameworks: SharedList,
    /// Written-policy sections (`ENG-POL-003-HIPAA:3.4.1`).
    pub policies: SharedList,
    /// Attribute path the result is about (`versioning.enabled`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute: Option<String>,
    pub suppressed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppression: Option<Suppression>,
    /// Stable id of this finding across runs and line moves: a hex digest of
    /// rule id, resource address and attribute path.
    pub fingerprint: String,
    /// Source lines around the finding (already redacted); findings on the
    /// same lines share one copy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<Arc<Snippet>>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Suppression {
    /// `inline` (rampart comment), `checkov`, `tfsec`, `trivy`, `kics`, `config`.
    pub kind: String,
    pub reason: String,
    /// ISO date `YYYY-MM-DD`, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Where the suppression is written (`file:line`).
    pub location: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Snippet {
    /// 1-based number of the first line in `lines`.
    pub start_line: usize,
    pub lines: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ScanError {
    /// `error`, `warning` or `note`.
    pub level: String,
    pub code: String,
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RuleInfo {
    pub id: Shared,
    pub name: Shared,
    pub title: Shared,
    pub severity: Severity,
    pub description: String,
    pub rationale: String,
    pub remediation: Shared,
    pub frameworks: SharedList,
    pub policies: SharedList,
    pub aliases: SharedList,
}
