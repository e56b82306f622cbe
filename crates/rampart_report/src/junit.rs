//! JUnit XML output, for the test-report views of CI systems.
//!
//! Layout: one `<testsuite>` per rule, one `<testcase>` per resource result.
//! A rule is the natural "test" here and each resource it checked is a case:
//! CI views (Jenkins, GitLab, Azure Pipelines, CircleCI) then show per rule how
//! many resources fail, the suite names stay the same from run to run (files
//! come and go, rules do not), and the list of failing suites reads as the
//! list of violated controls. The test case's classname is the rule id; the
//! file and line are in the failure text and in a `file` test-case property.
//!
//! * Fail → `<failure>` with the message, type = severity, and a body with
//!   location, resource and remediation.
//! * Fail, suppressed → `<skipped>` with the justification.
//! * Unknown → `<skipped>` with the reason the outcome is unknown.
//! * Pass → a passing test case (can be turned off with
//!   [`JunitOptions::include_passed`]).
//! * Not applicable → left out (the rule did not apply).
//! * Scan errors → one extra suite, `rampart: scan errors`, with an
//!   `<error>` case per error and a `<skipped>` case per warning or note
//!   (input that was not scanned, without failing the build by itself).

use std::time::Duration;

use quick_junit::{
    NonSuccessKind, Property, Report as JReport, TestCase, TestCaseStatus, TestSuite,
};
use rampart_model::report::{Finding, Report, ScanError};
use rampart_model::Status;

use crate::util::{describe_suppression, message_of};

/// Options of the JUnit reporter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JunitOptions {
    /// Emit passing results as passing test cases (default: yes).
    pub include_passed: bool,
}

impl Default for JunitOptions {
    fn default() -> Self {
        JunitOptions {
            include_passed: true,
        }
    }
}

/// Name of the suite that holds scan errors.
pub const ERRORS_SUITE: &str = "rampart: scan errors";

/// Renders a JUnit XML report. Ends with a newline.
pub fn render(report: &Report, opts: &JunitOptions) -> String {
    let mut junit = JReport::new("rampart");
    junit.set_time(Duration::from_millis(report.summary.duration_ms));

    // Suites in the order of the report's rules, then any rule known only
    // from findings, in order of first appearance.
    let mut order: Vec<&str> = report.rules.iter().map(|r| r.id.as_ref()).collect();
    for f in &report.findings {
        if !order.contains(&f.rule_id.as_ref()) {
            order.push(f.rule_id.as_ref());
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for rule_id in order {
        if seen.contains(&rule_id) {
            continue;
        }
        seen.push(rule_id);
        let cases: Vec<TestCase> = report
            .findings
            .iter()
            .filter(|f| &*f.rule_id == rule_id)
            .filter_map(|f| test_case(f, opts))
            .collect();
        if cases.is_empty() {
            continue;
        }
        let title = report
            .rules
            .iter()
            .find(|r| &*r.id == rule_id)
            .map(|r| r.title.as_ref())
            .or_else(|| {
                report
                    .findings
                    .iter()
                    .find(|f| &*f.rule_id == rule_id)
                    .map(|f| f.title.as_ref())
            })
            .unwrap_or("");
        let name = if title.is_empty() {
            rule_id.to_string()
        } else {
            format!("{rule_id}: {title}")
        };
        let mut suite = TestSuite::new(name);
        if let Some(r) = report.rules.iter().find(|r| &*r.id == rule_id) {
            suite.add_property(Property::new("severity", r.severity.as_str()));
            if !r.frameworks.is_empty() {
                suite.add_property(Property::new("frameworks", r.frameworks.join(", ")));
            }
            if !r.aliases.is_empty() {
                suite.add_property(Property::new("aliases", r.aliases.join(", ")));
            }
        }
        suite.add_test_cases(cases);
        junit.add_test_suite(suite);
    }

    if !report.errors.is_empty() {
        let mut suite = TestSuite::new(ERRORS_SUITE);
        suite.add_test_cases(report.errors.iter().map(error_case));
        junit.add_test_suite(suite);
    }

    match junit.to_string() {
        Ok(mut s) => {
            if !s.ends_with('\n') {
                s.push('\n');
            }
            s
        }
        Err(e) => format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- rampart: could not write JUnit XML: {} -->\n<testsuites name=\"rampart\" tests=\"0\" failures=\"0\" errors=\"0\"/>\n",
            e.to_string().replace("--", "- -")
        ),
    }
}

fn location(f: &Finding) -> String {
    match (f.file.is_empty(), f.line) {
        (true, _) => String::new(),
        (false, 0) => f.file.clone(),
        (false, l) => format!("{}:{l}", f.file),
    }
}

fn test_case(f: &Finding, opts: &JunitOptions) -> Option<TestCase> {
    let status = match f.status {
        Status::Fail if f.suppressed => {
            let why = match &f.suppression {
                Some(s) => describe_suppression(s),
                None => "no justification recorded".to_string(),
            };
            let mut st = TestCaseStatus::skipped();
            st.set_message(format!("suppressed: {why}"));
            st.set_type("suppressed");
            st
        }
        Status::Fail => {
            let mut st = TestCaseStatus::non_success(NonSuccessKind::Failure);
            st.set_message(message_of(f));
            st.set_type(f.severity.as_str());
            st.set_description(failure_body(f));
            st
        }
        Status::Unknown => {
            let mut st = TestCaseStatus::skipped();
            st.set_message(format!("unknown: {}", message_of(f)));
            st.set_type("unknown");
            st
        }
        Status::Pass if opts.include_passed => TestCaseStatus::success(),
        Status::Pass | Status::NotApplicable => return None,
    };
    let mut name = if f.resource.is_empty() {
        location(f)
    } else {
        f.resource.clone()
    };
    if let Some(a) = &f.attribute {
        name.push_str(&format!(" ({a})"));
    }
    let mut case = TestCase::new(name, status);
    case.set_classname(f.rule_id.as_ref());
    let loc = location(f);
    if !loc.is_empty() {
        case.add_property(Property::new("file", loc));
    }
    if !f.fingerprint.is_empty() {
        case.add_property(Property::new("fingerprint", f.fingerprint.as_str()));
    }
    Some(case)
}

fn failure_body(f: &Finding) -> String {
    let mut lines = vec![format!("{}[{}]: {}", f.severity, f.rule_id, f.title)];
    let loc = location(f);
    if !loc.is_empty() {
        lines.push(format!("  --> {loc}"));
    }
    lines.push(format!("resource: {}", f.resource));
    lines.push(format!("message: {}", message_of(f)));
    if !f.remediation.trim().is_empty() {
        lines.push(format!("remediation: {}", f.remediation.trim()));
    }
    if !f.frameworks.is_empty() {
        lines.push(format!("controls: {}", f.frameworks.join(", ")));
    }
    if !f.aliases.is_empty() {
        lines.push(format!("aliases: {}", f.aliases.join(", ")));
    }
    lines.join("\n")
}

fn error_case(e: &ScanError) -> TestCase {
    let mut place = e.file.clone();
    if let Some(l) = e.line {
        place.push_str(&format!(":{l}"));
        if let Some(c) = e.column {
            place.push_str(&format!(":{c}"));
        }
    }
    let name = if place.is_empty() {
        e.code.clone()
    } else {
        place
    };
    let mut st = if e.level == "error" {
        TestCaseStatus::non_success(NonSuccessKind::Error)
    } else {
        TestCaseStatus::skipped()
    };
    st.set_message(e.message.as_str());
    st.set_type(format!("{}[{}]", e.level, e.code));
    let mut case = TestCase::new(name, st);
    case.set_classname("rampart.errors");
    case
}
