//! The CLI module of the `rampart` binary (`crates/rampart/src/cmd_compliance.rs`),
//! compiled here so it is built and tested with this crate before it is wired in.

#[path = "../../rampart/src/cmd_compliance.rs"]
mod cmd_compliance;

use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use cmd_compliance::{EvidenceCommand, ExceptionsArgs, ReportArgs};

#[derive(Parser, Debug)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    Report(ReportArgs),
    Exceptions(ExceptionsArgs),
    #[command(subcommand)]
    Evidence(EvidenceCommand),
}

fn run(args: &[&str]) -> Result<ExitCode, String> {
    let cli = Cli::try_parse_from(std::iter::once("rampart").chain(args.iter().copied()))
        .map_err(|e| e.to_string())?;
    match cli.command {
        Command::Report(a) => cmd_compliance::run_report(a),
        Command::Exceptions(a) => cmd_compliance::run_exceptions(a),
        Command::Evidence(c) => cmd_compliance::run_evidence(c),
    }
}

const FIXTURE: &str = "tests/fixtures/infra";
const MAPPING: &str = "examples/eng-pol-003.toml";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn report_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    for ext in ["html", "md", "json", "csv"] {
        let out = tmp.path().join(format!("r.{ext}"));
        let code = run(&[
            "report",
            "--framework",
            "soc2",
            "--no-config",
            "--today",
            "2026-06-01",
            "-o",
            s(&out),
            FIXTURE,
        ])
        .unwrap();
        assert_eq!(code, ExitCode::SUCCESS);
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains("CC6.1"), "{ext}");
    }
    let code = run(&[
        "report",
        "--framework",
        "soc2",
        "--no-config",
        "--fail-on-failing",
        "-o",
        s(&tmp.path().join("x.md")),
        FIXTURE,
    ])
    .unwrap();
    assert_eq!(code, ExitCode::from(1));
}

#[test]
fn report_from_a_saved_scan_matches_a_live_one() {
    let tmp = tempfile::tempdir().unwrap();
    // Save a scan the way `rampart scan --format json --include-passed` does.
    let opts = rampart_engine::ScanOptions {
        paths: vec![FIXTURE.into()],
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
    let saved = tmp.path().join("scan.json");
    std::fs::write(&saved, json).unwrap();
    let from = tmp.path().join("from.json");
    let live = tmp.path().join("live.json");
    run(&[
        "report",
        "--mapping",
        MAPPING,
        "--from",
        s(&saved),
        "--today",
        "2026-06-01",
        "-o",
        s(&from),
    ])
    .unwrap();
    run(&[
        "report",
        "--mapping",
        MAPPING,
        "--no-config",
        "--today",
        "2026-06-01",
        "-o",
        s(&live),
        FIXTURE,
    ])
    .unwrap();
    let a: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&from).unwrap()).unwrap();
    let b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&live).unwrap()).unwrap();
    assert_eq!(a["assessment"]["framework"]["id"], "ENG-POL-003");
    assert_eq!(a["assessment"]["totals"], b["assessment"]["totals"]);
    assert_eq!(a["assessment"]["controls"], b["assessment"]["controls"]);
    assert!(b["meta"]["scanned_at"].is_string());
    assert!(a["meta"]["scanned_at"].is_null());
}

#[test]
fn evidence_bundle_sign_and_verify_through_the_cli() {
    let tmp = tempfile::tempdir().unwrap();
    let key = tmp.path().join("signing.key");
    assert_eq!(
        run(&["evidence", "keygen", s(&key)]).unwrap(),
        ExitCode::SUCCESS
    );
    assert!(
        run(&["evidence", "keygen", s(&key)]).is_err(),
        "refuses to overwrite"
    );
    let pubkey = tmp.path().join("signing.key.pub");
    assert!(pubkey.exists());
    let dir = tmp.path().join("evidence");
    let code = run(&[
        "report",
        "--framework",
        "soc2",
        "--framework",
        "ENG-POL-003-HIPAA",
        "--mapping",
        MAPPING,
        "--no-config",
        "--evidence-dir",
        s(&dir),
        "--sign-key",
        s(&key),
        FIXTURE,
    ])
    .unwrap();
    assert_eq!(code, ExitCode::SUCCESS);
    assert!(dir.join("reports/ENG-POL-003-HIPAA.html").exists());
    assert!(dir.join("mappings/ENG-POL-003.toml").exists());
    assert!(dir.join("manifest.sig").exists());
    assert_eq!(
        run(&["evidence", "verify", s(&dir), "--public-key", s(&pubkey)]).unwrap(),
        ExitCode::SUCCESS
    );
    std::fs::write(dir.join("reports/soc2.md"), "# all good").unwrap();
    assert_eq!(
        run(&["evidence", "verify", s(&dir), "--json"]).unwrap(),
        ExitCode::from(1)
    );
}

#[test]
fn exceptions_command_flags_expired_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ex.json");
    let code = run(&[
        "exceptions",
        "--no-config",
        "--today",
        "2026-06-01",
        "--format",
        "json",
        "-o",
        s(&out),
        FIXTURE,
    ])
    .unwrap();
    assert_eq!(code, ExitCode::from(1), "an expired exception is a problem");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["totals"]["expired"], 1);
    assert_eq!(v["totals"]["active"], 1);
    for fmt in ["text", "md", "csv"] {
        let o = tmp.path().join(format!("ex.{fmt}"));
        run(&[
            "exceptions",
            "--no-config",
            "--max-exception-age",
            "30",
            "--format",
            fmt,
            "-o",
            s(&o),
            FIXTURE,
        ])
        .unwrap();
        let t = std::fs::read_to_string(&o).unwrap();
        assert!(t.contains("aws_s3_bucket.site"), "{fmt}: {t}");
        assert!(t.contains("beyond-max-age"), "{fmt}: {t}");
    }
}

#[test]
fn usage_errors_are_errors_not_panics() {
    assert!(run(&["report", FIXTURE])
        .unwrap_err()
        .contains("--framework"));
    assert!(run(&["report", "--framework", "nope", FIXTURE])
        .unwrap_err()
        .contains("unknown framework"));
    assert!(run(&["report", "--framework", "soc2", "--format", "pdf", FIXTURE]).is_err());
    assert!(run(&[
        "report",
        "--framework",
        "soc2",
        "--framework",
        "hipaa",
        FIXTURE
    ])
    .unwrap_err()
    .contains("--evidence-dir"));
    assert!(run(&[
        "report",
        "--framework",
        "soc2",
        "--from",
        "/nonexistent.json"
    ])
    .is_err());
    assert!(run(&["report", "--mapping", "/nonexistent.toml", FIXTURE]).is_err());
    assert!(run(&["report", "--framework", "soc2", "/nonexistent-dir"]).is_err());
    assert!(run(&["exceptions", "--format", "xml", FIXTURE]).is_err());
    assert!(run(&["exceptions", "--from", "scan.json", FIXTURE])
        .unwrap_err()
        .contains("not both"));
    assert!(run(&["exceptions", "--today", "June", FIXTURE]).is_err());
    assert_eq!(
        run(&["evidence", "verify", "/nonexistent-dir"]).unwrap(),
        ExitCode::from(1)
    );
}
