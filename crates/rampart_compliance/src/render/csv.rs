//! CSV: one row per control, for spreadsheets; and the exception register.

use crate::exceptions::ExceptionRegister;
use crate::ComplianceReport;

fn write(rows: Vec<Vec<String>>) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for r in rows {
        // Writing to a Vec cannot fail; an error would only drop the row.
        let _ = w.write_record(r.iter().map(|c| neutralise(c)));
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Cells starting with `=`, `+`, `-`, `@` are read as formulas by
/// spreadsheets; prefix them with `'` (values from scanned code must not run).
fn neutralise(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

pub fn render(r: &ComplianceReport) -> String {
    let a = &r.assessment;
    let mut rows = vec![[
        "framework",
        "control",
        "title",
        "status",
        "rules",
        "resources_evaluated",
        "resources_passing",
        "resources_failing",
        "resources_other",
        "results_pass",
        "results_fail",
        "results_excepted",
        "results_unknown",
        "exceptions",
        "failing_resources",
        "manual_evidence",
        "generated_at",
        "git_commit",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect::<Vec<_>>()];
    for c in &a.controls {
        rows.push(vec![
            a.framework.id.clone(),
            c.id.clone(),
            c.title.clone(),
            c.status.as_str().to_string(),
            c.rules
                .iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            c.resources.evaluated.to_string(),
            c.resources.passing.to_string(),
            c.resources.failing.to_string(),
            c.resources.other.to_string(),
            c.results.pass.to_string(),
            c.results.fail.to_string(),
            c.results.excepted.to_string(),
            c.results.unknown.to_string(),
            c.exceptions.len().to_string(),
            c.failing
                .iter()
                .map(|f| format!("{} {} ({}:{})", f.rule_id, f.resource, f.file, f.line))
                .collect::<Vec<_>>()
                .join("; "),
            c.manual.clone().unwrap_or_default(),
            r.meta.generated_at.clone(),
            r.meta
                .git
                .as_ref()
                .map(|g| g.commit.clone())
                .unwrap_or_default(),
        ]);
    }
    write(rows)
}

pub fn exceptions(reg: &ExceptionRegister) -> String {
    let mut rows = vec![[
        "state",
        "rules",
        "resource",
        "finding",
        "kind",
        "reason",
        "expires",
        "days_left",
        "owner",
        "location",
        "flags",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect::<Vec<_>>()];
    for e in &reg.entries {
        rows.push(vec![
            e.state.as_str().to_string(),
            e.rules.join(" "),
            e.resource.clone().unwrap_or_default(),
            e.finding.clone().unwrap_or_default(),
            e.kind.clone(),
            e.reason.clone(),
            e.expires.clone().unwrap_or_default(),
            e.days_left.map(|d| d.to_string()).unwrap_or_default(),
            e.owner.clone().unwrap_or_default(),
            e.location.clone(),
            e.flags.join("; "),
        ]);
    }
    write(rows)
}
