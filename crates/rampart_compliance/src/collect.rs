//! Getting a report to assess: run a scan, or read a saved one.

use std::path::{Path, PathBuf};

use rampart_engine::ScanOptions;
use rampart_model::report::Report;

use crate::evidence::InputDigest;
use crate::exceptions::{ExceptionPolicy, LineLookup};
use crate::mapping::Mapping;
use crate::meta::{git_info, ScanMeta};
use crate::ComplianceReport;

/// A finished scan and what is known about it.
#[derive(Debug, Clone)]
pub struct Collected {
    pub report: Report,
    /// The raw scan as JSON (with passes): rendered for a fresh scan, the file verbatim for a saved one.
    pub scan_json: String,
    /// Input files with digests (empty for a saved scan: the JSON does not list them).
    pub inputs: Vec<InputDigest>,
    pub meta: ScanMeta,
    /// Directories display paths are relative to (for reading suppression comments).
    pub roots: Vec<PathBuf>,
}

/// Scan now with `opts`; records scan time, git commit and input digests.
pub fn scan(opts: &ScanOptions) -> Collected {
    let scanned_at = crate::util::now_rfc3339();
    let scanned = rampart_engine::scan_detailed(opts);
    let report = scanned.report;
    let scan_json = rampart_report::json::render(
        &report,
        &rampart_report::JsonOptions {
            include_passed: true,
        },
    );
    let source = opts
        .paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(" ");
    let mut meta = ScanMeta::new(&report, source);
    meta.scanned_at = Some(scanned_at);
    meta.git = opts.paths.first().and_then(|p| git_info(p));
    if opts.paths.len() > 1 {
        meta.warnings
            .push("several paths were scanned; the git state is that of the first".to_string());
    }
    if report.summary.errors > 0 {
        meta.warnings.push(format!(
            "{} file(s) could not be read or parsed; resources in them are not evidenced",
            report.summary.errors
        ));
    }
    if !opts.inline_suppressions {
        meta.warnings.push(
            "inline suppressions were ignored for this scan (--no-inline-suppressions)".to_string(),
        );
    }
    let roots = opts
        .paths
        .iter()
        .map(|p| {
            if p.is_dir() {
                p.clone()
            } else {
                p.parent().map(Path::to_path_buf).unwrap_or_default()
            }
        })
        .collect();
    Collected {
        inputs: scanned.inputs.iter().map(InputDigest::from).collect(),
        report,
        scan_json,
        meta,
        roots,
    }
}

/// Read a saved `rampart scan --format json --include-passed` output.
pub fn from_json_file(path: &Path) -> Result<Collected, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let loaded =
        crate::input::parse_scan_json(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut meta = ScanMeta::new(&loaded.report, format!("saved scan {}", path.display()));
    meta.warnings = loaded.warnings;
    meta.warnings.push(
        "read from a saved scan: its time, git commit and input file digests are not recorded \
         in the scan JSON, and rule metadata is that of this rampart build"
            .to_string(),
    );
    Ok(Collected {
        report: loaded.report,
        scan_json: text,
        inputs: Vec::new(),
        meta,
        roots: vec![PathBuf::from(".")],
    })
}

impl Collected {
    /// The text of line `line` of a file the report names, when readable
    /// under one of the scan roots (files over 4 MiB are not read).
    pub fn line(&self, file: &str, line: usize) -> Option<String> {
        if line == 0 || file.is_empty() {
            return None;
        }
        let candidates = self
            .roots
            .iter()
            .map(|r| r.join(file))
            .chain(std::iter::once(PathBuf::from(file)));
        for p in candidates {
            let Ok(md) = std::fs::metadata(&p) else {
                continue;
            };
            if !md.is_file() || md.len() > 4 << 20 {
                continue;
            }
            if let Ok(text) = std::fs::read_to_string(&p) {
                return text.lines().nth(line - 1).map(str::to_string);
            }
        }
        None
    }

    /// The compliance reports for these catalogues and company policies.
    pub fn reports(
        &self,
        frameworks: &[String],
        mappings: &[Mapping],
        policy: &ExceptionPolicy,
    ) -> Result<Vec<ComplianceReport>, String> {
        let lookup = |f: &str, l: usize| self.line(f, l);
        let lookup: LineLookup<'_> = &lookup;
        let mut out = Vec::new();
        for id in frameworks {
            let fw = crate::resolve_framework(Some(id), None)?;
            out.push(ComplianceReport::build(
                &self.report,
                &fw,
                None,
                policy,
                Some(lookup),
                self.meta.clone(),
            ));
        }
        for m in mappings {
            let fw = m.to_framework();
            out.push(ComplianceReport::build(
                &self.report,
                &fw,
                Some(m),
                policy,
                Some(lookup),
                self.meta.clone(),
            ));
        }
        Ok(out)
    }

    pub fn register(&self, policy: &ExceptionPolicy) -> crate::ExceptionRegister {
        let lookup = |f: &str, l: usize| self.line(f, l);
        crate::exceptions::register(&self.report, policy, Some(&lookup))
    }
}
