//! Finding what to scan: Terraform root modules, plan and state JSON files.
//!
//! Walks the given paths (respecting `.gitignore`, skipping tool caches and
//! version-control directories such as `.terraform` and `.git`, never following symlinks so a
//! link loop cannot trap the walk). Every directory with `.tf` files is a
//! Terraform module; the ones no other scanned module calls through a local
//! `source = "./..."` are evaluated as root modules (the others are evaluated
//! through their callers, with the callers' inputs).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rampart_model::Diagnostic;
use regex::Regex;

use crate::{display_path, ScanOptions};

/// One thing to evaluate.
#[derive(Debug, Clone, PartialEq)]
pub enum Unit {
    TerraformRoot {
        dir: PathBuf,
        display_root: PathBuf,
    },
    TerraformPlan {
        file: PathBuf,
        display_root: PathBuf,
    },
    TerraformState {
        file: PathBuf,
        display_root: PathBuf,
    },
    CloudFormation {
        file: PathBuf,
        display_root: PathBuf,
    },
    Dockerfile {
        file: PathBuf,
        display_root: PathBuf,
    },
    Kubernetes {
        file: PathBuf,
        display_root: PathBuf,
    },
    Workflow {
        file: PathBuf,
        display_root: PathBuf,
    },
}

impl Unit {
    /// The file or directory the unit was read from, and the display root.
    pub fn location(&self) -> (&Path, &Path) {
        match self {
            Unit::TerraformRoot { dir, display_root } => (dir, display_root),
            Unit::TerraformPlan { file, display_root }
            | Unit::TerraformState { file, display_root }
            | Unit::CloudFormation { file, display_root }
            | Unit::Dockerfile { file, display_root }
            | Unit::Kubernetes { file, display_root }
            | Unit::Workflow { file, display_root } => (file, display_root),
        }
    }
}

#[derive(Debug, Default)]
pub struct Discovery {
    pub units: Vec<Unit>,
    pub diagnostics: Vec<Diagnostic>,
    pub files_scanned: usize,
    /// Every file under the size limit, for the secret detectors: (path, display path).
    pub text_files: Vec<(PathBuf, String)>,
}

/// Directories never scanned: tool caches and version-control metadata.
/// (Other hidden files such as `.env` are scanned, for secrets.)
const SKIPPED_DIRS: &[&str] = &[
    ".git",
    ".hg",
    ".svn",
    ".terraform",
    ".terragrunt-cache",
    ".venv",
    "node_modules",
    ".tox",
    ".mypy_cache",
    ".pytest_cache",
    ".idea",
];

fn module_source_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"(?s)\bmodule\s+"[^"]*"\s*\{.*?\bsource\s*=\s*"(\.{1,2}/[^"]*)""#)
            .expect("static regex")
    })
}

/// The directory paths are shown relative to: the working directory when the
/// scanned path is inside it, else the scanned path itself.
pub fn display_root_for(path: &Path) -> PathBuf {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let base = if abs.is_file() {
        abs.parent().map(Path::to_path_buf).unwrap_or_default()
    } else {
        abs.clone()
    };
    match std::env::current_dir().and_then(std::fs::canonicalize) {
        Ok(cwd) if base.starts_with(&cwd) => cwd,
        _ => base,
    }
}

pub fn discover(paths: &[PathBuf], opts: &ScanOptions) -> Discovery {
    let mut out = Discovery::default();
    for path in paths {
        discover_one(path, opts, &mut out);
    }
    out
}

fn excluded(set: &globset::GlobSet, rel: &str) -> bool {
    !set.is_empty() && (set.is_match(rel) || rel.split('/').any(|seg| set.is_match(seg)))
}

fn discover_one(path: &Path, opts: &ScanOptions, out: &mut Discovery) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            out.diagnostics.push(
                Diagnostic::error("unreadable", format!("cannot read {}: {e}", path.display()))
                    .with_path(path.display().to_string()),
            );
            return;
        }
    };
    let display_root = display_root_for(path);
    let mut globs = globset::GlobSetBuilder::new();
    for g in &opts.exclude {
        match globset::Glob::new(g) {
            Ok(g) => {
                globs.add(g);
            }
            Err(e) => out.diagnostics.push(Diagnostic::error(
                "config",
                format!("invalid exclude pattern {g:?}: {e}"),
            )),
        }
    }
    let globs = globs.build().unwrap_or_else(|_| globset::GlobSet::empty());

    // Directories with .tf files, and the local module directories they call.
    let mut tf_dirs: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    // Canonical caller directory -> canonical directories it calls.
    let mut calls: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    let mut json_files: Vec<PathBuf> = Vec::new();

    let files: Vec<PathBuf> = if meta.is_file() {
        vec![path.to_path_buf()]
    } else {
        let walker = ignore::WalkBuilder::new(path)
            .hidden(false)
            .filter_entry(|e| {
                !(e.file_type().is_some_and(|t| t.is_dir())
                    && e.depth() > 0
                    && e.file_name()
                        .to_str()
                        .is_some_and(|n| SKIPPED_DIRS.contains(&n)))
            })
            .follow_links(false)
            .git_ignore(true)
            .git_exclude(true)
            .parents(true)
            .require_git(false)
            .build();
        let mut v = Vec::new();
        for entry in walker {
            match entry {
                Ok(e) => {
                    if e.file_type().is_some_and(|t| t.is_file()) {
                        v.push(e.into_path());
                    }
                }
                Err(err) => out
                    .diagnostics
                    .push(Diagnostic::warning("walk-error", format!("{err}"))),
            }
        }
        v
    };

    for f in files {
        let rel = display_path(
            &std::fs::canonicalize(&f).unwrap_or(f.clone()),
            &display_root,
        );
        if excluded(&globs, &rel) {
            continue;
        }
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let is_tf = name.ends_with(".tf") || name.ends_with(".tf.json");
        let is_json = !is_tf && name.ends_with(".json");
        let is_yaml =
            name.ends_with(".yml") || name.ends_with(".yaml") || name.ends_with(".template");
        let is_docker = rampart_dockerfile::is_dockerfile_name(name);
        let size = std::fs::metadata(&f).map(|m| m.len()).unwrap_or(0);
        if size <= opts.max_file_size {
            out.text_files.push((f.clone(), rel.clone()));
        }
        if !is_tf && !is_json && !is_yaml && !is_docker {
            continue;
        }
        if size > opts.max_file_size {
            out.diagnostics.push(
                Diagnostic::note(
                    "file-too-large",
                    format!(
                        "skipped: {size} bytes is over the {} byte limit",
                        opts.max_file_size
                    ),
                )
                .with_path(rel),
            );
            continue;
        }
        if is_docker {
            out.files_scanned += 1;
            out.units.push(Unit::Dockerfile {
                file: f,
                display_root: display_root.clone(),
            });
            continue;
        }
        if is_yaml {
            if rampart_actions::is_workflow_path(&rel) {
                out.files_scanned += 1;
                out.units.push(Unit::Workflow {
                    file: f,
                    display_root: display_root.clone(),
                });
            } else if let Ok(text) = std::fs::read(&f) {
                let text = String::from_utf8_lossy(&text);
                if rampart_cloudformation::detect(&text) {
                    out.files_scanned += 1;
                    out.units.push(Unit::CloudFormation {
                        file: f,
                        display_root: display_root.clone(),
                    });
                } else if rampart_kubernetes::detect(&text) {
                    out.files_scanned += 1;
                    out.units.push(Unit::Kubernetes {
                        file: f,
                        display_root: display_root.clone(),
                    });
                }
            }
            continue;
        }
        if is_tf {
            out.files_scanned += 1;
            let dir = f.parent().map(Path::to_path_buf).unwrap_or_default();
            if let Ok(text) = std::fs::read(&f) {
                let text = String::from_utf8_lossy(&text);
                let caller = std::fs::canonicalize(&dir).unwrap_or_else(|_| dir.clone());
                for cap in module_source_re().captures_iter(&text) {
                    if let Some(src) = cap.get(1) {
                        let target = dir.join(src.as_str());
                        if let Ok(c) = std::fs::canonicalize(&target) {
                            if c != caller {
                                calls.entry(caller.clone()).or_default().insert(c);
                            }
                        }
                    }
                }
            }
            tf_dirs.entry(dir).or_default().push(f);
        } else {
            json_files.push(f);
        }
    }

    // Roots: directories no other scanned directory calls. A directory that
    // calls only itself is a root too, and directories reachable only through
    // a cycle (a calls b, b calls a) get the first of them as a root, so their
    // resources are not silently skipped (the evaluator reports the cycle).
    let dirs: Vec<(PathBuf, PathBuf)> = tf_dirs
        .keys()
        .map(|d| {
            (
                d.clone(),
                std::fs::canonicalize(d).unwrap_or_else(|_| d.clone()),
            )
        })
        .collect();
    let called: BTreeSet<&PathBuf> = calls.values().flatten().collect();
    let mut reached: BTreeSet<PathBuf> = BTreeSet::new();
    let mark = |start: &Path, reached: &mut BTreeSet<PathBuf>| {
        let mut stack = vec![start.to_path_buf()];
        while let Some(d) = stack.pop() {
            if let Some(next) = calls.get(&d) {
                if reached.insert(d) {
                    stack.extend(next.iter().cloned());
                }
            } else {
                reached.insert(d);
            }
        }
    };
    let mut roots: Vec<PathBuf> = Vec::new();
    for (dir, canon) in &dirs {
        if !called.contains(canon) {
            roots.push(dir.clone());
            mark(canon, &mut reached);
        }
    }
    for (dir, canon) in &dirs {
        if !reached.contains(canon) {
            roots.push(dir.clone());
            mark(canon, &mut reached);
        }
    }
    roots.sort();
    for dir in roots {
        out.units.push(Unit::TerraformRoot {
            dir,
            display_root: display_root.clone(),
        });
    }
    for f in json_files {
        match classify_json(&f) {
            Some(JsonKind::Plan) => {
                out.files_scanned += 1;
                out.units.push(Unit::TerraformPlan {
                    file: f,
                    display_root: display_root.clone(),
                })
            }
            Some(JsonKind::State) => {
                out.files_scanned += 1;
                out.units.push(Unit::TerraformState {
                    file: f,
                    display_root: display_root.clone(),
                })
            }
            Some(JsonKind::CloudFormation) => {
                out.files_scanned += 1;
                out.units.push(Unit::CloudFormation {
                    file: f,
                    display_root: display_root.clone(),
                })
            }
            None => {}
        }
    }
}

enum JsonKind {
    Plan,
    State,
    CloudFormation,
}

/// Decide by content (a prefix is enough) whether a JSON file is a Terraform
/// plan or state.
fn classify_json(path: &Path) -> Option<JsonKind> {
    use std::io::Read;
    let mut buf = vec![0u8; 64 * 1024];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut buf))
        .ok()?;
    let head = String::from_utf8_lossy(buf.get(..n)?);
    if head.contains("\"format_version\"")
        && (head.contains("\"planned_values\"") || head.contains("\"resource_changes\""))
    {
        Some(JsonKind::Plan)
    } else if head.contains("\"terraform_version\"") && head.contains("\"lineage\"") {
        Some(JsonKind::State)
    } else if head.contains("AWSTemplateFormatVersion") || head.contains("\"Resources\"") {
        let text = std::fs::read(path).ok()?;
        rampart_cloudformation::detect(&String::from_utf8_lossy(&text))
            .then_some(JsonKind::CloudFormation)
    } else {
        None
    }
}
