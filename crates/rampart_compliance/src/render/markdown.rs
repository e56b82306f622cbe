//! Markdown: for pull requests, wikis and tickets.

use std::fmt::Write;

use crate::assess::{ControlAssessment, ControlStatus};
use crate::exceptions::ExceptionRegister;
use crate::ComplianceReport;

/// Escape text for a Markdown table cell or inline text.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// An identifier as a code span (pipes escaped for tables), or escaped text
/// when it cannot be one.
fn code(s: &str) -> String {
    if s.is_empty() || s.contains(['`', '\n', '\r']) || s.chars().any(char::is_control) {
        md(s)
    } else {
        format!("`{}`", s.replace('|', "\\|"))
    }
}

pub fn render(r: &ComplianceReport) -> String {
    let a = &r.assessment;
    let m = &r.meta;
    let mut o = String::new();
    let _ = writeln!(o, "# Compliance report: {}", md(&a.framework.name));
    let _ = writeln!(o);
    if let Some(p) = a.mapping.as_ref().filter(|p| p.id != a.framework.id) {
        let _ = writeln!(
            o,
            "Policy mapping: **{}** {}{}\n",
            md(&p.id),
            md(&p.name),
            p.version
                .as_deref()
                .map(|v| format!(" (version {})", md(v)))
                .unwrap_or_default()
        );
    }
    if let Some(p) = &a.mapping {
        if let Some(d) = &p.description {
            let _ = writeln!(o, "{}\n", md(d));
        }
    }
    let _ = writeln!(o, "| | |\n|---|---|");
    let _ = writeln!(
        o,
        "| Framework | {} `{}` version {} ({}) |",
        md(&a.framework.name),
        md(&a.framework.id),
        md(&a.framework.version),
        a.framework.kind
    );
    if let Some(owner) = a.mapping.as_ref().and_then(|p| p.owner.as_deref()) {
        let _ = writeln!(o, "| Policy owner | {} |", md(owner));
    }
    let _ = writeln!(o, "| Generated | {} |", md(&m.generated_at));
    let _ = writeln!(
        o,
        "| Scanned | {} |",
        md(m.scanned_at.as_deref().unwrap_or("not recorded"))
    );
    let _ = writeln!(o, "| Source | {} |", md(&m.source));
    let _ = writeln!(o, "| Tool | {} {} |", md(&m.tool.name), md(&m.tool.version));
    let _ = writeln!(o, "| Git commit | {} |", md(&super::git_text(m)));
    let _ = writeln!(
        o,
        "| Rule set | {} rules, {} |",
        m.rules,
        md(&m.rule_set_digest)
    );
    let s = &m.summary;
    let _ = writeln!(
        o,
        "| Scan | {} files, {} resources; {} passed, {} failed, {} excepted, {} unknown, {} errors |",
        s.files_scanned, s.resources, s.passed, s.failed, s.suppressed, s.unknown, s.errors
    );
    let _ = writeln!(o);
    for w in &m.warnings {
        let _ = writeln!(o, "> **Note:** {}\n", md(w));
    }
    let t = &a.totals;
    let _ = writeln!(o, "## Summary\n");
    let _ = writeln!(
        o,
        "{} controls; automated evidence for {} ({}%).\n",
        t.controls, t.automated, t.coverage_percent
    );
    let _ = writeln!(o, "| Status | Controls | Meaning |\n|---|---:|---|");
    for st in ControlStatus::ALL {
        let _ = writeln!(o, "| {} | {} | {} |", st.label(), t.count(st), st.meaning());
    }
    let _ = writeln!(o);
    if !a.unresolved.is_empty() {
        let _ = writeln!(o, "**Mapping references that match nothing:**\n");
        for u in &a.unresolved {
            let _ = writeln!(o, "- {}", md(u));
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(o, "## Controls\n");
    let _ = writeln!(
        o,
        "| Control | Title | Status | Rules | Resources (pass / fail / other) | Exceptions |\n|---|---|---|---:|---|---:|"
    );
    for c in &a.controls {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} |",
            code(&c.id),
            md(&c.title),
            status_badge(c.status),
            c.rules.len(),
            if c.rules.is_empty() {
                "".to_string()
            } else {
                format!(
                    "{} / {} / {}",
                    c.resources.passing, c.resources.failing, c.resources.other
                )
            },
            c.exceptions.len()
        );
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "## Control details\n");
    for c in &a.controls {
        control(&mut o, c);
    }
    exceptions(&mut o, &r.exceptions, "##");
    o
}

fn status_badge(s: ControlStatus) -> String {
    match s {
        ControlStatus::Failing => "**FAILING**".into(),
        ControlStatus::NotCovered => "**NOT COVERED**".into(),
        other => other.label().to_string(),
    }
}

fn control(o: &mut String, c: &ControlAssessment) {
    let _ = writeln!(o, "### {} {}\n", md(&c.id), md(&c.title));
    let _ = write!(o, "Status: {}.", status_badge(c.status));
    if !c.rules.is_empty() {
        let _ = write!(
            o,
            " Resources evaluated: {} ({} passing, {} failing, {} other). Results: {} pass, {} fail, {} excepted, {} unknown.",
            c.resources.evaluated,
            c.resources.passing,
            c.resources.failing,
            c.resources.other,
            c.results.pass,
            c.results.fail,
            c.results.excepted,
            c.results.unknown
        );
    }
    let _ = writeln!(o, "\n");
    if let Some(man) = &c.manual {
        let what = if c.rules.is_empty() {
            "Evidence to attach"
        } else {
            "Also attach"
        };
        let _ = writeln!(o, "{what}: {}\n", md(man));
    }
    if c.status == ControlStatus::NotCovered {
        let _ = writeln!(
            o,
            "No automated check and no description of manual evidence.\n"
        );
    }
    let (active, idle): (Vec<_>, Vec<_>) = c.rules.iter().partition(|r| r.results.evaluated() > 0);
    if !active.is_empty() {
        let _ = writeln!(
            o,
            "| Rule | Title | Severity | Pass | Fail | Excepted | Unknown | Mapped via |\n|---|---|---|---:|---:|---:|---:|---|"
        );
        for r in &active {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                code(&r.id),
                md(&r.title),
                r.severity,
                r.results.pass,
                r.results.fail,
                r.results.excepted,
                r.results.unknown,
                md(&r.via.join(", "))
            );
        }
        let _ = writeln!(o);
    }
    if !idle.is_empty() {
        let list: Vec<String> = idle
            .iter()
            .map(|r| format!("{} {}", code(&r.id), md(&r.title)))
            .collect();
        let _ = writeln!(
            o,
            "{} with nothing to check in this scan (no resource of their kinds): {}.\n",
            if active.is_empty() {
                "Rules behind this control"
            } else {
                "Also behind this control, rules"
            },
            list.join("; ")
        );
    }
    for (label, list) in [("Failing", &c.failing), ("Unknown", &c.unknown)] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(o, "{label} resources:\n");
        for f in list {
            let _ = writeln!(
                o,
                "- {} at {} ({}, {}): {}",
                code(&f.resource),
                code(&format!("{}:{}", f.file, f.line)),
                code(&f.rule_id),
                f.severity,
                md(&f.message)
            );
        }
        let _ = writeln!(o);
    }
    if !c.exceptions.is_empty() {
        let _ = writeln!(o, "Exceptions:\n");
        for e in &c.exceptions {
            let _ = writeln!(
                o,
                "- {} {} on {}: {} (owner {}, expires {}, written at {})",
                e.state.as_str(),
                code(&e.rules.join(",")),
                e.resource
                    .as_deref()
                    .map(code)
                    .unwrap_or_else(|| "(see location)".into()),
                if e.reason.is_empty() {
                    "no reason recorded".to_string()
                } else {
                    format!("\"{}\"", md(&e.reason))
                },
                md(e.owner.as_deref().unwrap_or("none")),
                md(e.expires.as_deref().unwrap_or("never")),
                code(&e.location)
            );
        }
        let _ = writeln!(o);
    }
}

pub fn exceptions(o: &mut String, reg: &ExceptionRegister, level: &str) {
    let _ = writeln!(o, "{level} Exception register\n");
    let t = &reg.totals;
    let _ = writeln!(
        o,
        "As of {}: {} active, {} expired (counted as failures), {} unused; {} flagged.{}\n",
        md(&reg.policy.today),
        t.active,
        t.expired,
        t.unused,
        t.flagged,
        reg.policy
            .max_age_days
            .map(|d| format!(" Exceptions must expire within {d} days."))
            .unwrap_or_default()
    );
    if reg.entries.is_empty() {
        let _ = writeln!(o, "No exceptions.\n");
        return;
    }
    let _ = writeln!(
        o,
        "| State | Rule | Resource | Reason | Expires | Owner | Location | Flags |\n|---|---|---|---|---|---|---|---|"
    );
    for e in &reg.entries {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            e.state.as_str(),
            code(&e.rules.join(", ")),
            e.resource.as_deref().map(code).unwrap_or_default(),
            md(&e.reason),
            md(e.expires.as_deref().unwrap_or("")),
            md(e.owner.as_deref().unwrap_or("")),
            code(&e.location),
            md(&e.flags.join(", "))
        );
    }
    let _ = writeln!(o);
}
