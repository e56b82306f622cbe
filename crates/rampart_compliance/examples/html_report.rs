//! Write a compliance report for a scanned directory, without the CLI:
//!
//! ```text
//! cargo run -p rampart_compliance --example html_report -- OUT.html (FRAMEWORK | MAPPING.toml) [PATH]
//! ```
//!
//! The format follows OUT's extension (html, md, json, csv). Used by
//! `tests/browser.sh` to render a real report in headless Chromium.

use std::path::PathBuf;
use std::process::ExitCode;

use rampart_compliance::render::{self, Format};
use rampart_compliance::{ExceptionPolicy, Mapping};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [out, which, rest @ ..] = args.as_slice() else {
        return Err("usage: html_report OUT.html (FRAMEWORK | MAPPING.toml) [PATH]".into());
    };
    let path = PathBuf::from(rest.first().map(String::as_str).unwrap_or("."));
    let opts = rampart_engine::ScanOptions {
        paths: vec![path],
        ..rampart_engine::ScanOptions::default()
    };
    let today = opts.today.clone();
    let collected = rampart_compliance::collect::scan(&opts);
    let policy = ExceptionPolicy {
        today,
        max_age_days: Some(365),
        require_owner: true,
    };
    let reports = if which.ends_with(".toml") {
        let text = std::fs::read_to_string(which).map_err(|e| format!("{which}: {e}"))?;
        collected.reports(&[], &[Mapping::parse(&text)?], &policy)?
    } else {
        collected.reports(std::slice::from_ref(which), &[], &policy)?
    };
    let format = PathBuf::from(out)
        .extension()
        .and_then(|e| e.to_str())
        .and_then(Format::parse)
        .unwrap_or(Format::Html);
    let report = reports.first().ok_or("no report")?;
    std::fs::write(out, render::render(report, format)).map_err(|e| format!("{out}: {e}"))
}
