//! Baselines: adopt rampart on an existing estate and fail CI only on what is new.
//!
//! A baseline records the fingerprints of the current unsuppressed failures.
//! A fingerprint is rule + unit (root module directory or plan file) +
//! resource address + attribute path — never a line number, so a resource
//! that moves to another line or file of its module stays baselined, while the
//! same address in another root module is a different finding.

use std::collections::HashSet;
use std::path::Path;

use rampart_model::report::{Report, ScanError};
use rampart_model::Status;

pub const BASELINE_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    /// Date the baseline was written (`YYYY-MM-DD`).
    pub created: String,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub rule_id: String,
    pub resource: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute: Option<String>,
    /// Where the finding was when the baseline was written (informational).
    pub file: String,
}

impl Baseline {
    /// A baseline of every unsuppressed failure in `report`.
    pub fn from_report(report: &Report, created: &str) -> Baseline {
        let mut seen = HashSet::new();
        let mut entries: Vec<Entry> = report
            .findings
            .iter()
            .filter(|f| f.status == Status::Fail && !f.suppressed)
            .filter(|f| seen.insert(f.fingerprint.clone()))
            .map(|f| Entry {
                fingerprint: f.fingerprint.clone(),
                rule_id: f.rule_id.to_string(),
                resource: f.resource.clone(),
                attribute: f.attribute.clone(),
                file: f.file.clone(),
            })
            .collect();
        entries.sort_by(|a, b| {
            (&a.file, &a.rule_id, &a.resource).cmp(&(&b.file, &b.rule_id, &b.resource))
        });
        Baseline {
            version: BASELINE_VERSION,
            created: created.to_string(),
            entries,
        }
    }

    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read baseline: {e}", path.display()))?;
        let b: Baseline = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not a rampart baseline: {e}", path.display()))?;
        if b.version != BASELINE_VERSION {
            return Err(format!(
                "{}: baseline version {} is not supported (expected {BASELINE_VERSION})",
                path.display(),
                b.version
            ));
        }
        Ok(b)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Remove baselined failures from `report` (counted in
    /// `summary.baselined`), and report entries whose finding is gone as stale.
    pub fn apply(&self, report: &mut Report) {
        let known: HashSet<&str> = self
            .entries
            .iter()
            .map(|e| e.fingerprint.as_str())
            .collect();
        let mut matched: HashSet<String> = HashSet::new();
        let mut baselined = 0;
        report.findings.retain(|f| {
            if f.status == Status::Fail && !f.suppressed && known.contains(f.fingerprint.as_str()) {
                matched.insert(f.fingerprint.clone());
                baselined += 1;
                false
            } else {
                true
            }
        });
        report.summary.baselined += baselined;
        report.summary.failed = report.summary.failed.saturating_sub(baselined);
        let mut by = rampart_model::report::SeverityCounts::default();
        for f in &report.findings {
            if f.status == Status::Fail && !f.suppressed {
                by.add(f.severity);
            }
        }
        report.summary.by_severity = by;
        for e in &self.entries {
            if !matched.contains(&e.fingerprint) {
                report.errors.push(ScanError {
                    level: "note".into(),
                    code: "stale-baseline-entry".into(),
                    file: e.file.clone(),
                    line: None,
                    column: None,
                    message: format!(
                        "baseline entry {} on {} no longer matches a finding; remove it from the baseline",
                        e.rule_id, e.resource
                    ),
                });
            }
        }
    }
}
