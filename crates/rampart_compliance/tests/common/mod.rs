//! Hand-built reports and catalogues for the tests.
#![allow(dead_code)]

use rampart_frameworks::{Control, Framework, Kind};
use rampart_model::report::{Finding, Report, RuleInfo, ScanError, Summary, Suppression, Tool};
use rampart_model::{Severity, Status};

pub fn rule(id: &str, frameworks: &[&str], policies: &[&str]) -> RuleInfo {
    RuleInfo {
        id: id.into(),
        name: id.to_ascii_lowercase().into(),
        title: format!("Title of {id}").into(),
        severity: Severity::High,
        description: String::new(),
        rationale: String::new(),
        remediation: "Fix it.".into(),
        frameworks: frameworks.iter().map(|s| s.to_string()).collect(),
        policies: policies.iter().map(|s| s.to_string()).collect(),
        aliases: vec![format!("ALIAS_{id}")].into(),
    }
}

pub fn finding(rule: &RuleInfo, status: Status, resource: &str, line: usize) -> Finding {
    Finding {
        rule_id: rule.id.clone(),
        rule_name: rule.name.clone(),
        aliases: rule.aliases.clone(),
        title: rule.title.clone(),
        severity: rule.severity,
        status,
        resource: resource.into(),
        resource_kind: resource.split('.').next().unwrap_or("").into(),
        file: "main.tf".into(),
        line,
        column: 1,
        end_line: line,
        end_column: 2,
        message: format!("{} on {resource}", status.as_str()),
        remediation: rule.remediation.clone(),
        frameworks: rule.frameworks.clone(),
        policies: rule.policies.clone(),
        attribute: None,
        suppressed: false,
        suppression: None,
        fingerprint: format!("{}-{resource}", rule.id),
        snippet: None,
    }
}

pub fn suppressed(
    mut f: Finding,
    reason: &str,
    expires: Option<&str>,
    owner: Option<&str>,
) -> Finding {
    f.suppressed = true;
    f.suppression = Some(Suppression {
        kind: "inline".into(),
        reason: reason.into(),
        expires: expires.map(str::to_string),
        owner: owner.map(str::to_string),
        location: format!("main.tf:{}", f.line.saturating_sub(1)),
    });
    f
}

pub fn report(rules: Vec<RuleInfo>, findings: Vec<Finding>, errors: Vec<ScanError>) -> Report {
    let mut summary = Summary {
        files_scanned: 1,
        resources: 4,
        rules: rules.len(),
        ..Summary::default()
    };
    for f in &findings {
        match (f.status, f.suppressed) {
            (Status::Fail, true) => summary.suppressed += 1,
            (Status::Fail, false) => summary.failed += 1,
            (Status::Pass, _) => summary.passed += 1,
            (Status::Unknown, _) => summary.unknown += 1,
            (Status::NotApplicable, _) => summary.not_applicable += 1,
        }
    }
    Report {
        version: "1.0".into(),
        tool: Tool {
            name: "rampart".into(),
            version: "0.1.0".into(),
        },
        summary,
        findings,
        errors,
        rules,
    }
}

pub fn expired_warning(rules: &str, date: &str, line: usize) -> ScanError {
    ScanError {
        level: "warning".into(),
        code: "expired-suppression".into(),
        file: "main.tf".into(),
        line: Some(line),
        column: Some(1),
        message: format!("suppression of {rules} expired on {date} and no longer applies"),
    }
}

pub fn framework(controls: &[(&str, Option<&str>)]) -> Framework {
    Framework {
        id: "demo".into(),
        name: "Demo catalogue".into(),
        version: "1".into(),
        kind: Kind::Standard,
        controls: controls
            .iter()
            .map(|(id, manual)| Control {
                id: id.to_string(),
                title: format!("Control {id}"),
                manual: manual.map(str::to_string),
            })
            .collect(),
    }
}

/// One report exercising every status on the `demo` catalogue:
/// * `C1` satisfied (R1 passes on two buckets)
/// * `C2` failing (R2 fails on one bucket, passes on the other)
/// * `C3` partial via unknown (R3 unknown)
/// * `C4` partial via an active exception (R4 fail suppressed + pass)
/// * `C5` not applicable (R5 has no results)
/// * `C6` manual (no rule, manual text)
/// * `C7` not covered (no rule, no text)
/// * `C8` parent of `C8.1` (R6 tagged `demo:C8.1` fails, expired exception on R6)
/// * `C8.1` failing
pub fn every_status() -> (Report, Framework) {
    let r1 = rule("R1", &["demo:C1"], &[]);
    let r2 = rule("R2", &["demo:C2"], &[]);
    let r3 = rule("R3", &["DEMO:C3"], &[]);
    let r4 = rule("R4", &[], &["demo:C4"]);
    let r5 = rule("R5", &["demo:C5"], &[]);
    let r6 = rule("R6", &["demo:C8.1"], &[]);
    let findings = vec![
        finding(&r1, Status::Pass, "aws_s3_bucket.a", 1),
        finding(&r1, Status::Pass, "aws_s3_bucket.b", 10),
        finding(&r2, Status::Fail, "aws_s3_bucket.a", 2),
        finding(&r2, Status::Pass, "aws_s3_bucket.b", 11),
        finding(&r3, Status::Unknown, "aws_kms_key.k", 20),
        finding(&r3, Status::NotApplicable, "aws_kms_key.j", 25),
        suppressed(
            finding(&r4, Status::Fail, "aws_s3_bucket.a", 3),
            "public site",
            Some("2099-01-01"),
            Some("web"),
        ),
        finding(&r4, Status::Pass, "aws_s3_bucket.b", 12),
        finding(&r6, Status::Fail, "aws_s3_bucket.c", 31),
    ];
    let errors = vec![expired_warning("R6", "2020-01-01", 30)];
    let fw = framework(&[
        ("C1", None),
        ("C2", None),
        ("C3", None),
        ("C4", None),
        ("C5", None),
        ("C6", Some("Signed access review")),
        ("C7", None),
        ("C8", None),
        ("C8.1", None),
    ]);
    (report(vec![r1, r2, r3, r4, r5, r6], findings, errors), fw)
}
