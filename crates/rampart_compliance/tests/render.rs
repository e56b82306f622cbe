mod common;

use rampart_compliance::render::{self, Format};
use rampart_compliance::{ComplianceReport, ExceptionPolicy, GitInfo, ScanMeta};

fn sample() -> ComplianceReport {
    let (report, fw) = common::every_status();
    let mut meta = ScanMeta::new(&report, "infra/");
    meta.generated_at = "2026-06-01T12:00:00Z".into();
    meta.scanned_at = Some("2026-06-01T11:59:58Z".into());
    meta.git = Some(GitInfo {
        commit: "0123456789abcdef0123456789abcdef01234567".into(),
        dirty: true,
        changed: vec!["main.tf".into()],
    });
    let policy = ExceptionPolicy {
        today: "2026-06-01".into(),
        max_age_days: Some(365),
        require_owner: true,
    };
    ComplianceReport::build(&report, &fw, None, &policy, None, meta)
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!(render::render(&sample(), Format::Markdown));
}

#[test]
fn json_snapshot() {
    let text = render::render(&sample(), Format::Json);
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(v["format"], "rampart-compliance/1");
    assert_eq!(
        v["assessment"]["controls"].as_array().map(Vec::len),
        Some(9)
    );
    insta::assert_snapshot!(text);
}

#[test]
fn csv_snapshot() {
    let text = render::render(&sample(), Format::Csv);
    let mut rd = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 9);
    assert_eq!(&rows[1][1], "C2");
    assert_eq!(&rows[1][3], "failing");
    insta::assert_snapshot!(text);
}

#[test]
fn html_is_self_contained_and_shows_every_control() {
    let html = render::render(&sample(), Format::Html);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    // No scripts or external resources.
    for bad in [
        "<script",
        "src=\"http",
        "href=\"http",
        "<link",
        "@import",
        "url(",
    ] {
        assert!(!html.contains(bad), "found {bad}");
    }
    assert!(html.contains("<style>"));
    assert!(html.contains("@media print"));
    assert!(html.contains("<svg"));
    for (id, status) in [
        ("C1", "satisfied"),
        ("C2", "failing"),
        ("C3", "partial"),
        ("C4", "partial"),
        ("C5", "not_applicable"),
        ("C6", "manual"),
        ("C7", "not_covered"),
        ("C8", "failing"),
        ("C8.1", "failing"),
    ] {
        let row = format!("<tr data-control=\"{id}\" data-status=\"{status}\">");
        assert!(html.contains(&row), "overview row {row}");
        let block = format!("data-control=\"{id}\" data-status=\"{status}\" style=");
        assert!(html.contains(&block), "detail block {block}");
    }
    assert!(html.contains("id=\"exception-register\""));
    assert!(html.contains("0123456789abcdef0123456789abcdef01234567"));
    assert!(html.contains("2026-06-01T11:59:58Z"));
    // Balanced tables and sections.
    for tag in ["table", "section", "div", "tr", "svg"] {
        let open = html.matches(&format!("<{tag}")).count()
            - if tag == "tr" {
                html.matches("<track").count()
            } else {
                0
            };
        let close = html.matches(&format!("</{tag}>")).count();
        assert_eq!(open, close, "<{tag}> balance");
    }
    insta::assert_snapshot!(html);
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let (mut report, fw) = common::every_status();
    for f in &mut report.findings {
        f.message = "<script>alert(1)</script> | =cmd() `x`".into();
        f.resource = "aws_s3_bucket.\"<img src=x onerror=alert(1)>\"".into();
    }
    let mut meta = ScanMeta::new(&report, "<b>src</b>");
    meta.generated_at = "t".into();
    let r = ComplianceReport::build(
        &report,
        &fw,
        None,
        &ExceptionPolicy::new("2026-06-01"),
        None,
        meta,
    );
    let html = render::render(&r, Format::Html);
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b>src"));
    let md = render::render(&r, Format::Markdown);
    assert!(!md.contains("<script>"));
    assert!(md.contains("\\| =cmd") && !md.contains("> | =cmd"));
    let csv = render::render(&r, Format::Csv);
    assert!(!csv.contains(",=cmd"));
    let _ = render::render(&r, Format::Json);
}

#[test]
fn formats_parse() {
    for f in Format::ALL {
        assert_eq!(Format::parse(f.as_str()), Some(f));
        assert_eq!(Format::parse(f.ext()), Some(f));
    }
    assert_eq!(Format::parse("pdf"), None);
}
