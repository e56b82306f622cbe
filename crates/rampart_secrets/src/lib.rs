//! Hardcoded-secret detection for rampart.
//!
//! [`scan_text`] finds credentials in the text of one file: provider-specific
//! token formats (AWS, GCP, Azure, GitHub, GitLab, Slack, Stripe, …, with
//! checksums where the format has one), private keys, JWTs, passwords in
//! URLs, and IaC-aware generic detection of literal values given to
//! sensitive names (Terraform/HCL, YAML, JSON, Kubernetes `Secret`s,
//! CloudFormation `NoEcho` parameters, Dockerfile `ENV`/`ARG`, `.env`).
//!
//! A match never holds the secret in printable form: [`SecretMatch::secret`]
//! is a [`Redacted`] (masked in `Display`, `Debug` and serde), and
//! [`SecretMatch::fingerprint`] is a salted, iterated SHA-256 that is stable
//! across runs (for baselines) but does not give the value back.
//!
//! Speed: one Aho-Corasick pass over the text finds literal anchors (token
//! prefixes, `-----BEGIN`, `://`, `eyJ`, sensitive key words in their usual
//! casings); only lines with an anchor are examined further.
//!
//! Policy on documentation examples: values containing `EXAMPLE` (such as
//! AWS's `AKIAIOSFODNN7EXAMPLE`) and other obvious placeholders are *not*
//! reported.

mod checksum;
mod detectors;
mod filters;
mod generic;
mod scan;

use std::fmt;

pub use detectors::Detector;
use rampart_source::Redacted;

/// Every detector, in priority order (earlier wins when two overlap).
pub fn detectors() -> &'static [Detector] {
    detectors::DETECTORS
}

/// Looks a detector up by id.
pub fn detector(id: &str) -> Option<&'static Detector> {
    detectors::DETECTORS.iter().find(|d| d.id == id)
}

/// One secret found in a text.
#[derive(Clone, serde::Serialize)]
pub struct SecretMatch {
    /// What was found.
    #[serde(serialize_with = "ser_detector_id", rename = "detector_id")]
    pub detector: &'static Detector,
    /// Byte range of the secret value in the scanned text.
    pub start: usize,
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
    /// 1-based line of the last byte (multi-line private keys).
    pub end_line: usize,
    /// The value, masked whenever it is displayed or serialized.
    pub secret: Redacted,
    /// Salted, iterated SHA-256 of detector id and value (32 hex digits):
    /// equal for equal secrets across runs and files, not reversible.
    pub fingerprint: String,
}

fn ser_detector_id<S: serde::Serializer>(d: &&'static Detector, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(d.id)
}

impl fmt::Debug for SecretMatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SecretMatch")
            .field("detector", &self.detector.id)
            .field("start", &self.start)
            .field("end", &self.end)
            .field("line", &self.line)
            .field("column", &self.column)
            .field("end_line", &self.end_line)
            .field("secret", &self.secret)
            .field("fingerprint", &self.fingerprint)
            .finish()
    }
}

impl fmt::Display for SecretMatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at {}:{}: {} ({})",
            self.detector.title, self.line, self.column, self.secret, self.detector.id
        )
    }
}

/// Scans one file's text. `path_hint` (a path or file name) tunes the
/// generic detectors: lock files get no generic detection, and unquoted
/// literals count only in formats that have them (YAML, .env, Dockerfile,
/// properties, shell). Never panics; results are sorted by position.
pub fn scan_text(path_hint: &str, text: &str) -> Vec<SecretMatch> {
    let raw = scan::find(path_hint, text);
    assemble(text, raw)
}

/// `false` for content that looks binary (NUL bytes or many control bytes in
/// the first 8 KiB, or a known binary signature). Binary files are skipped.
pub fn is_probably_text(bytes: &[u8]) -> bool {
    let head = bytes.get(..8192).unwrap_or(bytes);
    const MAGIC: &[&[u8]] = &[
        b"\x89PNG",
        b"GIF8",
        b"\xFF\xD8\xFF",
        b"PK\x03\x04",
        b"\x1F\x8B",
        b"\x7FELF",
        b"%PDF",
        b"BZh",
        b"\xFD7zXZ",
        b"7z\xBC\xAF",
        b"MZ",
        b"\xCA\xFE\xBA\xBE",
        b"\xCF\xFA\xED\xFE",
        b"SQLite format 3",
    ];
    if MAGIC.iter().any(|m| head.starts_with(m)) {
        return false;
    }
    if memchr::memchr(0, head).is_some() {
        return false;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    control * 20 <= head.len()
}

/// A raw finding before positions and fingerprints are added.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Raw {
    pub det: usize,
    pub start: usize,
    pub end: usize,
}

fn assemble(text: &str, mut raw: Vec<Raw>) -> Vec<SecretMatch> {
    raw.retain(|r| {
        r.start < r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    });
    raw.sort_by_key(|r| (r.start, r.det, r.end));
    // Overlaps: the detector earlier in the table wins.
    let mut kept: Vec<Raw> = Vec::with_capacity(raw.len());
    for r in raw {
        match kept.last_mut() {
            Some(last) if r.start < last.end => {
                if r.det < last.det {
                    *last = r;
                }
            }
            _ => kept.push(r),
        }
    }
    let mut out = Vec::with_capacity(kept.len());
    let mut line = 1usize;
    let mut line_start = 0usize;
    let mut pos = 0usize;
    // Column bookkeeping is incremental so long lines stay linear.
    let mut col_pos = 0usize;
    let mut col = 1usize;
    let bytes = text.as_bytes();
    for r in kept {
        let Some(det) = detectors::DETECTORS.get(r.det) else {
            continue;
        };
        for nl in memchr::memchr_iter(b'\n', bytes.get(pos..r.start).unwrap_or_default()) {
            line += 1;
            line_start = pos + nl + 1;
        }
        pos = r.start;
        if col_pos < line_start {
            col_pos = line_start;
            col = 1;
        }
        col += text.get(col_pos..r.start).map_or(0, |s| s.chars().count());
        col_pos = r.start;
        let column = col;
        let end_line = line
            + memchr::memchr_iter(b'\n', bytes.get(r.start..r.end).unwrap_or_default()).count();
        let value = text.get(r.start..r.end).unwrap_or_default();
        out.push(SecretMatch {
            detector: det,
            start: r.start,
            end: r.end,
            line,
            column,
            end_line,
            fingerprint: fingerprint(det.id, value),
            secret: Redacted::new(value),
        });
    }
    out
}

const SALT: &[u8] = b"rampart-secrets/fingerprint/v1:7c1f0e5a9b3d";

/// Salted SHA-256, iterated so that guessing weak values from a leaked
/// report is slow; 32 hex digits.
pub fn fingerprint(detector_id: &str, value: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(SALT);
    h.update(detector_id.as_bytes());
    h.update([0u8]);
    h.update(value.as_bytes());
    let mut d = h.finalize();
    for _ in 0..128 {
        let mut h = Sha256::new();
        h.update(d);
        h.update(SALT);
        d = h.finalize();
    }
    d.iter().take(16).map(|b| format!("{b:02x}")).collect()
}
