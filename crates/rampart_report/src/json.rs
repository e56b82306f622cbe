//! The JSON output contract (`--format json`).
//!
//! One object: `{ "version", "tool": {name, version}, "summary", "findings",
//! "errors" }`, documented by `docs/schema/report.schema.json`. Keys come in
//! the order of the model's struct fields, so the output is stable; it is
//! pretty printed with two-space indentation and ends with a newline.
//!
//! `findings` holds failures (suppressed ones included, with their
//! `suppression`) and unknown results; passes are added with
//! [`JsonOptions::include_passed`]. Not-applicable results are only counted.

use rampart_model::report::{Finding, Report, ScanError, Summary, Tool};
use rampart_model::Status;
use serde::Serialize;

/// Options of the JSON reporter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JsonOptions {
    /// Also list passing results (evidence for compliance reports).
    pub include_passed: bool,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: &'a str,
    tool: &'a Tool,
    summary: &'a Summary,
    findings: Vec<&'a Finding>,
    errors: &'a [ScanError],
}

/// Whether a finding belongs in the JSON (and SARIF) output.
pub(crate) fn is_included(f: &Finding, include_passed: bool) -> bool {
    match f.status {
        Status::Fail | Status::Unknown => true,
        Status::Pass => include_passed,
        Status::NotApplicable => false,
    }
}

fn document<'a>(report: &'a Report, opts: &JsonOptions) -> JsonReport<'a> {
    JsonReport {
        version: &report.version,
        tool: &report.tool,
        summary: &report.summary,
        findings: report
            .findings
            .iter()
            .filter(|f| is_included(f, opts.include_passed))
            .collect(),
        errors: &report.errors,
    }
}

/// Writes the JSON contract to `w` as it is produced (a large report is
/// never held twice in memory). The bytes are those of [`render`].
pub fn write(
    report: &Report,
    opts: &JsonOptions,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &document(report, opts))?;
    w.write_all(b"\n")
}

/// Renders the JSON contract. Ends with a newline.
pub fn render(report: &Report, opts: &JsonOptions) -> String {
    let doc = document(report, opts);
    match serde_json::to_string_pretty(&doc) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        // Serialising plain structs of strings and numbers cannot fail; keep
        // a valid document anyway rather than panicking.
        Err(e) => format!(
            "{{\n  \"version\": {},\n  \"error\": {}\n}}\n",
            serde_json::Value::from(report.version.as_str()),
            serde_json::Value::from(e.to_string())
        ),
    }
}
