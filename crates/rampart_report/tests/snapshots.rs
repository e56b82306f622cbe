//! Snapshot tests: every format rendered from the one sample report.
//!
//! Update with `INSTA_UPDATE=always cargo test -p rampart_report` (or
//! `cargo insta accept`) and review the `.snap` diffs; in CI (`CI=true`) a
//! mismatch fails.

mod common;

use rampart_report::{
    json, junit, render, sarif, text, Format, JsonOptions, JunitOptions, RenderOptions,
    SarifOptions, TextOptions,
};

#[test]
fn text_default() {
    let out = text::render(&common::sample_report(), &TextOptions::default());
    insta::assert_snapshot!("text_default", out);
}

#[test]
fn text_everything() {
    let opts = TextOptions {
        show_passed: true,
        show_suppressed: true,
        ..TextOptions::default()
    };
    let out = text::render(&common::sample_report(), &opts);
    insta::assert_snapshot!("text_everything", out);
}

#[test]
fn text_quiet() {
    let opts = TextOptions {
        quiet: true,
        ..TextOptions::default()
    };
    let out = text::render(&common::sample_report(), &opts);
    insta::assert_snapshot!("text_quiet", out);
}

#[test]
fn text_without_unknowns() {
    let opts = TextOptions {
        show_unknown: false,
        ..TextOptions::default()
    };
    let out = text::render(&common::sample_report(), &opts);
    assert!(!out.contains("(unknown)"));
    assert!(!out.contains("aws_s3_bucket.data\n   = note: versioning"));
}

#[test]
fn json_default() {
    let out = json::render(&common::sample_report(), &JsonOptions::default());
    insta::assert_snapshot!("json_default", out);
}

#[test]
fn json_with_passed() {
    let out = json::render(
        &common::sample_report(),
        &JsonOptions {
            include_passed: true,
        },
    );
    insta::assert_snapshot!("json_with_passed", out);
}

#[test]
fn sarif_default() {
    let out = sarif::render(&common::sample_report(), &SarifOptions::default());
    insta::assert_snapshot!("sarif_default", out);
}

#[test]
fn junit_default() {
    let out = junit::render(&common::sample_report(), &JunitOptions::default());
    insta::assert_snapshot!("junit_default", out);
}

#[test]
fn render_dispatches_and_ends_with_newline() {
    let report = common::sample_report();
    let opts = RenderOptions::default();
    for f in Format::ALL {
        let out = render(&report, f, &opts);
        assert!(out.ends_with('\n'), "{f} output must end with a newline");
        assert!(!out.ends_with("\n\n"), "{f} output ends with a blank line");
    }
    assert_eq!(
        render(&report, Format::Json, &opts),
        json::render(&report, &opts.json)
    );
    assert_eq!(
        render(&report, Format::Sarif, &opts),
        sarif::render(&report, &opts.sarif)
    );
}
