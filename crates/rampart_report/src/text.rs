//! Human output for a terminal or a CI log.
//!
//! Findings are grouped by file; each one is a block in the style of rustc's
//! diagnostics:
//!
//! ```text
//! high[RMP-AWS-S3-002]: S3 bucket versioning is disabled
//!  --> modules/app/s3.tf:5:1
//!   |
//! 5 | / resource "aws_s3_bucket" "logs" {
//! 6 | |   for_each = toset(["a", "b"])
//! 7 | | }
//!   | |_^
//!   |
//!   = resource: module.app.aws_s3_bucket.logs["a"]
//!   = note: versioning is not enabled
//!   = help: add an aws_s3_bucket_versioning resource with status "Enabled"
//! ```
//!
//! then the scan errors, a summary table and a one-line summary. Only open
//! failures and unknowns are listed by default; passes, suppressed failures
//! and unknowns are governed by [`TextOptions`]. Not-applicable results are
//! only counted.

use std::fmt::Write as _;

use comfy_table::{presets, CellAlignment, Table};
use owo_colors::{OwoColorize, Style};
use rampart_model::report::{Finding, Report, ScanError, Summary};
use rampart_model::{Severity, Status};

use crate::util::{describe_suppression, message_of, one_line, sanitize};

/// Options of the text reporter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// Use ANSI colours. When false the output contains no escape codes at all.
    pub color: bool,
    /// Also list passing results (they are always counted).
    pub show_passed: bool,
    /// Also list suppressed failures, with their justification.
    pub show_suppressed: bool,
    /// List results whose outcome could not be decided (default: yes).
    pub show_unknown: bool,
    /// Print only the one-line summary.
    pub quiet: bool,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            color: false,
            show_passed: false,
            show_suppressed: false,
            show_unknown: true,
            quiet: false,
        }
    }
}

/// Renders the report for people. Ends with a newline.
pub fn render(report: &Report, opts: &TextOptions) -> String {
    let p = Painter { color: opts.color };
    let mut out = String::new();
    if opts.quiet {
        out.push_str(&summary_line(&report.summary, &p));
        out.push('\n');
        return out;
    }

    let shown: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| is_listed(f, opts))
        .collect();

    let mut current_file: Option<&str> = None;
    for f in &shown {
        if current_file != Some(f.file.as_str()) {
            current_file = Some(f.file.as_str());
            let name = if f.file.is_empty() {
                "(no file)".to_string()
            } else {
                one_line(&f.file)
            };
            let _ = writeln!(out, "{}", p.paint(&name, Style::new().bold().underline()));
            out.push('\n');
        }
        finding_block(&mut out, f, &p);
        out.push('\n');
    }
    if shown.is_empty() {
        let _ = writeln!(out, "No findings to show.\n");
    }

    if !report.errors.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            p.paint(&problems_header(&report.errors), Style::new().red().bold())
        );
        for e in &report.errors {
            let _ = writeln!(out, "  {}", error_line(e, &p));
        }
        out.push('\n');
    }

    out.push_str(&summary_table(&report.summary));
    out.push('\n');
    out.push_str(&summary_line(&report.summary, &p));
    out.push('\n');
    out
}

fn is_listed(f: &Finding, opts: &TextOptions) -> bool {
    match f.status {
        Status::Fail if f.suppressed => opts.show_suppressed,
        Status::Fail => true,
        Status::Unknown => opts.show_unknown,
        Status::Pass => opts.show_passed,
        Status::NotApplicable => false,
    }
}

/// Applies styles only when colour is on.
struct Painter {
    color: bool,
}

impl Painter {
    fn paint(&self, s: &str, style: Style) -> String {
        if self.color {
            s.style(style).to_string()
        } else {
            s.to_string()
        }
    }

    fn gutter(&self, s: &str) -> String {
        self.paint(s, Style::new().bright_blue().bold())
    }
}

fn severity_style(s: Severity) -> Style {
    match s {
        Severity::Critical => Style::new().bright_red().bold(),
        Severity::High => Style::new().red().bold(),
        Severity::Medium => Style::new().yellow().bold(),
        Severity::Low => Style::new().blue().bold(),
        Severity::Info => Style::new().cyan().bold(),
    }
}

fn finding_block(out: &mut String, f: &Finding, p: &Painter) {
    let sev_style = severity_style(f.severity);
    let (tag, tag_style) = match f.status {
        Status::Fail if f.suppressed => (Some("suppressed"), Style::new().dimmed()),
        Status::Fail => (None, Style::new()),
        Status::Unknown => (Some("unknown"), Style::new().magenta().bold()),
        Status::Pass => (Some("passed"), Style::new().green().bold()),
        Status::NotApplicable => (Some("not applicable"), Style::new().dimmed()),
    };
    let mut header = format!(
        "{}{}",
        p.paint(
            &format!("{}[{}]", f.severity, one_line(&f.rule_id)),
            sev_style
        ),
        p.paint(&format!(": {}", one_line(&f.title)), Style::new().bold())
    );
    if let Some(tag) = tag {
        let _ = write!(header, " {}", p.paint(&format!("({tag})"), tag_style));
    }
    let _ = writeln!(out, "{header}");

    // Width of the line-number gutter.
    let mut max_line = f.line.max(f.end_line);
    let show_snippet = matches!(f.status, Status::Fail | Status::Unknown);
    if let (true, Some(s)) = (show_snippet, &f.snippet) {
        max_line = max_line.max(s.start_line + s.lines.len().saturating_sub(1));
    }
    let w = digits(max_line);
    let pad = " ".repeat(w);

    if !f.file.is_empty() {
        let place = if f.line == 0 {
            one_line(&f.file)
        } else if f.column == 0 {
            format!("{}:{}", one_line(&f.file), f.line)
        } else {
            format!("{}:{}:{}", one_line(&f.file), f.line, f.column)
        };
        let _ = writeln!(out, "{pad}{} {place}", p.gutter("-->"));
    }

    if let (true, Some(snippet)) = (show_snippet, &f.snippet) {
        if !snippet.lines.is_empty() {
            snippet_lines(out, f, snippet, w, p, sev_style);
            let _ = writeln!(out, "{pad} {}", p.gutter("|"));
        }
    }

    let eq = p.gutter("=");
    note(out, &pad, &eq, p, "resource", &f.resource);
    note(out, &pad, &eq, p, "note", message_of(f));
    if f.status == Status::Fail && !f.remediation.trim().is_empty() {
        note(out, &pad, &eq, p, "help", &f.remediation);
    }
    if f.suppressed {
        let text = match &f.suppression {
            Some(s) => describe_suppression(s),
            None => "no justification recorded".to_string(),
        };
        note(out, &pad, &eq, p, "suppressed", &text);
    }
}

/// ` = label: text`, with continuation lines of a multi-line text aligned
/// under the first.
fn note(out: &mut String, pad: &str, eq: &str, p: &Painter, label: &str, text: &str) {
    let text = sanitize(text.trim_end());
    let mut lines = text.lines();
    let first = lines.next().unwrap_or("");
    let _ = writeln!(
        out,
        "{pad} {eq} {}: {}",
        p.paint(label, Style::new().bold()),
        first.replace('\t', "    ")
    );
    let indent = " ".repeat(label.len() + 2);
    for l in lines {
        let l = l.replace('\t', "    ");
        if l.trim().is_empty() {
            let _ = writeln!(out, "{pad}   ");
        } else {
            let _ = writeln!(out, "{pad}   {indent}{l}");
        }
    }
}

fn snippet_lines(
    out: &mut String,
    f: &Finding,
    snippet: &rampart_model::report::Snippet,
    w: usize,
    p: &Painter,
    mark: Style,
) {
    let pad = " ".repeat(w);
    let bar = p.gutter("|");
    let first = f.line;
    let last = f.end_line.max(f.line);
    let multi = last > first && first > 0;
    let _ = writeln!(out, "{pad} {bar}");
    let shown_last = snippet.start_line + snippet.lines.len().saturating_sub(1);
    for (i, raw) in snippet.lines.iter().enumerate() {
        let n = snippet.start_line + i;
        let text = display_line(raw);
        let num = p.gutter(&format!("{n:>w$}"));
        if multi {
            let marker = if n == first {
                p.paint("/", mark)
            } else if n > first && n <= last {
                p.paint("|", mark)
            } else {
                " ".to_string()
            };
            let _ = writeln!(out, "{}", trim_end(&format!("{num} {bar} {marker} {text}")));
            if n == last {
                // The caret goes under the last character of the span (the
                // end column is exclusive); code starts two places after
                // the marker bar.
                let last = f.end_column.saturating_sub(2);
                let under = format!("|{}^", "_".repeat(display_width(raw, last) + 1));
                let _ = writeln!(out, "{pad} {bar} {}", p.paint(&under, mark));
            }
        } else {
            let _ = writeln!(out, "{}", trim_end(&format!("{num} {bar} {text}")));
            if n == first {
                let start = display_width(raw, f.column.saturating_sub(1));
                let end = if f.end_line == f.line && f.end_column > f.column {
                    display_width(raw, f.end_column - 1)
                } else {
                    start + 1
                };
                let carets = "^".repeat(end.saturating_sub(start).max(1));
                let _ = writeln!(
                    out,
                    "{pad} {bar} {}{}",
                    " ".repeat(start),
                    p.paint(&carets, mark)
                );
            }
        }
    }
    if multi && shown_last < last && shown_last >= first {
        // The snippet was cut before the end of the span.
        let _ = writeln!(out, "{pad} {bar} {} ...", p.paint("|", mark));
    }
}

/// A source line as shown: control characters escaped, tabs as 4 spaces,
/// no trailing whitespace.
fn display_line(raw: &str) -> String {
    sanitize(raw).replace('\t', "    ").trim_end().to_string()
}

/// Display width of the first `chars` characters of `raw` (tabs count 4),
/// clamped to the trimmed length of the line.
fn display_width(raw: &str, chars: usize) -> usize {
    let shown = display_line(raw).chars().count();
    let w: usize = raw
        .chars()
        .take(chars)
        .map(|c| match c {
            '\t' => 4,
            c if c.is_control() => c.escape_default().count(),
            _ => 1,
        })
        .sum();
    w.min(shown)
}

fn trim_end(s: &str) -> String {
    s.trim_end().to_string()
}

fn digits(n: usize) -> usize {
    n.max(1).to_string().len()
}

fn error_line(e: &ScanError, p: &Painter) -> String {
    let mut place = one_line(&e.file);
    if let Some(l) = e.line {
        let _ = write!(place, ":{l}");
        if let Some(c) = e.column {
            let _ = write!(place, ":{c}");
        }
    }
    let style = match e.level.as_str() {
        "error" => Style::new().red().bold(),
        "warning" => Style::new().yellow().bold(),
        _ => Style::new().cyan().bold(),
    };
    let level = p.paint(
        &format!("{}[{}]", one_line(&e.level), one_line(&e.code)),
        style,
    );
    let msg = one_line(&e.message.replace('\n', " "));
    if place.is_empty() {
        format!("{level}: {msg}")
    } else {
        format!("{place}: {level}: {msg}")
    }
}

/// `problems (1 error, 2 warnings):` — input that was not (fully) scanned.
fn problems_header(errors: &[ScanError]) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for e in errors {
        match counts.iter_mut().find(|(l, _)| *l == e.level) {
            Some((_, n)) => *n += 1,
            None => counts.push((e.level.clone(), 1)),
        }
    }
    let rank = |l: &str| match l {
        "error" => 0,
        "warning" => 1,
        "note" => 2,
        _ => 3,
    };
    counts.sort_by_key(|(l, _)| rank(l));
    let parts: Vec<String> = counts
        .iter()
        .map(|(l, n)| format!("{n} {}{}", one_line(l), plural(*n)))
        .collect();
    format!("problems ({}):", parts.join(", "))
}

fn duration(ms: u64) -> String {
    if ms < 1000 {
        format!("{ms} ms")
    } else {
        format!("{}.{:02} s", ms / 1000, (ms % 1000) / 10)
    }
}

fn summary_table(s: &Summary) -> String {
    let sev = &s.by_severity;
    let left = [
        ("critical", sev.critical.to_string()),
        ("high", sev.high.to_string()),
        ("medium", sev.medium.to_string()),
        ("low", sev.low.to_string()),
        ("info", sev.info.to_string()),
    ];
    let middle = [
        ("failed", s.failed.to_string()),
        ("passed", s.passed.to_string()),
        ("unknown", s.unknown.to_string()),
        ("suppressed", s.suppressed.to_string()),
        ("baselined", s.baselined.to_string()),
        ("not applicable", s.not_applicable.to_string()),
        ("errors", s.errors.to_string()),
    ];
    let right = [
        ("files", s.files_scanned.to_string()),
        ("resources", s.resources.to_string()),
        ("rules", s.rules.to_string()),
        ("duration", duration(s.duration_ms)),
    ];
    let mut table = Table::new();
    table.load_preset(presets::UTF8_FULL_CONDENSED);
    table.set_header(vec!["Severity", "Failed", "Result", "Count", "Scanned", ""]);
    let rows = left.len().max(middle.len()).max(right.len());
    for i in 0..rows {
        let mut row: Vec<String> = Vec::with_capacity(6);
        for col in [&left[..], &middle[..], &right[..]] {
            match col.get(i) {
                Some((k, v)) => {
                    row.push((*k).to_string());
                    row.push(v.clone());
                }
                None => {
                    row.push(String::new());
                    row.push(String::new());
                }
            }
        }
        table.add_row(row);
    }
    for i in [1, 3, 5] {
        if let Some(c) = table.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    let mut t = table.to_string();
    t.push('\n');
    t
}

/// `4 failed (2 critical, 2 high), 2 passed, ...; 5 files, 9 resources, 7 rules in 1.23 s`
fn summary_line(s: &Summary, p: &Painter) -> String {
    let sev = &s.by_severity;
    let parts: Vec<String> = [
        (sev.critical, "critical"),
        (sev.high, "high"),
        (sev.medium, "medium"),
        (sev.low, "low"),
        (sev.info, "info"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, name)| format!("{n} {name}"))
    .collect();
    let mut failed = format!("{} failed", s.failed);
    if !parts.is_empty() {
        let _ = write!(failed, " ({})", parts.join(", "));
    }
    let failed = if s.failed > 0 {
        p.paint(&failed, Style::new().red().bold())
    } else {
        p.paint(&failed, Style::new().green().bold())
    };
    let mut line = format!("{failed}, {} passed", s.passed);
    for (n, what) in [
        (s.unknown, "unknown"),
        (s.suppressed, "suppressed"),
        (s.baselined, "baselined"),
    ] {
        if n > 0 {
            let _ = write!(line, ", {n} {what}");
        }
    }
    if s.errors > 0 {
        let e = format!("{} error{}", s.errors, if s.errors == 1 { "" } else { "s" });
        let _ = write!(line, ", {}", p.paint(&e, Style::new().red()));
    }
    let _ = write!(
        line,
        "; {} file{}, {} resource{}, {} rule{} in {}",
        s.files_scanned,
        plural(s.files_scanned),
        s.resources,
        plural(s.resources),
        s.rules,
        plural(s.rules),
        duration(s.duration_ms)
    );
    line
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration(0), "0 ms");
        assert_eq!(duration(999), "999 ms");
        assert_eq!(duration(1234), "1.23 s");
        assert_eq!(duration(61_005), "61.00 s");
    }

    #[test]
    fn widths() {
        assert_eq!(display_width("\tab", 1), 4);
        assert_eq!(display_width("ab", 10), 2);
        assert_eq!(digits(0), 1);
        assert_eq!(digits(120), 3);
    }
}
