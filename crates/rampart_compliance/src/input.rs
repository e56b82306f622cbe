//! Reading a saved scan (`rampart scan --format json --include-passed`) back
//! into a [`Report`], and the rule metadata a report was made with.
//!
//! The model types only serialise, so this module has its own mirror types
//! that accept the JSON contract leniently: missing optional keys take their
//! defaults, unknown keys are ignored (a newer scanner may add some).

use rampart_model::report::{
    Finding, Report, RuleInfo, ScanError, Snippet, Summary, Suppression, Tool,
};
use rampart_model::{Severity, Status};
use serde::{Deserialize, Serialize};

use crate::util::sha256_hex;

#[derive(Deserialize)]
struct JReport {
    #[serde(default)]
    version: String,
    #[serde(default)]
    tool: JTool,
    #[serde(default)]
    summary: JSummary,
    #[serde(default)]
    findings: Vec<JFinding>,
    #[serde(default)]
    errors: Vec<JError>,
    #[serde(default)]
    rules: Vec<JRule>,
}

#[derive(Deserialize, Default)]
struct JTool {
    #[serde(default)]
    name: String,
    #[serde(default)]
    version: String,
}

#[derive(Deserialize, Default)]
struct JSeverityCounts {
    #[serde(default)]
    critical: usize,
    #[serde(default)]
    high: usize,
    #[serde(default)]
    medium: usize,
    #[serde(default)]
    low: usize,
    #[serde(default)]
    info: usize,
}

#[derive(Deserialize, Default)]
struct JSummary {
    #[serde(default)]
    files_scanned: usize,
    #[serde(default)]
    resources: usize,
    #[serde(default)]
    rules: usize,
    #[serde(default)]
    failed: usize,
    #[serde(default)]
    passed: usize,
    #[serde(default)]
    unknown: usize,
    #[serde(default)]
    not_applicable: usize,
    #[serde(default)]
    suppressed: usize,
    #[serde(default)]
    baselined: usize,
    #[serde(default)]
    errors: usize,
    #[serde(default)]
    by_severity: JSeverityCounts,
    #[serde(default)]
    duration_ms: u64,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum JStatus {
    Fail,
    Pass,
    NotApplicable,
    Unknown,
}

#[derive(Deserialize)]
struct JSuppression {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    expires: Option<String>,
    #[serde(default)]
    owner: Option<String>,
    #[serde(default)]
    location: String,
}

#[derive(Deserialize)]
struct JSnippet {
    #[serde(default)]
    start_line: usize,
    #[serde(default)]
    lines: Vec<String>,
}

#[derive(Deserialize)]
struct JFinding {
    rule_id: String,
    #[serde(default)]
    rule_name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    title: String,
    severity: Severity,
    status: JStatus,
    #[serde(default)]
    resource: String,
    #[serde(default)]
    resource_kind: String,
    #[serde(default)]
    file: String,
    #[serde(default)]
    line: usize,
    #[serde(default)]
    column: usize,
    #[serde(default)]
    end_line: usize,
    #[serde(default)]
    end_column: usize,
    #[serde(default)]
    message: String,
    #[serde(default)]
    remediation: String,
    #[serde(default)]
    frameworks: Vec<String>,
    #[serde(default)]
    policies: Vec<String>,
    #[serde(default)]
    attribute: Option<String>,
    #[serde(default)]
    suppressed: bool,
    #[serde(default)]
    suppression: Option<JSuppression>,
    #[serde(default)]
    fingerprint: String,
    #[serde(default)]
    snippet: Option<JSnippet>,
}

#[derive(Deserialize)]
struct JError {
    #[serde(default)]
    level: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    file: String,
    #[serde(default)]
    line: Option<usize>,
    #[serde(default)]
    column: Option<usize>,
    #[serde(default)]
    message: String,
}

#[derive(Deserialize)]
struct JRule {
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    title: String,
    severity: Severity,
    #[serde(default)]
    description: String,
    #[serde(default)]
    rationale: String,
    #[serde(default)]
    remediation: String,
    #[serde(default)]
    frameworks: Vec<String>,
    #[serde(default)]
    policies: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

/// Parse the JSON a `rampart scan --format json` run printed.
///
/// The JSON output lists no rule metadata, so [`Report::rules`] is filled
/// from the built-in rules (plus any rule id seen only in findings, with the
/// controls that finding names). Not-applicable results are not in the JSON
/// and passes only with `--include-passed`: without them a control can look
/// not applicable when it passed; [`LoadedScan::warnings`] says so.
pub fn parse_scan_json(text: &str) -> Result<LoadedScan, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not a rampart scan JSON document: {e}"))?;
    if !value.is_object() {
        return Err("not a rampart scan JSON document: expected an object".into());
    }
    let j: JReport = serde_json::from_value(value)
        .map_err(|e| format!("not a rampart scan JSON document: {e}"))?;
    let mut warnings = Vec::new();
    if j.tool.name != "rampart" {
        warnings.push(format!(
            "the document's tool is {:?}, not \"rampart\"",
            j.tool.name
        ));
    }
    let findings: Vec<Finding> = j.findings.into_iter().map(finding).collect();
    if j.summary.passed > 0 && !findings.iter().any(|f| f.status == Status::Pass) {
        warnings.push(format!(
            "the scan counted {} passing result(s) but lists none: it was saved without \
             --include-passed, so controls that passed show as not applicable",
            j.summary.passed
        ));
    }
    let mut rules: Vec<RuleInfo> = if j.rules.is_empty() {
        builtin_rules()
    } else {
        j.rules.into_iter().map(rule).collect()
    };
    for f in &findings {
        if !rules.iter().any(|r| r.id == f.rule_id) {
            rules.push(RuleInfo {
                id: f.rule_id.clone(),
                name: f.rule_name.clone(),
                title: f.title.clone(),
                severity: f.severity,
                description: String::new(),
                rationale: String::new(),
                remediation: f.remediation.clone(),
                frameworks: f.frameworks.clone(),
                policies: f.policies.clone(),
                aliases: f.aliases.clone(),
            });
        }
    }
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    let s = j.summary;
    let report = Report {
        version: j.version,
        tool: Tool {
            name: j.tool.name,
            version: j.tool.version,
        },
        summary: Summary {
            files_scanned: s.files_scanned,
            resources: s.resources,
            rules: s.rules,
            failed: s.failed,
            passed: s.passed,
            unknown: s.unknown,
            not_applicable: s.not_applicable,
            suppressed: s.suppressed,
            baselined: s.baselined,
            errors: s.errors,
            by_severity: rampart_model::report::SeverityCounts {
                critical: s.by_severity.critical,
                high: s.by_severity.high,
                medium: s.by_severity.medium,
                low: s.by_severity.low,
                info: s.by_severity.info,
            },
            duration_ms: s.duration_ms,
        },
        findings,
        errors: j.errors.into_iter().map(error).collect(),
        rules,
    };
    Ok(LoadedScan { report, warnings })
}

/// A scan read back from JSON, with what could not be recovered.
#[derive(Debug, Clone)]
pub struct LoadedScan {
    pub report: Report,
    pub warnings: Vec<String>,
}

fn finding(f: JFinding) -> Finding {
    Finding {
        rule_id: f.rule_id.into(),
        rule_name: f.rule_name.into(),
        aliases: f.aliases.into(),
        title: f.title.into(),
        severity: f.severity,
        status: match f.status {
            JStatus::Fail => Status::Fail,
            JStatus::Pass => Status::Pass,
            JStatus::NotApplicable => Status::NotApplicable,
            JStatus::Unknown => Status::Unknown,
        },
        resource: f.resource,
        resource_kind: f.resource_kind,
        file: f.file,
        line: f.line,
        column: f.column,
        end_line: f.end_line,
        end_column: f.end_column,
        message: f.message,
        remediation: f.remediation.into(),
        frameworks: f.frameworks.into(),
        policies: f.policies.into(),
        attribute: f.attribute,
        // A finding marked suppressed without the details still counts as an exception.
        suppressed: f.suppressed,
        suppression: f.suppression.map(|s| Suppression {
            kind: s.kind,
            reason: s.reason,
            expires: s.expires,
            owner: s.owner,
            location: s.location,
        }),
        fingerprint: f.fingerprint,
        snippet: f.snippet.map(|s| {
            std::sync::Arc::new(Snippet {
                start_line: s.start_line,
                lines: s.lines,
            })
        }),
    }
}

fn error(e: JError) -> ScanError {
    ScanError {
        level: e.level,
        code: e.code,
        file: e.file,
        line: e.line,
        column: e.column,
        message: e.message,
    }
}

fn rule(r: JRule) -> RuleInfo {
    RuleInfo {
        id: r.id.into(),
        name: r.name.into(),
        title: r.title.into(),
        severity: r.severity,
        description: r.description,
        rationale: r.rationale,
        remediation: r.remediation.into(),
        frameworks: r.frameworks.into(),
        policies: r.policies.into(),
        aliases: r.aliases.into(),
    }
}

/// Metadata of every built-in rule, as a report carries it.
pub fn builtin_rules() -> Vec<RuleInfo> {
    rampart_rules::all()
        .iter()
        .map(|r| {
            let m = &r.meta;
            RuleInfo {
                id: m.id.into(),
                name: m.name.into(),
                title: m.title.into(),
                severity: m.severity,
                description: m.description.into(),
                rationale: m.rationale.into(),
                remediation: m.remediation.into(),
                frameworks: m.frameworks.iter().map(|s| s.to_string()).collect(),
                policies: m.policies.iter().map(|s| s.to_string()).collect(),
                aliases: m.aliases.iter().map(|s| s.to_string()).collect(),
            }
        })
        .collect()
}

/// The rules of a report, or the built-in ones when the report lists none.
pub fn rules_of(report: &Report) -> Vec<RuleInfo> {
    if report.rules.is_empty() {
        builtin_rules()
    } else {
        report.rules.clone()
    }
}

#[derive(Serialize)]
struct DigestRule<'a> {
    id: &'a str,
    name: &'a str,
    title: &'a str,
    severity: Severity,
    description: &'a str,
    rationale: &'a str,
    remediation: &'a str,
    frameworks: &'a [String],
    policies: &'a [String],
    aliases: &'a [String],
}

/// The canonical JSON the rule-set digest is computed over: every rule's id
/// and metadata, sorted by id, compact, UTF-8.
pub fn rule_set_json(rules: &[RuleInfo]) -> String {
    let mut v: Vec<DigestRule<'_>> = rules
        .iter()
        .map(|r| DigestRule {
            id: &r.id,
            name: &r.name,
            title: &r.title,
            severity: r.severity,
            description: &r.description,
            rationale: &r.rationale,
            remediation: &r.remediation,
            frameworks: &r.frameworks,
            policies: &r.policies,
            aliases: &r.aliases,
        })
        .collect();
    v.sort_by(|a, b| a.id.cmp(b.id));
    serde_json::to_string(&v).unwrap_or_default()
}

/// `sha256:<hex>` of [`rule_set_json`]: changes whenever a rule is added,
/// removed, or its metadata (severity, controls, text) changes.
pub fn rule_set_digest(rules: &[RuleInfo]) -> String {
    format!("sha256:{}", sha256_hex(rule_set_json(rules).as_bytes()))
}
