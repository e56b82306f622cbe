//! SARIF 2.1.0 output, for code-scanning UIs (GitHub code scanning, GitLab,
//! Azure DevOps, IDE viewers).
//!
//! One run. `tool.driver.rules` describes every rule that ran (severity as
//! `defaultConfiguration.level` and as GitHub's numeric `security-severity`,
//! framework controls as tags). Each result points at a path relative to the
//! scan root (`uriBaseId: "%SRCROOT%"`), carries the resource address as a
//! logical location and the stable finding fingerprint as
//! `partialFingerprints["rampart/v1"]`. Suppressed failures stay in the
//! results with a `suppressions` entry (viewers hide them but keep the
//! justification). Unknown results are `kind: "review"`. Scan errors are
//! `invocations[0].toolExecutionNotifications`.
//!
//! Built by hand with `serde_json` (key order is insertion order).

use std::collections::HashMap;

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use rampart_model::report::{Finding, Report, RuleInfo, ScanError, Suppression};
use rampart_model::{Severity, Status};
use serde_json::{json, Map, Value};

use crate::json::is_included;
use crate::util::message_of;

/// `$schema` written at the top of the log.
pub const SARIF_SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// Where to learn about the tool (`tool.driver.informationUri`).
pub const INFORMATION_URI: &str = "https://github.com/rampart-iac/rampart";
/// Key of the fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "rampart/v1";
/// The base id that relative artifact URIs are resolved against.
pub const SRCROOT: &str = "%SRCROOT%";

/// Options of the SARIF reporter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SarifOptions {
    /// Also emit passing results (`kind: "pass"`).
    pub include_passed: bool,
}

/// Renders a SARIF 2.1.0 log. Ends with a newline.
pub fn render(report: &Report, opts: &SarifOptions) -> String {
    let log = to_value(report, opts);
    match serde_json::to_string_pretty(&log) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        Err(_) => "{\"version\": \"2.1.0\", \"runs\": []}\n".to_string(),
    }
}

/// The SARIF log as a JSON value (what [`render`] prints).
pub fn to_value(report: &Report, opts: &SarifOptions) -> Value {
    let findings: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| is_included(f, opts.include_passed))
        .collect();

    // Rule descriptors: every rule of the report, then any rule that only a
    // finding mentions (so that each result has a valid ruleIndex).
    let mut rules: Vec<Value> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for r in &report.rules {
        if !index.contains_key(r.id.as_ref()) {
            index.insert(r.id.as_ref(), rules.len());
            rules.push(rule_descriptor(r));
        }
    }
    for f in &findings {
        if !index.contains_key(f.rule_id.as_ref()) {
            index.insert(f.rule_id.as_ref(), rules.len());
            rules.push(rule_descriptor(&rule_from_finding(f)));
        }
    }

    let results: Vec<Value> = findings
        .iter()
        .map(|f| result(f, index.get(f.rule_id.as_ref()).copied()))
        .collect();

    let notifications: Vec<Value> = report.errors.iter().map(notification).collect();
    let successful = !report.errors.iter().any(|e| e.level == "error");

    json!({
        "$schema": SARIF_SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "rampart",
                    "version": report.tool.version,
                    "semanticVersion": report.tool.version,
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "invocations": [{
                "executionSuccessful": successful,
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
            "columnKind": "unicodeCodePoints",
            "properties": {
                "reportVersion": report.version,
                "summary": report.summary,
            }
        }]
    })
}

/// SARIF level of a severity: critical/high are errors, medium a warning,
/// low/info notes.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// GitHub's `security-severity` (a number in a string): it ranks critical
/// from 9.0, high from 7.0, medium from 4.0 and low from 0.1.
pub fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Info => "0.0",
    }
}

fn rule_from_finding(f: &Finding) -> RuleInfo {
    RuleInfo {
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
    }
}

fn non_empty<'a>(s: &'a str, fallback: &'a str) -> &'a str {
    if s.trim().is_empty() {
        fallback
    } else {
        s
    }
}

fn rule_descriptor(r: &RuleInfo) -> Value {
    let mut tags: Vec<String> = vec!["security".to_string()];
    for t in r.frameworks.iter() {
        if !tags.contains(t) {
            tags.push(t.clone());
        }
    }
    let mut d = Map::new();
    d.insert("id".into(), json!(r.id));
    if !r.name.is_empty() {
        d.insert("name".into(), json!(r.name));
    }
    d.insert(
        "shortDescription".into(),
        json!({ "text": non_empty(&r.title, &r.id) }),
    );
    d.insert(
        "fullDescription".into(),
        json!({ "text": non_empty(&r.description, non_empty(&r.title, &r.id)) }),
    );
    let (text, markdown) = help(r);
    d.insert("help".into(), json!({ "text": text, "markdown": markdown }));
    d.insert(
        "defaultConfiguration".into(),
        json!({ "level": level(r.severity) }),
    );
    let mut props = Map::new();
    props.insert("tags".into(), json!(tags));
    props.insert(
        "security-severity".into(),
        json!(security_severity(r.severity)),
    );
    props.insert("severity".into(), json!(r.severity.as_str()));
    if !r.aliases.is_empty() {
        props.insert("aliases".into(), json!(r.aliases));
    }
    if !r.policies.is_empty() {
        props.insert("policies".into(), json!(r.policies));
    }
    d.insert("properties".into(), Value::Object(props));
    Value::Object(d)
}

/// Plain-text and Markdown help built from the rule's documentation.
fn help(r: &RuleInfo) -> (String, String) {
    let mut text = Vec::new();
    let mut md = Vec::new();
    let title = non_empty(&r.title, &r.id);
    text.push(title.to_string());
    md.push(format!("**{}**", title.trim()));
    for (heading, body) in [
        ("", r.description.as_str()),
        ("Why it matters", r.rationale.as_str()),
        ("Remediation", r.remediation.as_ref()),
    ] {
        let body = body.trim();
        if body.is_empty() {
            continue;
        }
        if heading.is_empty() {
            text.push(body.to_string());
            md.push(body.to_string());
        } else {
            text.push(format!("{heading}: {body}"));
            md.push(format!("### {heading}\n\n{body}"));
        }
    }
    if !r.frameworks.is_empty() {
        text.push(format!("Controls: {}", r.frameworks.join(", ")));
        md.push(format!(
            "**Controls:** {}",
            r.frameworks
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if !r.aliases.is_empty() {
        text.push(format!("Also known as: {}", r.aliases.join(", ")));
        md.push(format!(
            "**Also known as:** {}",
            r.aliases
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    (text.join("\n\n"), md.join("\n\n"))
}

fn result(f: &Finding, rule_index: Option<usize>) -> Value {
    let mut r = Map::new();
    r.insert("ruleId".into(), json!(f.rule_id));
    if let Some(i) = rule_index {
        r.insert("ruleIndex".into(), json!(i));
    }
    // SARIF: a result whose kind is not "fail" has level "none".
    match f.status {
        Status::Fail => {
            r.insert("kind".into(), json!("fail"));
            r.insert("level".into(), json!(level(f.severity)));
        }
        Status::Unknown => {
            r.insert("kind".into(), json!("review"));
            r.insert("level".into(), json!("none"));
        }
        Status::Pass => {
            r.insert("kind".into(), json!("pass"));
            r.insert("level".into(), json!("none"));
        }
        Status::NotApplicable => {
            r.insert("kind".into(), json!("notApplicable"));
            r.insert("level".into(), json!("none"));
        }
    }
    // Code-scanning UIs show the message but rarely the logical location,
    // so the resource address leads the text.
    let mut text = match f.status {
        Status::Unknown => format!("could not be decided: {}", message_of(f)),
        _ => message_of(f).to_string(),
    };
    if !f.resource.is_empty() {
        text = format!("{}: {text}", f.resource);
    }
    r.insert("message".into(), json!({ "text": text }));

    let mut loc = Map::new();
    if let Some(pl) = physical_location(&f.file, f.line, f.column, f.end_line, f.end_column) {
        loc.insert("physicalLocation".into(), pl);
    }
    if !f.resource.is_empty() {
        loc.insert(
            "logicalLocations".into(),
            json!([{
                "name": resource_name(&f.resource),
                "fullyQualifiedName": f.resource,
                "kind": "resource",
            }]),
        );
    }
    if !loc.is_empty() {
        r.insert("locations".into(), json!([Value::Object(loc)]));
    }
    if !f.fingerprint.is_empty() {
        r.insert(
            "partialFingerprints".into(),
            json!({ FINGERPRINT_KEY: f.fingerprint }),
        );
    }
    if f.suppressed {
        r.insert(
            "suppressions".into(),
            json!([suppression(f.suppression.as_ref())]),
        );
    }
    let mut props = Map::new();
    props.insert("status".into(), json!(f.status.as_str()));
    props.insert("severity".into(), json!(f.severity.as_str()));
    props.insert("resource".into(), json!(f.resource));
    if !f.resource_kind.is_empty() {
        props.insert("resourceKind".into(), json!(f.resource_kind));
    }
    if let Some(a) = &f.attribute {
        props.insert("attribute".into(), json!(a));
    }
    props.insert("aliases".into(), json!(f.aliases));
    props.insert("frameworks".into(), json!(f.frameworks));
    if !f.policies.is_empty() {
        props.insert("policies".into(), json!(f.policies));
    }
    r.insert("properties".into(), Value::Object(props));
    Value::Object(r)
}

fn suppression(s: Option<&Suppression>) -> Value {
    let Some(s) = s else {
        return json!({ "kind": "external", "status": "accepted" });
    };
    // Config-file suppressions live outside the scanned source.
    let kind = if s.kind == "config" || s.kind == "baseline" {
        "external"
    } else {
        "inSource"
    };
    let mut m = Map::new();
    m.insert("kind".into(), json!(kind));
    m.insert("status".into(), json!("accepted"));
    if !s.reason.is_empty() {
        m.insert("justification".into(), json!(s.reason));
    }
    if let Some((file, line)) = split_location(&s.location) {
        if let Some(pl) = physical_location(file, line, 0, line, 0) {
            m.insert("location".into(), json!({ "physicalLocation": pl }));
        }
    }
    let mut props = Map::new();
    props.insert("rampartKind".into(), json!(s.kind));
    if let Some(e) = &s.expires {
        props.insert("expires".into(), json!(e));
    }
    if let Some(o) = &s.owner {
        props.insert("owner".into(), json!(o));
    }
    m.insert("properties".into(), Value::Object(props));
    Value::Object(m)
}

/// `file:line` → (`file`, line).
fn split_location(loc: &str) -> Option<(&str, usize)> {
    let (file, line) = loc.rsplit_once(':')?;
    let line: usize = line.trim().parse().ok()?;
    if file.is_empty() || line == 0 {
        return None;
    }
    Some((file, line))
}

fn notification(e: &ScanError) -> Value {
    let level = match e.level.as_str() {
        "error" | "warning" | "note" => e.level.as_str(),
        _ => "warning",
    };
    let mut n = Map::new();
    n.insert("level".into(), json!(level));
    n.insert("message".into(), json!({ "text": e.message }));
    if !e.code.is_empty() {
        n.insert("descriptor".into(), json!({ "id": e.code }));
    }
    let line = e.line.unwrap_or(0);
    let col = e.column.unwrap_or(0);
    if let Some(pl) = physical_location(&e.file, line, col, line, 0) {
        n.insert("locations".into(), json!([{ "physicalLocation": pl }]));
    }
    Value::Object(n)
}

/// A physicalLocation for a display path and 1-based positions (0 = unknown).
fn physical_location(
    file: &str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
) -> Option<Value> {
    if file.is_empty() {
        return None;
    }
    let mut pl = Map::new();
    pl.insert("artifactLocation".into(), artifact_location(file));
    if line > 0 {
        let mut region = Map::new();
        region.insert("startLine".into(), json!(line));
        if column > 0 {
            region.insert("startColumn".into(), json!(column));
        }
        let end_line = end_line.max(line);
        region.insert("endLine".into(), json!(end_line));
        if end_column > 0 && (end_line > line || column == 0 || end_column >= column) {
            region.insert("endColumn".into(), json!(end_column));
        }
        pl.insert("region".into(), Value::Object(region));
    }
    Some(Value::Object(pl))
}

/// Characters escaped in a URI path: everything but unreserved characters,
/// `/` and a few sub-delimiters that are safe in a path.
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}')
    .add(b':')
    .add(b';')
    .add(b'\'');

/// Percent-encodes a `/`-separated path for use in a URI.
pub fn encode_path(path: &str) -> String {
    utf8_percent_encode(path, PATH).to_string()
}

/// The artifactLocation of a display path: relative paths are relative to
/// `%SRCROOT%`; absolute ones (outside the scan root) become `file:` URIs.
fn artifact_location(file: &str) -> Value {
    let path = file.replace('\\', "/");
    let bytes = path.as_bytes();
    let drive =
        bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    if drive {
        let (d, rest) = path.split_at(2);
        return json!({ "uri": format!("file:///{d}{}", encode_path(rest)) });
    }
    if path.starts_with('/') {
        return json!({ "uri": format!("file://{}", encode_path(&path)) });
    }
    let rel = path.strip_prefix("./").unwrap_or(&path);
    json!({ "uri": encode_path(rel), "uriBaseId": SRCROOT })
}

/// The resource part of an address, without its module path:
/// `module.app.aws_s3_bucket.logs["a"]` → `aws_s3_bucket.logs["a"]`.
pub fn resource_name(address: &str) -> String {
    let parts = split_address(address);
    let mut i = 0;
    while i + 2 < parts.len() && parts[i] == "module" {
        i += 2;
    }
    if i == 0 || i >= parts.len() {
        return address.to_string();
    }
    parts[i..].join(".")
}

/// Splits an address on the dots that are outside brackets and quotes.
fn split_address(address: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut in_str = false;
    let mut escaped = false;
    let mut start = 0;
    for (i, c) in address.char_indices() {
        if in_str {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '.' if depth == 0 => {
                parts.push(&address[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&address[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_paths() {
        assert_eq!(encode_path("env/prod vars/a.tf"), "env/prod%20vars/a.tf");
        assert_eq!(encode_path("a#b?c%d"), "a%23b%3Fc%25d");
        assert_eq!(encode_path("é.tf"), "%C3%A9.tf");
        assert_eq!(encode_path("x:y.tf"), "x%3Ay.tf");
    }

    #[test]
    fn artifact_locations() {
        assert_eq!(
            artifact_location("main.tf"),
            json!({"uri": "main.tf", "uriBaseId": "%SRCROOT%"})
        );
        assert_eq!(
            artifact_location("/abs/my dir/x.tf"),
            json!({"uri": "file:///abs/my%20dir/x.tf"})
        );
        assert_eq!(
            artifact_location("C:\\work\\x.tf"),
            json!({"uri": "file:///C:/work/x.tf"})
        );
    }

    #[test]
    fn resource_names() {
        assert_eq!(
            resource_name("module.app.aws_s3_bucket.logs[\"a\"]"),
            "aws_s3_bucket.logs[\"a\"]"
        );
        assert_eq!(
            resource_name("module.a[\"x.y\"].module.b.aws_vpc.main"),
            "aws_vpc.main"
        );
        assert_eq!(resource_name("aws_vpc.main"), "aws_vpc.main");
        assert_eq!(resource_name("module.only"), "module.only");
        assert_eq!(
            resource_name("aws_s3_bucket.b[\"a.b\"]"),
            "aws_s3_bucket.b[\"a.b\"]"
        );
    }

    #[test]
    fn locations_of_suppressions() {
        assert_eq!(split_location("main.tf:13"), Some(("main.tf", 13)));
        assert_eq!(split_location("rampart.toml"), None);
        assert_eq!(split_location("a:b:0"), None);
    }
}
