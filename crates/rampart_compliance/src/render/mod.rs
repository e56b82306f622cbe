//! Renderings of a [`ComplianceReport`]: pure functions of it.

mod csv;
mod html;
mod markdown;

use crate::ComplianceReport;

/// A compliance report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Html,
    Markdown,
    Json,
    Csv,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Html, Format::Markdown, Format::Json, Format::Csv];

    pub fn parse(s: &str) -> Option<Format> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "html" => Format::Html,
            "md" | "markdown" => Format::Markdown,
            "json" => Format::Json,
            "csv" => Format::Csv,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    /// File extension.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

pub fn render(report: &ComplianceReport, format: Format) -> String {
    match format {
        Format::Html => html::render(report),
        Format::Markdown => markdown::render(report),
        Format::Json => json(report),
        Format::Csv => csv::render(report),
    }
}

/// Pretty JSON, two-space indentation, trailing newline.
pub fn json(report: &ComplianceReport) -> String {
    let mut s = serde_json::to_string_pretty(report).unwrap_or_else(|e| {
        format!(
            "{{\"format\": {:?}, \"error\": {:?}}}",
            crate::FORMAT,
            e.to_string()
        )
    });
    s.push('\n');
    s
}

/// The exception register alone, as CSV.
pub fn exceptions_csv(register: &crate::ExceptionRegister) -> String {
    csv::exceptions(register)
}

/// The exception register alone, as Markdown.
pub fn exceptions_markdown(register: &crate::ExceptionRegister) -> String {
    let mut out = String::new();
    markdown::exceptions(&mut out, register, "#");
    out
}

/// Text for a status count line: `12 satisfied, 3 failing, ...`.
pub fn totals_line(t: &crate::Totals) -> String {
    crate::ControlStatus::ALL
        .iter()
        .map(|s| format!("{} {}", t.count(*s), s.label().to_lowercase()))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn git_text(meta: &crate::ScanMeta) -> String {
    match &meta.git {
        Some(g) if g.dirty => format!("{} (uncommitted changes: {})", g.commit, g.changed.len()),
        Some(g) => format!("{} (clean)", g.commit),
        None => "not a git work tree".into(),
    }
}
