//! Positioned document trees for the YAML and JSON front ends
//! (CloudFormation, Kubernetes, GitHub Actions).
//!
//! [`yaml::parse`] and [`json::parse`] read text into a [`node::Node`] tree in
//! which every node keeps its byte span. Problems are diagnostics, never
//! panics: a syntax error keeps what was read before it, an alias bomb stops at
//! a node budget, nesting stops at [`node::MAX_DEPTH`]. A [`Dialect`] says how
//! local tags are read and which diagnostic codes to use, so each format
//! reports its own codes.

pub mod json;
pub mod node;
pub mod yaml;

/// Diagnostic codes a reader reports.
#[derive(Debug, Clone, Copy)]
pub struct Codes {
    pub parse_error: &'static str,
    pub multiple_documents: &'static str,
    pub too_deep: &'static str,
    pub alias_budget: &'static str,
    pub unknown_tag: &'static str,
    pub duplicate_key: &'static str,
}

/// How a format reads its documents.
#[derive(Debug, Clone, Copy)]
pub struct Dialect {
    /// Local tags (`!Ref`) the format writes as a one-key mapping
    /// (`{Ref: ...}`); `None` for a tag it does not know.
    pub long_form: fn(&str) -> Option<&'static str>,
    /// Whether `!GetAtt a.b` splits its string into `[a, b]` (CloudFormation).
    pub split_get_att: bool,
    pub codes: Codes,
}

fn no_local_tags(_: &str) -> Option<&'static str> {
    None
}

/// Plain YAML 1.2: no local tags, `yaml-*` diagnostic codes.
pub const PLAIN: Dialect = Dialect {
    long_form: no_local_tags,
    split_get_att: false,
    codes: Codes {
        parse_error: "yaml-parse-error",
        multiple_documents: "yaml-multiple-documents",
        too_deep: "yaml-too-deep",
        alias_budget: "yaml-alias-budget",
        unknown_tag: "yaml-unknown-tag",
        duplicate_key: "yaml-duplicate-key",
    },
};
