//! Hardcoded secrets: every text file of the scanned tree goes through the
//! detectors of `rampart_secrets`, and each match becomes a finding like any
//! rule's, with the secret masked everywhere (message, snippet, fingerprint).
//!
//! Each detector is presented as a rule `RMP-SECRET-<DETECTOR-ID>` (name
//! `secret-<detector-id>`) with the detector's peer aliases, so selection,
//! suppressions and baselines treat it like any other rule. A file is added to
//! the scan's `SourceMap` only when it holds a secret, so large trees cost no
//! memory beyond the files that matter.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rampart_model::report::RuleInfo;
use rampart_model::{Resource, Severity};
use rampart_secrets::{Detector, SecretMatch};
use rampart_source::{FileId, SourceFile, SourceMap, Span};
use rayon::prelude::*;

use crate::suppress::Names;

/// Controls every secret rule evidences.
pub const FRAMEWORKS: &[&str] = &[
    "nis2:21.2.i",
    "soc2:CC6.1",
    "hipaa:164.308(a)(5)(ii)(D)",
    "hipaa:164.312(d)",
    "iso27001:A.5.17",
    "nist-csf:PR.AA-01",
    "pci-dss:8.6.2",
];

/// Written-policy sections every secret rule evidences.
pub const POLICIES: &[&str] = &["SIAC:8.1", "SIAC:8.2", "ENG-POL-003-HIPAA:3.5.1", "CSF:2"];

/// One detector, seen as a rule.
#[derive(Debug)]
pub struct SecretRule {
    pub id: String,
    pub name: String,
    pub detector: &'static Detector,
}

impl SecretRule {
    pub fn names(&self) -> Names<'_> {
        Names {
            id: &self.id,
            name: &self.name,
            aliases: self.detector.aliases,
        }
    }

    pub fn info(&self, severity: Severity) -> RuleInfo {
        RuleInfo {
            id: self.id.clone().into(),
            name: self.name.clone().into(),
            title: self.detector.title.to_string().into(),
            severity,
            description: self.detector.description.to_string(),
            rationale: "A credential written into a repository is readable by everyone who can \
                read the repository, its forks, clones, CI logs and history, long after the line \
                is deleted; it is also rarely rotated."
                .to_string(),
            remediation: self.detector.remediation.to_string().into(),
            frameworks: FRAMEWORKS.iter().map(|s| s.to_string()).collect(),
            policies: POLICIES.iter().map(|s| s.to_string()).collect(),
            aliases: self
                .detector
                .aliases
                .iter()
                .map(|s| s.to_string())
                .collect(),
        }
    }
}

/// All secret rules, in detector order.
pub fn rules() -> &'static [SecretRule] {
    static CELL: OnceLock<Vec<SecretRule>> = OnceLock::new();
    CELL.get_or_init(|| {
        rampart_secrets::detectors()
            .iter()
            .map(|d| SecretRule {
                id: format!("RMP-SECRET-{}", d.id.to_ascii_uppercase()),
                name: format!("secret-{}", d.id),
                detector: d,
            })
            .collect()
    })
}

/// One secret found.
pub struct Found {
    pub rule: &'static SecretRule,
    pub file: FileId,
    pub m: SecretMatch,
}

/// Scan `files` for secrets with the `selected` rules. Files holding a match
/// are added to `sources` (or reuse the id a front end gave them).
pub fn scan_files(
    files: &[(PathBuf, String)],
    sources: &SourceMap,
    selected: &[&'static SecretRule],
) -> Vec<Found> {
    if selected.is_empty() {
        return Vec::new();
    }
    let by_id: HashMap<&str, &'static SecretRule> =
        selected.iter().map(|r| (r.detector.id, *r)).collect();
    files
        .par_iter()
        .flat_map_iter(|(path, display)| {
            let found = scan_one(path, display, sources, &by_id);
            found.into_iter()
        })
        .collect()
}

fn scan_one(
    path: &Path,
    display: &str,
    sources: &SourceMap,
    by_id: &HashMap<&str, &'static SecretRule>,
) -> Vec<Found> {
    let Ok(bytes) = std::fs::read(path) else {
        return Vec::new();
    };
    if !rampart_secrets::is_probably_text(&bytes) {
        return Vec::new();
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let matches: Vec<SecretMatch> = rampart_secrets::scan_text(display, &text)
        .into_iter()
        .filter(|m| by_id.contains_key(m.detector.id))
        .collect();
    if matches.is_empty() {
        return Vec::new();
    }
    let file = sources
        .find(path)
        .or_else(|| {
            std::fs::canonicalize(path)
                .ok()
                .and_then(|c| sources.find(&c))
        })
        .filter(|id| sources.get(*id).is_some_and(|f| f.text == text))
        .unwrap_or_else(|| sources.add(SourceFile::new(display, path, text)));
    matches
        .into_iter()
        .filter_map(|m| {
            let rule = by_id.get(m.detector.id).copied()?;
            Some(Found { rule, file, m })
        })
        .collect()
}

/// The smallest resource block containing `span`, if any (a secret inside
/// `resource "aws_db_instance" "main"` is reported on that resource).
pub fn enclosing<'a>(span: Span, resources: &[&'a Resource]) -> Option<&'a Resource> {
    resources
        .iter()
        .filter(|r| {
            r.span.file == span.file && r.span.start <= span.start && span.end <= r.span.end
        })
        .min_by_key(|r| r.span.end - r.span.start)
        .copied()
}
