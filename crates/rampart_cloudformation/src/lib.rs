//! CloudFormation front end: reads YAML or JSON templates (SAM and CDK output
//! included), evaluates their intrinsic functions, and adapts each resource to
//! the canonical model in the Terraform AWS provider's vocabulary, so every
//! AWS rule runs on CloudFormation unchanged.
//!
//! * [`detect`] tells a template from other YAML/JSON by its content;
//! * [`load_template`] reads one file and returns an [`Evaluation`]: the
//!   canonical resources, diagnostics, and the suppressions written in the
//!   resources' `Metadata` ([`CfnSuppression`]), for the engine to apply.
//!
//! Addresses: a resource with logical id `Logs` of type `AWS::S3::Bucket` is
//! `aws_s3_bucket.Logs`. Settings that Terraform keeps in separate resources
//! become separate resources with the same name (`aws_s3_bucket_versioning.Logs`)
//! whose `bucket` refers to the bucket. `Ref`/`Fn::GetAtt` to another resource
//! give an unknown value whose references hold the target's address. Types
//! without an adapter keep their CloudFormation type as kind
//! (`AWS::SES::ConfigurationSet.Name`) with their properties as attributes.

pub mod adapt;
pub mod eval;
pub mod foreach;
pub mod json;
pub use rampart_yaml::node;
pub mod template;
pub mod yaml;

use std::path::{Path, PathBuf};

use rampart_model::{Diagnostic, Resource};
use rampart_source::{SourceFile, SourceMap, Span};

/// Largest template read (CloudFormation itself accepts 1 MB; generated
/// templates on disk can be larger).
pub const MAX_TEMPLATE_BYTES: usize = 8 * 1024 * 1024;

/// How to evaluate a template.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `Name=Value` parameter values (later wins). Pseudo parameters such as
    /// `AWS::Region` may be given here too.
    pub parameters: Vec<(String, String)>,
    /// A JSON parameters file: `[{"ParameterKey": .., "ParameterValue": ..}]`
    /// (the CLI's shape) or `{"Parameters": {"Name": "Value"}}` (CodePipeline's).
    /// Values from `parameters` win over the file.
    pub parameters_file: Option<PathBuf>,
    /// Paths shown to users are relative to this directory when given.
    pub display_root: Option<PathBuf>,
}

/// Where a suppression was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SuppressionKind {
    /// `Metadata: {rampart: {ignore: [{id, reason, expires}]}}`
    Rampart,
    /// `Metadata: {checkov: {skip: [{id, comment}]}}`
    Checkov,
    /// `Metadata: {cfn-lint: {config: {ignore_checks: [..]}}}`
    CfnLint,
    /// `Metadata: {guard: {SuppressedRules: [..]}}`
    Guard,
    /// `Metadata: {cfn_nag: {rules_to_suppress: [{id, reason}]}}`
    CfnNag,
}

impl SuppressionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SuppressionKind::Rampart => "rampart",
            SuppressionKind::Checkov => "checkov",
            SuppressionKind::CfnLint => "cfn-lint",
            SuppressionKind::Guard => "cfn-guard",
            SuppressionKind::CfnNag => "cfn-nag",
        }
    }
}

/// A suppression written in a resource's `Metadata`. It covers every
/// canonical resource built from that CloudFormation resource: `addresses`
/// lists them all (the bucket and its split versioning/encryption/... resources).
/// `rule_or_alias` is what the user wrote: a rampart rule id or a peer tool's
/// id (`CKV_AWS_18`, a cfn-lint `W3005`, a cfn-guard rule name); the engine
/// matches it against rule ids and aliases.
#[derive(Debug, Clone, PartialEq)]
pub struct CfnSuppression {
    /// The primary canonical address (`aws_s3_bucket.Logs`).
    pub address: String,
    /// All canonical addresses made from the resource.
    pub addresses: Vec<String>,
    /// The CloudFormation logical id.
    pub logical_id: String,
    pub rule_or_alias: String,
    pub reason: Option<String>,
    /// `YYYY-MM-DD` as written; the engine decides whether it has passed.
    pub expires: Option<String>,
    pub kind: SuppressionKind,
    /// Where the suppression entry is written.
    pub span: Span,
}

/// Everything reading one template produced.
#[derive(Debug, Default)]
pub struct Evaluation {
    /// Canonical resources (format `CloudFormation`, mode `Managed`).
    pub resources: Vec<Resource>,
    pub diagnostics: Vec<Diagnostic>,
    pub suppressions: Vec<CfnSuppression>,
}

/// True when `text` looks like a CloudFormation (or SAM) template: it has an
/// `AWSTemplateFormatVersion`, or a `Resources` section whose entries have a
/// `Type: AWS::...` (or `Custom::...`). Decided from the content, not the file
/// name; cheap enough to run on every YAML/JSON file.
pub fn detect(text: &str) -> bool {
    if text.len() > MAX_TEMPLATE_BYTES || text.contains('\0') {
        return false;
    }
    if text.contains("AWSTemplateFormatVersion") {
        return true;
    }
    if !text.contains("Resources") {
        return false;
    }
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let (root, _) = if trimmed.starts_with('{') {
        json::parse(text, rampart_source::FileId(0))
    } else {
        yaml::parse(text, rampart_source::FileId(0))
    };
    let Some(root) = root else { return false };
    let Some(res) = root.get("Resources") else {
        return false;
    };
    res.entries().iter().any(|e| {
        e.value
            .get("Type")
            .and_then(node::Node::as_str)
            .is_some_and(|t| t.starts_with("AWS::") || t.starts_with("Custom::"))
    })
}

fn display_of(path: &Path, root: Option<&Path>) -> String {
    let p = root.and_then(|r| path.strip_prefix(r).ok()).unwrap_or(path);
    p.to_string_lossy().replace('\\', "/")
}

/// Read and evaluate one template file. The file is added to `sources` (or
/// reused when already there). Never panics; problems are diagnostics.
pub fn load_template(path: &Path, sources: &SourceMap, opts: &Options) -> Evaluation {
    let display = display_of(path, opts.display_root.as_deref());
    let mut ev = Evaluation::default();
    let file = match sources.find(path) {
        Some(id) => id,
        None => {
            let bytes = match std::fs::read(path) {
                Ok(b) => b,
                Err(e) => {
                    ev.diagnostics.push(
                        Diagnostic::error("read-error", format!("cannot read file: {e}"))
                            .with_path(display),
                    );
                    return ev;
                }
            };
            if bytes.len() > MAX_TEMPLATE_BYTES {
                ev.diagnostics.push(
                    Diagnostic::error(
                        "cfn-too-large",
                        format!(
                            "template is {} bytes, over the {} byte limit; not read",
                            bytes.len(),
                            MAX_TEMPLATE_BYTES
                        ),
                    )
                    .with_path(display),
                );
                return ev;
            }
            if bytes.contains(&0) {
                ev.diagnostics.push(
                    Diagnostic::error(
                        "cfn-binary",
                        "file is binary (contains NUL bytes); not read",
                    )
                    .with_path(display),
                );
                return ev;
            }
            let text = match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    let b = e.as_bytes();
                    let line = b
                        .get(..at)
                        .map(|p| p.iter().filter(|c| **c == b'\n').count())
                        .unwrap_or(0)
                        + 1;
                    ev.diagnostics.push(
                        Diagnostic::error(
                            "cfn-not-utf8",
                            format!("template is not valid UTF-8 (byte {at}); not read"),
                        )
                        .with_path(display)
                        .at_line(line, 1),
                    );
                    return ev;
                }
            };
            sources.add(SourceFile::new(display, path, text))
        }
    };
    let Some(src) = sources.get(file) else {
        return ev;
    };
    template::evaluate(&src.text, file, opts, &mut ev);
    ev
}

/// Evaluate template text already registered in `sources` as `file` (used by
/// tests and by callers that read files themselves).
pub fn evaluate_text(text: &str, file: rampart_source::FileId, opts: &Options) -> Evaluation {
    let mut ev = Evaluation::default();
    template::evaluate(text, file, opts, &mut ev);
    ev
}
