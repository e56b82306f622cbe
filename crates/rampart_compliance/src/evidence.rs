//! Evidence bundles: a directory an auditor can keep, and check later.
//!
//! # Layout
//! ```text
//! DIR/
//!   manifest.json        every other file with its SHA-256 and size, plus the
//!                        scan's metadata (tool, time, git commit, rule-set digest)
//!   manifest.sig         optional: ed25519 signature of manifest.json's exact bytes
//!   metadata.json        tool, times, source, git commit and dirty state, rule-set digest
//!   scan.json            the raw scan (`rampart scan --format json --include-passed`)
//!   inputs.json          every input file the scan read: path, SHA-256, size
//!   rules.json           every rule's id and metadata; its SHA-256 is the rule-set digest
//!   exceptions.json      the exception register (also exceptions.csv)
//!   reports/<FRAMEWORK>.{html,md,json,csv}
//!   mappings/<POLICY>.toml   the company policy mapping files used, verbatim
//! ```
//!
//! # Keys
//! A secret key file is text: optional `#` comment lines, then one line
//! `ed25519-secret:` followed by the 32-byte seed in 64 hex digits. The
//! public key file is the same with `ed25519-public:` and the 32-byte public
//! key. `rampart evidence keygen FILE` writes `FILE` and `FILE.pub`.
//!
//! `manifest.sig` is JSON: `{"algorithm": "ed25519", "public_key": hex,
//! "signature": hex}`. The embedded public key only says who claims to have
//! signed; pin the key you trust with `verify --public-key`.
//!
//! # Verification
//! [`verify`] recomputes every digest, reports files edited, removed or
//! added (anything not listed, symbolic links included), checks that
//! `rules.json` still hashes to the recorded rule-set digest, and checks the
//! signature. Without a signature, the manifest itself can be rewritten by
//! whoever can write the directory: record its SHA-256 (printed on creation)
//! somewhere else and check it with [`verify_pinned`], or sign.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use crate::meta::{GitInfo, ScanMeta};
use crate::render::{self, Format};
use crate::util::{hex, sha256_hex, unhex};
use crate::{ComplianceReport, ExceptionRegister};

pub const MANIFEST: &str = "manifest.json";
pub const SIGNATURE: &str = "manifest.sig";
/// `format` of a manifest.
pub const MANIFEST_FORMAT: &str = "rampart-evidence/1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestFile {
    /// Relative, `/`-separated.
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub created: String,
    pub tool: String,
    pub tool_version: String,
    pub source: String,
    pub scanned_at: Option<String>,
    pub git: Option<GitInfo>,
    pub rule_set_digest: String,
    pub frameworks: Vec<String>,
    pub files: Vec<ManifestFile>,
}

/// One file the scan read (from `rampart_engine::scan_detailed`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputDigest {
    pub path: String,
    pub sha256: String,
    pub bytes: usize,
}

impl From<&rampart_engine::InputFile> for InputDigest {
    fn from(f: &rampart_engine::InputFile) -> Self {
        InputDigest {
            path: f.path.clone(),
            sha256: f.sha256.clone(),
            bytes: f.bytes,
        }
    }
}

/// What goes into a bundle.
pub struct Bundle<'a> {
    /// The raw scan JSON, verbatim.
    pub scan_json: &'a str,
    pub inputs: &'a [InputDigest],
    pub rules: &'a [rampart_model::report::RuleInfo],
    pub meta: &'a ScanMeta,
    pub reports: &'a [ComplianceReport],
    pub formats: &'a [Format],
    pub exceptions: &'a ExceptionRegister,
    /// Company policy mapping files used, as (policy id, file text): kept
    /// verbatim under `mappings/` since they say how controls were judged.
    pub mappings: &'a [(String, String)],
}

/// What [`write`] made.
#[derive(Debug, Clone)]
pub struct Written {
    pub manifest: Manifest,
    /// SHA-256 of `manifest.json`'s bytes: record it elsewhere when unsigned.
    pub manifest_sha256: String,
    pub signed_by: Option<String>,
}

fn file_stem(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let s = s.trim_matches('.').to_string();
    if s.is_empty() {
        "framework".into()
    } else {
        s
    }
}

/// Write a bundle into `dir`, which must not exist or be empty.
pub fn write(dir: &Path, b: &Bundle<'_>, key: Option<&SigningKey>) -> Result<Written, String> {
    if dir.exists() {
        let mut it = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: cannot read directory: {e}", dir.display()))?;
        if it.next().is_some() {
            return Err(format!(
                "{}: evidence directory is not empty; give a new or empty directory",
                dir.display()
            ));
        }
    }
    std::fs::create_dir_all(dir.join("reports"))
        .map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;

    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let frameworks: Vec<String> = b
        .reports
        .iter()
        .map(|r| r.assessment.framework.id.clone())
        .collect();
    let metadata = serde_json::json!({
        "format": MANIFEST_FORMAT,
        "meta": b.meta,
        "frameworks": frameworks,
        "inputs": b.inputs.len(),
    });
    files.push(("metadata.json".into(), pretty(&metadata)));
    files.push(("scan.json".into(), b.scan_json.as_bytes().to_vec()));
    files.push((
        "inputs.json".into(),
        pretty(&serde_json::json!({ "files": b.inputs })),
    ));
    files.push((
        "rules.json".into(),
        crate::input::rule_set_json(b.rules).into_bytes(),
    ));
    files.push(("exceptions.json".into(), pretty(b.exceptions)));
    files.push((
        "exceptions.csv".into(),
        render::exceptions_csv(b.exceptions).into_bytes(),
    ));
    let mut used = BTreeSet::new();
    for r in b.reports {
        let mut stem = file_stem(&r.assessment.framework.id);
        while !used.insert(stem.clone()) {
            stem.push('_');
        }
        for f in b.formats {
            files.push((
                format!("reports/{stem}.{}", f.ext()),
                render::render(r, *f).into_bytes(),
            ));
        }
    }
    let mut used_maps = BTreeSet::new();
    for (id, text) in b.mappings {
        let mut stem = file_stem(id);
        while !used_maps.insert(stem.clone()) {
            stem.push('_');
        }
        files.push((format!("mappings/{stem}.toml"), text.as_bytes().to_vec()));
    }
    if !b.mappings.is_empty() {
        std::fs::create_dir_all(dir.join("mappings"))
            .map_err(|e| format!("{}: cannot create mappings/: {e}", dir.display()))?;
    }
    let mut entries = Vec::new();
    for (path, data) in &files {
        std::fs::write(dir.join(path), data)
            .map_err(|e| format!("{}: cannot write {path}: {e}", dir.display()))?;
        entries.push(ManifestFile {
            path: path.clone(),
            sha256: sha256_hex(data),
            bytes: data.len() as u64,
        });
    }
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    let manifest = Manifest {
        format: MANIFEST_FORMAT.into(),
        created: b.meta.generated_at.clone(),
        tool: b.meta.tool.name.clone(),
        tool_version: b.meta.tool.version.clone(),
        source: b.meta.source.clone(),
        scanned_at: b.meta.scanned_at.clone(),
        git: b.meta.git.clone(),
        rule_set_digest: b.meta.rule_set_digest.clone(),
        frameworks,
        files: entries,
    };
    let bytes = pretty(&manifest);
    std::fs::write(dir.join(MANIFEST), &bytes)
        .map_err(|e| format!("{}: cannot write {MANIFEST}: {e}", dir.display()))?;
    let mut signed_by = None;
    if let Some(k) = key {
        let sig = k.sign(&bytes);
        let pk = hex(k.verifying_key().as_bytes());
        let doc = SignatureFile {
            algorithm: "ed25519".into(),
            public_key: pk.clone(),
            signature: hex(&sig.to_bytes()),
        };
        std::fs::write(dir.join(SIGNATURE), pretty(&doc))
            .map_err(|e| format!("{}: cannot write {SIGNATURE}: {e}", dir.display()))?;
        signed_by = Some(pk);
    }
    Ok(Written {
        manifest,
        manifest_sha256: sha256_hex(&bytes),
        signed_by,
    })
}

fn pretty<T: Serialize + ?Sized>(v: &T) -> Vec<u8> {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s.into_bytes()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureFile {
    pub algorithm: String,
    pub public_key: String,
    pub signature: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// manifest.json missing or unreadable.
    BadManifest,
    /// manifest.json does not hash to the digest recorded elsewhere.
    ManifestMismatch,
    /// A listed file's content changed.
    Modified,
    /// A listed file is gone.
    Missing,
    /// A file that the manifest does not list.
    Unexpected,
    /// A manifest path that points outside the bundle.
    UnsafePath,
    /// rules.json does not hash to the recorded rule-set digest.
    RuleSetMismatch,
    /// manifest.sig does not verify, or is malformed.
    BadSignature,
    /// A public key was required but the bundle is not signed.
    Unsigned,
    /// Signed, but by another key than the one given.
    WrongKey,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub kind: ProblemKind,
    pub path: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verification {
    pub ok: bool,
    pub files_checked: usize,
    /// Hex public key that produced a valid signature.
    pub signed_by: Option<String>,
    pub manifest_sha256: Option<String>,
    pub problems: Vec<Problem>,
}

/// Check a bundle. `public_key`: the key the signature must come from.
pub fn verify(dir: &Path, public_key: Option<&VerifyingKey>) -> Verification {
    verify_pinned(dir, public_key, None)
}

/// [`verify`], also requiring `manifest.json` to hash to `manifest_sha256`
/// (the digest printed when the bundle was made): protects an unsigned
/// bundle against a rewritten manifest.
pub fn verify_pinned(
    dir: &Path,
    public_key: Option<&VerifyingKey>,
    manifest_sha256: Option<&str>,
) -> Verification {
    let mut problems = Vec::new();
    let mut out = Verification {
        ok: false,
        files_checked: 0,
        signed_by: None,
        manifest_sha256: None,
        problems: Vec::new(),
    };
    let bytes = match std::fs::read(dir.join(MANIFEST)) {
        Ok(b) => b,
        Err(e) => {
            out.problems.push(Problem {
                kind: ProblemKind::BadManifest,
                path: MANIFEST.into(),
                detail: format!("cannot read: {e}"),
            });
            return out;
        }
    };
    let digest = sha256_hex(&bytes);
    if let Some(want) = manifest_sha256 {
        let want = want
            .trim()
            .trim_start_matches("sha256:")
            .to_ascii_lowercase();
        if want != digest {
            problems.push(Problem {
                kind: ProblemKind::ManifestMismatch,
                path: MANIFEST.into(),
                detail: format!("SHA-256 {digest}, expected {want}"),
            });
        }
    }
    out.manifest_sha256 = Some(digest);
    let manifest: Manifest = match serde_json::from_slice(&bytes) {
        Ok(m) => m,
        Err(e) => {
            problems.push(Problem {
                kind: ProblemKind::BadManifest,
                path: MANIFEST.into(),
                detail: format!("not a rampart evidence manifest: {e}"),
            });
            out.problems = problems;
            return out;
        }
    };
    if manifest.format != MANIFEST_FORMAT {
        problems.push(Problem {
            kind: ProblemKind::BadManifest,
            path: MANIFEST.into(),
            detail: format!("unsupported format {:?}", manifest.format),
        });
    }

    // Signature first: it says whether the manifest can be trusted at all.
    match std::fs::read(dir.join(SIGNATURE)) {
        Ok(sig) => match check_signature(&sig, &bytes, public_key) {
            Ok(pk) => out.signed_by = Some(pk),
            Err(p) => problems.push(p),
        },
        Err(_) => {
            if public_key.is_some() {
                problems.push(Problem {
                    kind: ProblemKind::Unsigned,
                    path: SIGNATURE.into(),
                    detail: "a public key was given but the bundle has no signature".into(),
                });
            }
        }
    }

    let mut listed = BTreeSet::new();
    for f in &manifest.files {
        if !safe_path(&f.path) || f.path == MANIFEST || f.path == SIGNATURE {
            problems.push(Problem {
                kind: ProblemKind::UnsafePath,
                path: f.path.clone(),
                detail: "manifest path is absolute, leaves the bundle or names the manifest".into(),
            });
            continue;
        }
        if !listed.insert(f.path.clone()) {
            problems.push(Problem {
                kind: ProblemKind::BadManifest,
                path: f.path.clone(),
                detail: "listed twice".into(),
            });
            continue;
        }
        let p = dir.join(&f.path);
        match std::fs::symlink_metadata(&p) {
            Ok(md) if md.file_type().is_file() => {}
            Ok(_) => {
                problems.push(Problem {
                    kind: ProblemKind::Modified,
                    path: f.path.clone(),
                    detail: "no longer a regular file".into(),
                });
                continue;
            }
            Err(_) => {
                problems.push(Problem {
                    kind: ProblemKind::Missing,
                    path: f.path.clone(),
                    detail: "listed in the manifest but not present".into(),
                });
                continue;
            }
        }
        match std::fs::read(&p) {
            Ok(data) => {
                out.files_checked += 1;
                let got = sha256_hex(&data);
                if got != f.sha256.to_ascii_lowercase() || data.len() as u64 != f.bytes {
                    problems.push(Problem {
                        kind: ProblemKind::Modified,
                        path: f.path.clone(),
                        detail: format!(
                            "SHA-256 {got} ({} bytes), manifest says {} ({} bytes)",
                            data.len(),
                            f.sha256,
                            f.bytes
                        ),
                    });
                } else if f.path == "rules.json" {
                    let digest = format!("sha256:{got}");
                    if digest != manifest.rule_set_digest {
                        problems.push(Problem {
                            kind: ProblemKind::RuleSetMismatch,
                            path: f.path.clone(),
                            detail: format!(
                                "hashes to {digest}, manifest records {}",
                                manifest.rule_set_digest
                            ),
                        });
                    }
                }
            }
            Err(e) => problems.push(Problem {
                kind: ProblemKind::Missing,
                path: f.path.clone(),
                detail: format!("cannot read: {e}"),
            }),
        }
    }

    let mut present = Vec::new();
    walk(dir, dir, &mut present, 0);
    for (rel, is_file) in present {
        if rel == MANIFEST || rel == SIGNATURE {
            if !is_file {
                problems.push(Problem {
                    kind: ProblemKind::Unexpected,
                    path: rel,
                    detail: "not a regular file".into(),
                });
            }
            continue;
        }
        if !listed.contains(&rel) {
            problems.push(Problem {
                kind: ProblemKind::Unexpected,
                path: rel,
                detail: if is_file {
                    "not listed in the manifest".into()
                } else {
                    "not listed in the manifest (not a regular file)".into()
                },
            });
        }
    }
    problems.sort_by(|a, b| a.path.cmp(&b.path));
    out.ok = problems.is_empty();
    out.problems = problems;
    out
}

fn check_signature(
    sig: &[u8],
    manifest: &[u8],
    pinned: Option<&VerifyingKey>,
) -> Result<String, Problem> {
    let bad = |detail: String| Problem {
        kind: ProblemKind::BadSignature,
        path: SIGNATURE.into(),
        detail,
    };
    let doc: SignatureFile =
        serde_json::from_slice(sig).map_err(|e| bad(format!("malformed: {e}")))?;
    if doc.algorithm != "ed25519" {
        return Err(bad(format!("unsupported algorithm {:?}", doc.algorithm)));
    }
    let pk: [u8; 32] = unhex(&doc.public_key)
        .and_then(|v| v.try_into().ok())
        .ok_or_else(|| bad("public key is not 32 bytes of hex".into()))?;
    let key = VerifyingKey::from_bytes(&pk).map_err(|e| bad(format!("bad public key: {e}")))?;
    let s: [u8; 64] = unhex(&doc.signature)
        .and_then(|v| v.try_into().ok())
        .ok_or_else(|| bad("signature is not 64 bytes of hex".into()))?;
    key.verify_strict(manifest, &Signature::from_bytes(&s))
        .map_err(|_| bad("signature does not match manifest.json".into()))?;
    if let Some(p) = pinned {
        if p.as_bytes() != key.as_bytes() {
            return Err(Problem {
                kind: ProblemKind::WrongKey,
                path: SIGNATURE.into(),
                detail: format!(
                    "signed by {}, expected {}",
                    doc.public_key,
                    hex(p.as_bytes())
                ),
            });
        }
    }
    Ok(hex(key.as_bytes()))
}

/// Relative, `/`-separated, no `.`/`..`/empty components, no backslash or colon.
fn safe_path(p: &str) -> bool {
    !p.is_empty()
        && !p.contains(['\\', ':', '\0'])
        && !p.starts_with('/')
        && p.split('/').all(|c| !c.is_empty() && c != "." && c != "..")
        && Path::new(p)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// Every entry under `dir` as (relative path, is a regular file). Directories
/// are entered (not through symbolic links); empty directories are ignored.
fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, bool)>, depth: usize) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p: PathBuf = e.path();
        let rel = p
            .strip_prefix(root)
            .map(|r| {
                r.components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .unwrap_or_else(|_| p.display().to_string());
        match e.file_type() {
            Ok(t) if t.is_dir() && depth < 32 => walk(root, &p, out, depth + 1),
            Ok(t) => out.push((rel, t.is_file())),
            Err(_) => out.push((rel, false)),
        }
    }
}

// ---- keys ----

const SECRET_PREFIX: &str = "ed25519-secret:";
const PUBLIC_PREFIX: &str = "ed25519-public:";

/// A new random signing key.
pub fn generate_key() -> Result<SigningKey, String> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| format!("no randomness available: {e}"))?;
    Ok(SigningKey::from_bytes(&seed))
}

pub fn secret_key_text(k: &SigningKey) -> String {
    format!(
        "# rampart evidence signing key (ed25519 seed). Keep it secret.\n{SECRET_PREFIX}{}\n",
        hex(k.as_bytes())
    )
}

pub fn public_key_text(k: &VerifyingKey) -> String {
    format!(
        "# rampart evidence verification key (ed25519).\n{PUBLIC_PREFIX}{}\n",
        hex(k.as_bytes())
    )
}

fn key_line(text: &str, prefix: &str) -> Result<[u8; 32], String> {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .ok_or("key file is empty")?;
    let hexpart = line
        .strip_prefix(prefix)
        .ok_or_else(|| format!("key file: expected a line starting with {prefix:?}"))?;
    unhex(hexpart)
        .and_then(|v| v.try_into().ok())
        .ok_or_else(|| "key file: key is not 32 bytes of hex".to_string())
}

pub fn parse_secret_key(text: &str) -> Result<SigningKey, String> {
    Ok(SigningKey::from_bytes(&key_line(text, SECRET_PREFIX)?))
}

/// A public key file; a secret key file is accepted too (its public half).
pub fn parse_public_key(text: &str) -> Result<VerifyingKey, String> {
    match key_line(text, PUBLIC_PREFIX) {
        Ok(b) => VerifyingKey::from_bytes(&b).map_err(|e| format!("key file: bad public key: {e}")),
        Err(e) => parse_secret_key(text)
            .map(|k| k.verifying_key())
            .map_err(|_| e),
    }
}
