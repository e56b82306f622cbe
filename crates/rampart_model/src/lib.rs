//! The canonical model shared by every front end, the rules and the reporters.
//!
//! * [`Value`]: an evaluated value (Terraform's type system, plus unknowns and
//!   sensitivity marks).
//! * [`Attr`] / [`Block`]: an evaluated configuration body where every value keeps
//!   the span it was written at and where it came from ([`Origin`]).
//! * [`Resource`]: one resource instance (or provider / module call / settings
//!   block) in the Terraform AWS provider's vocabulary, whatever the input format.
//! * [`Diagnostic`]: a problem met while reading input, always with a place.

pub mod diag;
pub mod report;
pub mod resource;
pub mod value;

pub use diag::{Diagnostic, Level};
pub use rampart_source::{FileId, Span};
pub use resource::{Attr, Block, Origin, Resource, ResourceMode, SourceFormat};
pub use value::{Number, Unknown, Value};

/// Severity of a rule, ordered from least to most severe.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s.to_ascii_lowercase().as_str() {
            "info" => Severity::Info,
            "low" => Severity::Low,
            "medium" => Severity::Medium,
            "high" => Severity::High,
            "critical" => Severity::Critical,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Result of one rule on one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The resource violates the rule.
    Fail,
    /// The resource satisfies the rule (evidence for compliance reports).
    Pass,
    /// The rule does not apply to this resource.
    NotApplicable,
    /// A value the rule needs is known only after apply, or could not be resolved.
    Unknown,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Fail => "fail",
            Status::Pass => "pass",
            Status::NotApplicable => "not_applicable",
            Status::Unknown => "unknown",
        }
    }
}
