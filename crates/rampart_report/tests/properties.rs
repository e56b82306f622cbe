//! Properties every reporter must keep, checked on the sample report.

mod common;

use rampart_model::Status;
use rampart_report::{json, junit, render, sarif, text, Format, RenderOptions, TextOptions};

#[test]
fn text_without_colour_has_no_escape_codes() {
    let report = common::sample_report();
    for opts in [
        TextOptions::default(),
        TextOptions {
            show_passed: true,
            show_suppressed: true,
            ..TextOptions::default()
        },
        TextOptions {
            quiet: true,
            ..TextOptions::default()
        },
    ] {
        let out = text::render(&report, &opts);
        assert!(!out.contains('\u{1b}'), "escape code in:\n{out}");
    }
}

#[test]
fn text_with_colour_has_escape_codes() {
    let opts = TextOptions {
        color: true,
        ..TextOptions::default()
    };
    let out = text::render(&common::sample_report(), &opts);
    assert!(out.contains("\u{1b}["));
}

#[test]
fn hostile_text_cannot_inject_escape_codes() {
    let mut report = common::sample_report();
    let f = &mut report.findings[0];
    f.message = "evil \u{1b}[2J\u{1b}[31m message\r\nforged line".into();
    if let Some(s) = &mut f.snippet {
        std::sync::Arc::make_mut(s).lines[0] = "  ingress { \u{1b}]0;title\u{7}".into();
    }
    report.errors[0].message = "bad \u{1b}[1m error".into();
    for opts in [
        TextOptions::default(),
        TextOptions {
            color: true,
            ..TextOptions::default()
        },
    ] {
        let out = text::render(&report, &opts);
        assert!(!out.contains("\u{1b}[2J"), "{out}");
        assert!(!out.contains("\u{1b}]0;"), "{out}");
        assert!(!out.contains("\u{1b}[1m error"), "{out}");
        assert!(!out.contains('\r'), "{out}");
    }
    let xml = junit::render(&report, &Default::default());
    assert!(!xml.contains('\u{1b}') && !xml.contains('\u{7}'), "{xml}");
    for f in [Format::Json, Format::Sarif] {
        let out = render(&report, f, &RenderOptions::default());
        assert!(!out.contains('\u{1b}'), "{f}: raw escape in output");
        assert!(serde_json::from_str::<serde_json::Value>(&out).is_ok());
    }
}

#[test]
fn redacted_secret_stays_masked_everywhere() {
    let report = common::sample_report();
    let opts = RenderOptions::default().with_passed(true);
    for f in Format::ALL {
        let out = render(&report, f, &opts);
        assert!(
            out.contains(common::MASKED_SECRET),
            "{f}: the masked secret should be shown"
        );
    }
}

#[test]
fn json_lists_failures_unknowns_and_suppressed_but_not_passes() {
    let report = common::sample_report();
    let v: serde_json::Value =
        serde_json::from_str(&json::render(&report, &Default::default())).unwrap();
    let statuses: Vec<(&str, bool)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["status"].as_str().unwrap(),
                f["suppressed"].as_bool().unwrap(),
            )
        })
        .collect();
    assert!(statuses.contains(&("fail", false)));
    assert!(statuses.contains(&("fail", true)));
    assert!(statuses.contains(&("unknown", false)));
    assert!(!statuses
        .iter()
        .any(|(s, _)| *s == "pass" || *s == "not_applicable"));
    let expected = report
        .findings
        .iter()
        .filter(|f| matches!(f.status, Status::Fail | Status::Unknown))
        .count();
    assert_eq!(statuses.len(), expected);
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["version", "tool", "summary", "findings", "errors"]);
}

#[test]
fn sarif_results_are_relative_fingerprinted_and_keep_suppressions() {
    let report = common::sample_report();
    let v = sarif::to_value(&report, &Default::default());
    let run = &v["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    for r in results {
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], r["ruleId"]);
        assert!(r["partialFingerprints"]["rampart/v1"].is_string());
        let loc = &r["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(loc["uriBaseId"], "%SRCROOT%");
        assert!(!loc["uri"].as_str().unwrap().contains(' '));
    }
    let spaced = results
        .iter()
        .find(|r| r["ruleId"] == "RMP-AWS-EC2-001")
        .unwrap();
    assert_eq!(
        spaced["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "env/prod%20vars/network.tf"
    );
    let suppressed: Vec<&serde_json::Value> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 2);
    let kinds: Vec<&str> = suppressed
        .iter()
        .map(|r| r["suppressions"][0]["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"inSource") && kinds.contains(&"external"));
    let module = results
        .iter()
        .find(|r| r["ruleId"] == "RMP-AWS-S3-002" && r["kind"] == "fail")
        .unwrap();
    assert_eq!(
        module["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        "module.app.aws_s3_bucket.logs[\"a\"]"
    );
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["region"]["startColumn"],
        12
    );
}

#[test]
fn junit_counts_match_the_report() {
    let report = common::sample_report();
    let out = junit::render(&report, &Default::default());
    // 9 listed results (the not-applicable one is left out) + 2 scan errors;
    // 4 open failures, 1 error-level scan error.
    assert!(
        out.contains("tests=\"11\" skipped=\"4\" failures=\"4\" errors=\"1\""),
        "{out}"
    );
    assert_eq!(out.matches("<failure").count(), 4);
    // 2 suppressed + 1 unknown + 1 warning.
    assert_eq!(out.matches("<skipped").count(), 4);
}

#[test]
fn empty_report_renders_in_every_format() {
    let mut report = common::sample_report();
    report.findings.clear();
    report.errors.clear();
    report.rules.clear();
    report.summary = Default::default();
    for f in Format::ALL {
        let out = render(&report, f, &RenderOptions::default());
        assert!(out.ends_with('\n'));
    }
    let t = text::render(&report, &TextOptions::default());
    assert!(t.contains("No findings to show."));
}

#[test]
fn text_marks_a_cut_multi_line_snippet() {
    let mut report = common::sample_report();
    let f = &mut report.findings[0];
    f.end_line = 30;
    if let Some(s) = &mut f.snippet {
        std::sync::Arc::make_mut(s).lines.truncate(3);
    }
    let out = text::render(&report, &TextOptions::default());
    assert!(
        out.contains(" 6 | |     to_port     = 22\n   | | ...\n"),
        "{out}"
    );
}

#[test]
fn written_output_is_the_rendered_output() {
    let report = common::sample_report();
    for passed in [false, true] {
        let opts = RenderOptions::default().with_passed(passed);
        for format in Format::ALL {
            let mut written = Vec::new();
            rampart_report::write_to(&report, format, &opts, &mut written).expect("write");
            assert_eq!(
                String::from_utf8(written).expect("utf-8"),
                rampart_report::render(&report, format, &opts),
                "{format}"
            );
        }
    }
}
