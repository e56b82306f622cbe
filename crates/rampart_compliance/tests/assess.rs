mod common;

use rampart_compliance::{assess, assess_with, register, ControlStatus, ExceptionPolicy, Mapping};
use rampart_model::Status;

fn status_of(a: &rampart_compliance::Assessment, id: &str) -> ControlStatus {
    a.controls
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.status)
        .unwrap_or_else(|| panic!("no control {id}"))
}

#[test]
fn every_status_is_assigned() {
    let (report, fw) = common::every_status();
    let a = assess(&report, &fw, None);
    assert_eq!(status_of(&a, "C1"), ControlStatus::Satisfied);
    assert_eq!(status_of(&a, "C2"), ControlStatus::Failing);
    assert_eq!(status_of(&a, "C3"), ControlStatus::Partial);
    assert_eq!(status_of(&a, "C4"), ControlStatus::Partial);
    assert_eq!(status_of(&a, "C5"), ControlStatus::NotApplicable);
    assert_eq!(status_of(&a, "C6"), ControlStatus::Manual);
    assert_eq!(status_of(&a, "C7"), ControlStatus::NotCovered);
    assert_eq!(status_of(&a, "C8"), ControlStatus::Failing);
    assert_eq!(status_of(&a, "C8.1"), ControlStatus::Failing);

    let t = &a.totals;
    assert_eq!(t.controls, 9);
    assert_eq!(
        (
            t.satisfied,
            t.partial,
            t.failing,
            t.not_applicable,
            t.manual,
            t.not_covered
        ),
        (1, 2, 3, 1, 1, 1)
    );
    assert_eq!(t.automated, 7);
    assert_eq!(t.coverage_percent, 77.8);
}

#[test]
fn control_details_count_resources_and_list_failures() {
    let (report, fw) = common::every_status();
    let a = assess(&report, &fw, None);
    let c2 = a.controls.iter().find(|c| c.id == "C2").unwrap();
    assert_eq!(c2.rules.len(), 1);
    assert_eq!(c2.rules[0].via, vec!["demo:C2"]);
    assert_eq!(c2.resources.evaluated, 2);
    assert_eq!(c2.resources.passing, 1);
    assert_eq!(c2.resources.failing, 1);
    assert_eq!(c2.failing.len(), 1);
    assert_eq!(c2.failing[0].resource, "aws_s3_bucket.a");
    assert_eq!(
        (c2.failing[0].file.as_str(), c2.failing[0].line),
        ("main.tf", 2)
    );

    // Not-applicable results are not "evaluated".
    let c3 = a.controls.iter().find(|c| c.id == "C3").unwrap();
    assert_eq!(c3.results.evaluated(), 1);
    assert_eq!(c3.unknown.len(), 1);

    let c4 = a.controls.iter().find(|c| c.id == "C4").unwrap();
    assert_eq!(c4.results.excepted, 1);
    assert_eq!(c4.exceptions.len(), 1);
    assert_eq!(c4.exceptions[0].reason, "public site");
    assert_eq!(c4.resources.other, 1);

    let c6 = a.controls.iter().find(|c| c.id == "C6").unwrap();
    assert_eq!(c6.manual.as_deref(), Some("Signed access review"));
}

#[test]
fn evidence_flows_up_to_parents_not_down() {
    let (report, fw) = common::every_status();
    let a = assess(&report, &fw, None);
    let parent = a.controls.iter().find(|c| c.id == "C8").unwrap();
    assert_eq!(parent.rules[0].id, "R6");
    assert_eq!(parent.rules[0].via, vec!["demo:C8.1"]);

    // A rule tagged with the parent only says nothing about the child.
    let r = common::rule("RP", &["demo:C8"], &[]);
    let rep = common::report(
        vec![r.clone()],
        vec![common::finding(&r, Status::Pass, "x.y", 1)],
        vec![],
    );
    let a = assess(&rep, &fw, None);
    assert_eq!(status_of(&a, "C8"), ControlStatus::Satisfied);
    assert_eq!(status_of(&a, "C8.1"), ControlStatus::NotCovered);
}

#[test]
fn expired_exceptions_attach_to_their_controls() {
    let (report, fw) = common::every_status();
    let reg = register(&report, &ExceptionPolicy::new("2026-06-01"), None);
    let a = assess_with(&report, &fw, None, Some(&reg));
    let c = a.controls.iter().find(|c| c.id == "C8.1").unwrap();
    assert_eq!(c.status, ControlStatus::Failing);
    assert_eq!(c.exceptions.len(), 1);
    assert_eq!(c.exceptions[0].state.as_str(), "expired");
    // The active one on C4 now carries days left from the register.
    let c4 = a.controls.iter().find(|c| c.id == "C4").unwrap();
    assert!(c4.exceptions[0].days_left.is_some());
}

#[test]
fn a_lapsed_exception_on_a_passing_control_makes_it_partial() {
    let r = common::rule("R1", &["demo:C1"], &[]);
    let rep = common::report(
        vec![r.clone()],
        vec![common::finding(&r, Status::Pass, "aws_s3_bucket.a", 3)],
        vec![common::expired_warning("ALIAS_R1", "2020-01-01", 2)],
    );
    let fw = common::framework(&[("C1", None)]);
    let a = assess(&rep, &fw, None);
    assert_eq!(status_of(&a, "C1"), ControlStatus::Partial);
    assert_eq!(a.controls[0].exceptions.len(), 1);
}

#[test]
fn mapping_adds_rules_by_pattern_and_by_control() {
    let (report, fw) = common::every_status();
    let m = Mapping::parse(
        r#"
[policy]
id = "POL"
name = "Our policy"

[[section]]
id = "1"
title = "Everything about buckets"

[[section]]
id = "1.1"
title = "Buckets pass R1"
rules = ["R1"]

[[section]]
id = "1.2"
title = "Whatever evidences demo C2"
controls = ["demo:C2"]

[[section]]
id = "2"
title = "People"
manual = "HR records"

[[section]]
id = "3"
title = "Forgotten"
"#,
    )
    .unwrap();
    let pf = m.to_framework();
    let a = assess(&report, &pf, Some(&m));
    assert_eq!(status_of(&a, "1.1"), ControlStatus::Satisfied);
    assert_eq!(status_of(&a, "1.2"), ControlStatus::Failing);
    assert_eq!(status_of(&a, "1"), ControlStatus::Failing);
    assert_eq!(status_of(&a, "2"), ControlStatus::Manual);
    assert_eq!(status_of(&a, "3"), ControlStatus::NotCovered);
    let c = a.controls.iter().find(|c| c.id == "1.2").unwrap();
    assert_eq!(c.rules[0].via, vec!["mapping 1.2: demo:C2 (demo:C2)"]);
    assert_eq!(a.mapping.as_ref().unwrap().id, "POL");
    assert_eq!(a.framework.kind, "policy");

    // A mapping also extends a catalogue's controls with the same id.
    let m2 = Mapping::parse(
        "[policy]\nid = \"X\"\nname = \"x\"\n[[section]]\nid = \"C5\"\ntitle = \"t\"\nrules = [\"R1\"]\n",
    )
    .unwrap();
    let a = assess(&report, &fw, Some(&m2));
    assert_eq!(status_of(&a, "C5"), ControlStatus::Satisfied);
}

#[test]
fn empty_inputs_do_not_panic() {
    let rep = common::report(vec![], vec![], vec![]);
    let fw = common::framework(&[]);
    let a = assess(&rep, &fw, None);
    assert_eq!(a.totals.controls, 0);
    assert_eq!(a.totals.coverage_percent, 0.0);
}

#[test]
fn builtin_catalogues_assess_the_fixture_scan() {
    // A real scan of the fixture: CIS/SOC 2 controls get evidence.
    let opts = rampart_engine::ScanOptions {
        paths: vec![std::path::PathBuf::from("tests/fixtures/infra")],
        today: "2026-06-01".into(),
        ..rampart_engine::ScanOptions::default()
    };
    let report = rampart_engine::scan(&opts);
    for fw in rampart_frameworks::all() {
        let a = assess(&report, fw, None);
        assert_eq!(a.totals.controls, fw.len(), "{}", fw.id);
        let sum: usize = ControlStatus::ALL.iter().map(|s| a.totals.count(*s)).sum();
        assert_eq!(sum, fw.len(), "{}", fw.id);
    }
    let soc2 = rampart_frameworks::framework("soc2").unwrap();
    let a = assess(&report, soc2, None);
    assert!(a.totals.automated > 0);
    assert!(a.totals.failing > 0);
    assert!(a.totals.manual > 0);
}
