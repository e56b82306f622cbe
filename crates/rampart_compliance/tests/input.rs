use rampart_compliance::input::{builtin_rules, parse_scan_json, rule_set_digest};
use rampart_model::Status;

#[test]
fn a_saved_scan_round_trips() {
    let opts = rampart_engine::ScanOptions {
        paths: vec!["tests/fixtures/infra".into()],
        today: "2026-06-01".into(),
        ..rampart_engine::ScanOptions::default()
    };
    let report = rampart_engine::scan(&opts);
    let json = rampart_report::json::render(
        &report,
        &rampart_report::JsonOptions {
            include_passed: true,
        },
    );
    let loaded = parse_scan_json(&json).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let back = loaded.report;
    assert_eq!(back.summary, report.summary);
    assert_eq!(back.errors, report.errors);
    let original: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.status != Status::NotApplicable)
        .cloned()
        .collect();
    assert_eq!(back.findings, original);
    assert_eq!(back.rules.len(), builtin_rules().len());
}

#[test]
fn a_scan_without_passes_is_flagged() {
    let text = r#"{"version":"1.0","tool":{"name":"rampart","version":"0.1.0"},
      "summary":{"passed":3},"findings":[],"errors":[]}"#;
    let l = parse_scan_json(text).unwrap();
    assert!(l.warnings.iter().any(|w| w.contains("--include-passed")));
}

#[test]
fn hostile_json_is_an_error_not_a_panic() {
    for bad in [
        "",
        "[]",
        "null",
        "{\"findings\": 3}",
        "{\"findings\": [{\"rule_id\": \"X\", \"severity\": \"huge\", \"status\": \"fail\"}]}",
        "{\"findings\": [{\"rule_id\": \"X\", \"severity\": \"high\", \"status\": \"exploded\"}]}",
        "{\"tool\": 1}",
    ] {
        assert!(parse_scan_json(bad).is_err(), "{bad:?}");
    }
    // Unknown keys and a foreign tool are tolerated, with a warning for the tool.
    let l = parse_scan_json(
        r#"{"tool":{"name":"other"},"new_key":1,"findings":[{"rule_id":"X-1","severity":"low","status":"fail","frameworks":["soc2:CC6.1"]}]}"#,
    )
    .unwrap();
    assert_eq!(l.warnings.len(), 1);
    assert!(l
        .report
        .rules
        .iter()
        .any(|r| &*r.id == "X-1" && *r.frameworks == ["soc2:CC6.1".to_string()]));
}

#[test]
fn rule_set_digest_changes_with_metadata() {
    let mut rules = builtin_rules();
    let d1 = rule_set_digest(&rules);
    rules.reverse();
    assert_eq!(rule_set_digest(&rules), d1, "order does not matter");
    let mut more = rules[0].frameworks.to_vec();
    more.push("soc2:CC9.9".into());
    rules[0].frameworks = more.into();
    assert_ne!(rule_set_digest(&rules), d1);
}
