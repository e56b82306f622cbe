mod common;

use rampart_compliance::exceptions::ExceptionState;
use rampart_compliance::{register, ExceptionPolicy};
use rampart_model::report::ScanError;
use rampart_model::Status;

fn sample() -> rampart_model::report::Report {
    let r1 = common::rule("R1", &["demo:C1"], &[]);
    let r2 = common::rule("R2", &["demo:C2"], &[]);
    common::report(
        vec![r1.clone(), r2.clone()],
        vec![
            common::suppressed(
                common::finding(&r1, Status::Fail, "aws_s3_bucket.a", 5),
                "site bucket",
                Some("2026-07-01"),
                Some("web"),
            ),
            common::suppressed(
                common::finding(&r1, Status::Fail, "aws_s3_bucket.b", 15),
                "archive",
                None,
                None,
            ),
            common::suppressed(
                common::finding(&r2, Status::Fail, "aws_s3_bucket.c", 25),
                "",
                Some("2030-01-01"),
                Some("data"),
            ),
            common::suppressed(
                common::finding(&r2, Status::Fail, "aws_s3_bucket.d", 35),
                "odd date",
                Some("2026-02-30"),
                Some("data"),
            ),
            common::finding(&r2, Status::Pass, "aws_s3_bucket.e", 45),
        ],
        vec![
            common::expired_warning("R2,ALIAS_R1", "2025-12-31", 50),
            ScanError {
                level: "warning".into(),
                code: "unused-suppression".into(),
                file: "main.tf".into(),
                line: Some(60),
                column: Some(1),
                message: "suppression of R9 matches no finding".into(),
            },
            ScanError {
                level: "warning".into(),
                code: "variable-unset".into(),
                file: "main.tf".into(),
                line: Some(1),
                column: None,
                message: "unrelated".into(),
            },
        ],
    )
}

#[test]
fn register_lists_active_expired_and_unused() {
    let reg = register(&sample(), &ExceptionPolicy::new("2026-06-01"), None);
    assert_eq!(reg.totals.active, 4);
    assert_eq!(reg.totals.expired, 1);
    assert_eq!(reg.totals.unused, 1);
    // Expired first.
    let e = &reg.entries[0];
    assert_eq!(e.state, ExceptionState::Expired);
    assert_eq!(e.rules, vec!["R2", "ALIAS_R1"]);
    assert_eq!(e.expires.as_deref(), Some("2025-12-31"));
    assert_eq!(e.days_left, Some(-152));
    assert!(e.flags.contains(&"expired".to_string()));
    assert_eq!(e.location, "main.tf:50");

    let a = reg
        .entries
        .iter()
        .find(|e| e.resource.as_deref() == Some("aws_s3_bucket.a"))
        .unwrap();
    assert_eq!(a.state, ExceptionState::Active);
    assert_eq!(a.reason, "site bucket");
    assert_eq!(a.owner.as_deref(), Some("web"));
    assert_eq!(a.location, "main.tf:4");
    assert_eq!(a.finding.as_deref(), Some("main.tf:5"));
    assert_eq!(a.days_left, Some(30));
    assert!(a.flags.is_empty());

    let c = reg
        .entries
        .iter()
        .find(|e| e.resource.as_deref() == Some("aws_s3_bucket.c"))
        .unwrap();
    assert_eq!(c.flags, vec!["no-reason"]);
    let d = reg
        .entries
        .iter()
        .find(|e| e.resource.as_deref() == Some("aws_s3_bucket.d"))
        .unwrap();
    assert_eq!(d.flags, vec!["bad-expiry"]);
    assert!(reg.has_problems());
}

#[test]
fn maximum_age_and_owner_are_enforced_when_asked() {
    let policy = ExceptionPolicy {
        today: "2026-06-01".into(),
        max_age_days: Some(90),
        require_owner: true,
    };
    let reg = register(&sample(), &policy, None);
    let flags = |res: &str| {
        reg.entries
            .iter()
            .find(|e| e.resource.as_deref() == Some(res))
            .unwrap()
            .flags
            .clone()
    };
    assert!(flags("aws_s3_bucket.a").is_empty());
    assert_eq!(flags("aws_s3_bucket.b"), vec!["no-expiry", "no-owner"]);
    assert_eq!(
        flags("aws_s3_bucket.c"),
        vec!["no-reason", "beyond-max-age (latest allowed 2026-08-30)"]
    );
}

#[test]
fn expired_entries_read_their_comment_when_the_source_is_available() {
    let lookup = |file: &str, line: usize| {
        (file == "main.tf" && line == 50).then(|| {
            "  # rampart:ignore R2 -- migration window expires=2025-12-31 owner=data-team"
                .to_string()
        })
    };
    let reg = register(
        &sample(),
        &ExceptionPolicy::new("2026-06-01"),
        Some(&lookup),
    );
    let e = &reg.entries[0];
    assert_eq!(e.reason, "migration window");
    assert_eq!(e.owner.as_deref(), Some("data-team"));
    assert_eq!(e.kind, "inline");
    assert_eq!(e.flags, vec!["expired"]);
}

#[test]
fn a_clean_register_has_no_problems() {
    let rep = common::report(vec![], vec![], vec![]);
    let reg = register(&rep, &ExceptionPolicy::new("not a date"), None);
    assert!(reg.entries.is_empty());
    assert!(!reg.has_problems());
}

#[test]
fn register_of_a_real_scan() {
    let opts = rampart_engine::ScanOptions {
        paths: vec![std::path::PathBuf::from("tests/fixtures/infra")],
        today: "2026-06-01".into(),
        ..rampart_engine::ScanOptions::default()
    };
    let c = rampart_compliance::collect::scan(&opts);
    let reg = c.register(&ExceptionPolicy::new("2026-06-01"));
    assert_eq!(reg.totals.active, 1);
    assert_eq!(reg.totals.expired, 1);
    let expired = &reg.entries[0];
    assert_eq!(expired.reason, "temporary during migration");
    assert_eq!(expired.owner.as_deref(), Some("data-team"));
    let active = &reg.entries[1];
    assert_eq!(active.resource.as_deref(), Some("aws_s3_bucket.site"));
    assert_eq!(active.owner.as_deref(), Some("web-team"));
}
