//! Reporters: renderings of a finished [`Report`].
//!
//! Every reporter is a pure function of the report and its options. Nothing
//! here evaluates configuration, reads files or touches the network: the
//! report already carries the (redacted) snippets and all metadata needed.
//!
//! | format | module | audience |
//! |---|---|---|
//! | [`Format::Text`] | [`text`] | people at a terminal or reading CI logs |
//! | [`Format::Json`] | [`json`] | scripts; the stable JSON contract (`docs/schema/report.schema.json`) |
//! | [`Format::Sarif`] | [`sarif`] | code-scanning UIs (GitHub, GitLab, Azure DevOps) |
//! | [`Format::Junit`] | [`junit`] | CI test-report views (Jenkins, GitLab, Azure Pipelines) |

pub mod json;
pub mod junit;
pub mod sarif;
pub mod text;
mod util;

use std::fmt;
use std::str::FromStr;

pub use json::JsonOptions;
pub use junit::JunitOptions;
pub use rampart_model::report::Report;
pub use sarif::SarifOptions;
pub use text::TextOptions;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Json,
    Sarif,
    Junit,
}

impl Format {
    /// Every format, in the order they are documented.
    pub const ALL: [Format; 4] = [Format::Text, Format::Json, Format::Sarif, Format::Junit];

    /// Parses a format name as given on the command line (case-insensitive).
    /// Accepts `text` (also `human`), `json`, `sarif` and `junit` (also `junit-xml`, `xml`).
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "text" | "human" => Format::Text,
            "json" => Format::Json,
            "sarif" => Format::Sarif,
            "junit" | "junit-xml" | "xml" => Format::Junit,
            _ => return None,
        })
    }

    /// The canonical name (what [`Format::parse`] accepts first).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
        }
    }

    /// The usual file extension for output written in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Junit => "xml",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error of [`Format::from_str`]: the name that was not recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown output format `{}` (expected one of: text, json, sarif, junit)",
            self.0
        )
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::parse(s).ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// Options of every reporter; each reporter reads only its own part.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    pub text: TextOptions,
    pub json: JsonOptions,
    pub sarif: SarifOptions,
    pub junit: JunitOptions,
}

impl RenderOptions {
    /// Sets "also list passing results" in the text, JSON and SARIF
    /// reporters. JUnit is left alone: passing test cases are part of what a
    /// JUnit report is, so it lists them unless `junit.include_passed` is
    /// turned off explicitly.
    pub fn with_passed(mut self, include: bool) -> Self {
        self.text.show_passed = include;
        self.json.include_passed = include;
        self.sarif.include_passed = include;
        self
    }
}

/// Renders `report` in `format`. The result always ends with a newline.
pub fn render(report: &Report, format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Text => text::render(report, &opts.text),
        Format::Json => json::render(report, &opts.json),
        Format::Sarif => sarif::render(report, &opts.sarif),
        Format::Junit => junit::render(report, &opts.junit),
    }
}

/// Write the report in `format` to `w`. The JSON contract is streamed; the
/// other formats are rendered first. Same bytes as [`render`].
pub fn write_to(
    report: &Report,
    format: Format,
    opts: &RenderOptions,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(report, &opts.json, w),
        other => w.write_all(render(report, other, opts).as_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_formats() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.as_str()), Some(f));
            assert_eq!(f.to_string().parse::<Format>(), Ok(f));
        }
        assert_eq!(Format::parse(" SARIF "), Some(Format::Sarif));
        assert_eq!(Format::parse("junit-xml"), Some(Format::Junit));
        assert_eq!(Format::parse("html"), None);
        assert!("yaml".parse::<Format>().is_err());
    }

    #[test]
    fn with_passed_leaves_junit_alone() {
        let on = RenderOptions::default().with_passed(true);
        assert!(on.text.show_passed && on.json.include_passed && on.sarif.include_passed);
        let off = RenderOptions::default().with_passed(false);
        assert!(!off.text.show_passed && !off.json.include_passed && !off.sarif.include_passed);
        assert!(off.junit.include_passed);
        assert!(RenderOptions::default().text.show_unknown);
    }
}
