//! One self-contained HTML file: inline CSS (screen and print), an inline
//! SVG status chart, an overview table, a table per control, the exception
//! register and the scan metadata. No scripts, no external resources.

use std::fmt::Write;

use crate::assess::{ControlAssessment, ControlStatus};
use crate::exceptions::ExceptionRegister;
use crate::ComplianceReport;

/// Escape text for HTML element content and double-quoted attributes.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A string usable in an `id` attribute and `#fragment`.
fn anchor(s: &str) -> String {
    let a: String = s
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("c-{a}")
}

fn colour(s: ControlStatus) -> &'static str {
    match s {
        ControlStatus::Satisfied => "#2e7d32",
        ControlStatus::Partial => "#b26a00",
        ControlStatus::Failing => "#c62828",
        ControlStatus::NotApplicable => "#757575",
        ControlStatus::Manual => "#1565c0",
        ControlStatus::NotCovered => "#6a1b9a",
    }
}

const CSS: &str = r#"
:root { --fg:#1b1b1b; --muted:#5f6368; --line:#d5d8dc; --bg:#ffffff; --head:#f3f4f6; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--fg); background: var(--bg); margin: 0 auto; padding: 24px; max-width: 1200px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 10px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 0 0 6px; }
.sub { color: var(--muted); margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 7px; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.id code { white-space: nowrap; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; overflow-wrap: anywhere; }
.meta th { width: 170px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12px; font-weight: 600; white-space: nowrap;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.summary { display: flex; gap: 24px; align-items: flex-start; flex-wrap: wrap; }
.summary svg { flex: 0 0 auto; }
.legend td:first-child { white-space: nowrap; }
.control { border: 1px solid var(--line); border-left: 6px solid var(--muted); border-radius: 4px; padding: 10px 12px; margin: 10px 0; break-inside: avoid; page-break-inside: avoid; }
.control p { margin: 4px 0; }
.hint { color: var(--muted); font-size: 12px; }
.note { background: #fff8e1; border: 1px solid #f0d58c; padding: 6px 10px; border-radius: 4px; }
.flag { color: #c62828; font-weight: 600; }
a { color: #0b57d0; text-decoration: none; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { padding: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, .control { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; }
  .noprint { display: none; }
  table { font-size: 9pt; }
  .summary { display: block; }
  .summary table.legend { width: 100% !important; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

pub fn render(r: &ComplianceReport) -> String {
    let a = &r.assessment;
    let m = &r.meta;
    let mut o = String::new();
    let title = format!("Compliance report: {}", a.framework.name);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"{} {}\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
        esc(&m.tool.name),
        esc(&m.tool.version),
        esc(&title),
        CSS
    );
    let _ = writeln!(o, "<header>\n<h1>{}</h1>", esc(&title));
    let _ = writeln!(
        o,
        "<p class=\"sub\">{} <code>{}</code>, version {} ({}){}</p>\n</header>",
        esc(&a.framework.name),
        esc(&a.framework.id),
        esc(&a.framework.version),
        esc(&a.framework.kind),
        a.mapping
            .as_ref()
            .filter(|p| p.id != a.framework.id)
            .map(|p| format!(
                " &middot; company policy <strong>{}</strong> {}{}",
                esc(&p.id),
                esc(&p.name),
                p.version
                    .as_deref()
                    .map(|v| format!(" (version {})", esc(v)))
                    .unwrap_or_default()
            ))
            .unwrap_or_default()
    );

    // Metadata.
    let _ = writeln!(
        o,
        "<section id=\"scan\">\n<h2>Scan</h2>\n<table class=\"meta\">"
    );
    let s = &m.summary;
    let mut rows: Vec<(&str, String)> = Vec::new();
    if let Some(p) = &a.mapping {
        if let Some(owner) = &p.owner {
            rows.push(("Policy owner", esc(owner)));
        }
        if let Some(d) = &p.description {
            rows.push(("Policy", esc(d)));
        }
    }
    rows.extend([
        ("Report generated", esc(&m.generated_at)),
        (
            "Scan time",
            esc(m.scanned_at.as_deref().unwrap_or("not recorded")),
        ),
        ("Source", format!("<code>{}</code>", esc(&m.source))),
        (
            "Tool",
            format!("{} {}", esc(&m.tool.name), esc(&m.tool.version)),
        ),
        (
            "Git commit",
            format!("<code>{}</code>", esc(&super::git_text(m))),
        ),
        (
            "Rule set",
            format!(
                "{} rules, digest <code>{}</code>",
                m.rules,
                esc(&m.rule_set_digest)
            ),
        ),
        (
            "Scan results",
            format!(
                "{} files, {} resources; {} passed, {} failed, {} excepted, {} unknown; {} errors",
                s.files_scanned, s.resources, s.passed, s.failed, s.suppressed, s.unknown, s.errors
            ),
        ),
    ]);
    for (k, v) in rows {
        let _ = writeln!(o, "<tr><th scope=\"row\">{k}</th><td>{v}</td></tr>");
    }
    let _ = writeln!(o, "</table>");
    for w in &m.warnings {
        let _ = writeln!(o, "<p class=\"note\">{}</p>", esc(w));
    }
    let _ = writeln!(o, "</section>");

    // Summary with chart.
    let t = &a.totals;
    let _ = writeln!(o, "<section id=\"summary\">\n<h2>Summary</h2>");
    let _ = writeln!(
        o,
        "<p><strong>{}</strong> controls; automated evidence for <strong>{}</strong> ({}% coverage).</p>",
        t.controls, t.automated, t.coverage_percent
    );
    let _ = writeln!(o, "<div class=\"summary\">");
    chart(&mut o, t);
    let _ = writeln!(
        o,
        "<table class=\"legend\" style=\"width:auto;flex:1\">\n<thead><tr><th>Status</th><th class=\"num\">Controls</th><th>Meaning</th></tr></thead>\n<tbody>"
    );
    for st in ControlStatus::ALL {
        let _ = writeln!(
            o,
            "<tr data-status=\"{}\"><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            st.as_str(),
            badge(st),
            t.count(st),
            esc(st.meaning())
        );
    }
    let _ = writeln!(o, "</tbody></table>\n</div>");
    if !a.unresolved.is_empty() {
        let _ = writeln!(
            o,
            "<p class=\"note\">Mapping references that match nothing:</p><ul>"
        );
        for u in &a.unresolved {
            let _ = writeln!(o, "<li>{}</li>", esc(u));
        }
        let _ = writeln!(o, "</ul>");
    }
    let _ = writeln!(o, "</section>");

    // Overview.
    let _ = writeln!(
        o,
        "<section id=\"overview\">\n<h2>Controls</h2>\n<table id=\"controls\">\n<thead><tr><th>Control</th><th>Title</th><th>Status</th><th class=\"num\">Rules</th><th class=\"num\">Resources passing</th><th class=\"num\">Resources failing</th><th class=\"num\">Exceptions</th></tr></thead>\n<tbody>"
    );
    for c in &a.controls {
        let _ = writeln!(
            o,
            "<tr data-control=\"{}\" data-status=\"{}\"><td><a href=\"#{}\"><code>{}</code></a></td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&c.id),
            c.status.as_str(),
            anchor(&c.id),
            esc(&c.id),
            esc(&c.title),
            badge(c.status),
            c.rules.len(),
            c.resources.passing,
            c.resources.failing,
            c.exceptions.len()
        );
    }
    let _ = writeln!(o, "</tbody></table>\n</section>");

    // Details.
    let _ = writeln!(o, "<section id=\"details\">\n<h2>Control details</h2>");
    for c in &a.controls {
        control(&mut o, c);
    }
    let _ = writeln!(o, "</section>");

    exceptions(&mut o, &r.exceptions);

    let _ = writeln!(
        o,
        "<footer>Produced by {} {} on {}. Statuses are computed from automated checks of infrastructure code; \
         controls marked manual need the evidence described to be attached by a person.</footer>\n</body>\n</html>",
        esc(&m.tool.name),
        esc(&m.tool.version),
        esc(&m.generated_at)
    );
    o
}

fn badge(s: ControlStatus) -> String {
    format!(
        "<span class=\"badge status-{}\" style=\"background:{}\">{}</span>",
        s.as_str(),
        colour(s),
        s.label()
    )
}

/// A horizontal stacked bar of statuses, with counts.
fn chart(o: &mut String, t: &crate::Totals) {
    let w = 360.0_f64;
    let total = t.controls.max(1) as f64;
    let _ = writeln!(
        o,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"Control status chart\">\n<title>Controls by status</title>",
        w + 20.0,
        60 + 22 * ControlStatus::ALL.len(),
        w + 20.0,
        60 + 22 * ControlStatus::ALL.len()
    );
    let _ = writeln!(
        o,
        "<rect x=\"10\" y=\"10\" width=\"{w}\" height=\"28\" fill=\"#eeeeee\"/>"
    );
    let mut x = 10.0;
    for st in ControlStatus::ALL {
        let n = t.count(st);
        if n == 0 {
            continue;
        }
        let width = w * n as f64 / total;
        let _ = writeln!(
            o,
            "<rect class=\"bar-{}\" x=\"{:.2}\" y=\"10\" width=\"{:.2}\" height=\"28\" fill=\"{}\"><title>{}: {}</title></rect>",
            st.as_str(),
            x,
            width,
            colour(st),
            st.label(),
            n
        );
        x += width;
    }
    for (i, st) in ControlStatus::ALL.iter().enumerate() {
        let y = 56 + 22 * i;
        let _ = writeln!(
            o,
            "<rect x=\"10\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\"/><text x=\"32\" y=\"{}\" font-size=\"13\" font-family=\"sans-serif\">{}: {}</text>",
            y,
            colour(*st),
            y + 12,
            st.label(),
            t.count(*st)
        );
    }
    let _ = writeln!(o, "</svg>");
}

fn control(o: &mut String, c: &ControlAssessment) {
    let _ = writeln!(
        o,
        "<div class=\"control\" id=\"{}\" data-control=\"{}\" data-status=\"{}\" style=\"border-left-color:{}\">",
        anchor(&c.id),
        esc(&c.id),
        c.status.as_str(),
        colour(c.status)
    );
    let _ = writeln!(
        o,
        "<h3><code>{}</code> {} {}</h3>",
        esc(&c.id),
        esc(&c.title),
        badge(c.status)
    );
    if !c.rules.is_empty() {
        let _ = writeln!(
            o,
            "<p>Resources evaluated: {} ({} passing, {} failing, {} other). Results: {} pass, {} fail, {} excepted, {} unknown.</p>",
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
    if let Some(man) = &c.manual {
        let what = if c.rules.is_empty() {
            "Evidence to attach"
        } else {
            "Also attach"
        };
        let _ = writeln!(o, "<p><strong>{what}:</strong> {}</p>", esc(man));
    }
    if c.status == ControlStatus::NotCovered {
        let _ = writeln!(
            o,
            "<p class=\"flag\">No automated check and no description of manual evidence.</p>"
        );
    }
    let (active, idle): (Vec<_>, Vec<_>) = c.rules.iter().partition(|r| r.results.evaluated() > 0);
    if !active.is_empty() {
        let _ = writeln!(
            o,
            "<table class=\"rules\">\n<thead><tr><th>Rule</th><th>Title</th><th>Severity</th><th class=\"num\">Pass</th><th class=\"num\">Fail</th><th class=\"num\">Excepted</th><th class=\"num\">Unknown</th><th>Mapped via</th></tr></thead>\n<tbody>"
        );
        for r in &active {
            let _ = writeln!(
                o,
                "<tr data-rule=\"{}\"><td class=\"id\"><code>{}</code></td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"mono\">{}</td></tr>",
                esc(&r.id),
                esc(&r.id),
                esc(&r.title),
                r.severity,
                r.results.pass,
                r.results.fail,
                r.results.excepted,
                r.results.unknown,
                esc(&r.via.join(", "))
            );
        }
        let _ = writeln!(o, "</tbody></table>");
    }
    if !idle.is_empty() {
        let list: Vec<String> = idle
            .iter()
            .map(|r| {
                format!(
                    "<span class=\"idle-rule\" data-rule=\"{}\"><code>{}</code> {}</span>",
                    esc(&r.id),
                    esc(&r.id),
                    esc(&r.title)
                )
            })
            .collect();
        let _ = writeln!(
            o,
            "<p class=\"hint\">{} with nothing to check in this scan (no resource of their kinds): {}.</p>",
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
        let _ = writeln!(
            o,
            "<table class=\"{}\">\n<thead><tr><th>{label} resource</th><th>Location</th><th>Rule</th><th>Severity</th><th>Message</th></tr></thead>\n<tbody>",
            label.to_lowercase()
        );
        for f in list {
            let _ = writeln!(
                o,
                "<tr><td><code>{}</code></td><td><code>{}:{}</code></td><td class=\"id\"><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                esc(&f.resource),
                esc(&f.file),
                f.line,
                esc(&f.rule_id),
                f.severity,
                esc(&f.message)
            );
        }
        let _ = writeln!(o, "</tbody></table>");
    }
    if !c.exceptions.is_empty() {
        let _ = writeln!(
            o,
            "<table class=\"exceptions\">\n<thead><tr><th>Exception</th><th>Rule</th><th>Resource</th><th>Reason</th><th>Owner</th><th>Expires</th><th>Written at</th></tr></thead>\n<tbody>"
        );
        for e in &c.exceptions {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td class=\"id\"><code>{}</code></td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>",
                e.state.as_str(),
                esc(&e.rules.join(", ")),
                esc(e.resource.as_deref().unwrap_or("")),
                esc(&e.reason),
                esc(e.owner.as_deref().unwrap_or("")),
                esc(e.expires.as_deref().unwrap_or("never")),
                esc(&e.location)
            );
        }
        let _ = writeln!(o, "</tbody></table>");
    }
    let _ = writeln!(o, "</div>");
}

fn exceptions(o: &mut String, reg: &ExceptionRegister) {
    let t = &reg.totals;
    let _ = writeln!(
        o,
        "<section id=\"exceptions\">\n<h2>Exception register</h2>\n<p>As of {}: {} active, {} expired (counted as failures), {} unused; {} flagged.{}</p>",
        esc(&reg.policy.today),
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
        let _ = writeln!(o, "<p>No exceptions.</p>\n</section>");
        return;
    }
    let _ = writeln!(
        o,
        "<table id=\"exception-register\">\n<thead><tr><th>State</th><th>Rule</th><th>Resource</th><th>Reason</th><th>Expires</th><th>Owner</th><th>Written at</th><th>Flags</th></tr></thead>\n<tbody>"
    );
    for e in &reg.entries {
        let _ = writeln!(
            o,
            "<tr data-state=\"{}\"><td>{}</td><td class=\"id\"><code>{}</code></td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td class=\"flag\">{}</td></tr>",
            e.state.as_str(),
            e.state.as_str(),
            esc(&e.rules.join(", ")),
            esc(e.resource.as_deref().unwrap_or("")),
            esc(&e.reason),
            esc(e.expires.as_deref().unwrap_or("")),
            esc(e.owner.as_deref().unwrap_or("")),
            esc(&e.location),
            esc(&e.flags.join(", "))
        );
    }
    let _ = writeln!(o, "</tbody></table>\n</section>");
}
