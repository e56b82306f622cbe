//! The scan pipeline: discover files, run the front ends, run the rules over
//! the canonical model, apply suppressions, and assemble the [`Report`].
//!
//! ```text
//! paths ─▶ discover ─▶ units (Terraform root modules, plan/state files)
//!        ─▶ evaluate (parallel) ─▶ rules ─▶ suppressions ─▶ Report
//! ```

pub mod baseline;
pub mod config;
pub mod discover;
pub mod redact;
pub mod secrets;
pub mod suppress;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rampart_model::report::{
    Finding, Report, RuleInfo, ScanError, Snippet, Summary, Tool, REPORT_VERSION,
};
use rampart_model::{Diagnostic, Level, Resource, ResourceMode, Severity, Status};
use rampart_rules::{Ctx, Rule};
use rampart_source::SourceMap;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

pub use config::Config;
pub use discover::Unit;

/// Everything that shapes one scan.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    pub paths: Vec<PathBuf>,
    /// Terraform `-var-file` (relative paths resolve against the working directory).
    pub var_files: Vec<PathBuf>,
    /// Terraform `-var name=value`.
    pub vars: Vec<(String, String)>,
    /// Rule ids, names or id prefixes to run (empty: all).
    pub select: Vec<String>,
    /// Rule ids, names or id prefixes to skip.
    pub ignore: Vec<String>,
    /// Per-rule severity overrides (id or name → severity).
    pub severity_overrides: HashMap<String, Severity>,
    /// Honour inline suppression comments.
    pub inline_suppressions: bool,
    /// Glob patterns (relative to the scan root) of paths to skip.
    pub exclude: Vec<String>,
    /// Files larger than this are skipped with a note.
    pub max_file_size: u64,
    /// Today's date `YYYY-MM-DD` (suppression expiry); injectable for tests.
    pub today: String,
    /// Called after each unit is evaluated with (done, total), from any thread.
    pub progress: Option<Progress>,
    /// CloudFormation parameter values `Name=Value`.
    pub cfn_parameters: Vec<(String, String)>,
    /// A CloudFormation parameters file (JSON).
    pub cfn_parameters_file: Option<PathBuf>,
}

/// A progress callback: `(units done, units total)`.
#[derive(Clone)]
pub struct Progress(pub std::sync::Arc<dyn Fn(usize, usize) + Send + Sync>);

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress(..)")
    }
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions {
            paths: vec![PathBuf::from(".")],
            var_files: Vec::new(),
            vars: Vec::new(),
            select: Vec::new(),
            ignore: Vec::new(),
            severity_overrides: HashMap::new(),
            inline_suppressions: true,
            exclude: Vec::new(),
            max_file_size: 8 * 1024 * 1024,
            today: today_utc(),
            progress: None,
            cfn_parameters: Vec::new(),
            cfn_parameters_file: None,
        }
    }
}

/// The UTC date today as `YYYY-MM-DD` (civil-from-days, no time crate needed).
pub fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = (secs / 86_400) as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

/// A rule id/name/prefix pattern matches a rule.
pub fn rule_matches(pattern: &str, rule: &Rule) -> bool {
    names_match(pattern, &suppress::Names::of(rule))
}

/// A pattern matches a rule's id, name, id prefix or one of its peer aliases.
pub fn names_match(pattern: &str, n: &suppress::Names<'_>) -> bool {
    let p = pattern.trim();
    if p.is_empty() {
        return false;
    }
    n.id.eq_ignore_ascii_case(p)
        || n.name.eq_ignore_ascii_case(p)
        || n.id
            .to_ascii_uppercase()
            .starts_with(&p.to_ascii_uppercase())
        || n.aliases.iter().any(|a| a.eq_ignore_ascii_case(p))
}

/// True when the pattern names at least one built-in rule or secret detector.
pub fn pattern_matches_any(pattern: &str) -> bool {
    rampart_rules::all()
        .iter()
        .any(|r| rule_matches(pattern, r))
        || secrets::rules()
            .iter()
            .any(|r| names_match(pattern, &r.names()))
}

/// The secret rules a scan runs, after `select`/`ignore`.
pub fn selected_secret_rules(opts: &ScanOptions) -> Vec<&'static secrets::SecretRule> {
    secrets::rules()
        .iter()
        .filter(|r| {
            opts.select.is_empty() || opts.select.iter().any(|p| names_match(p, &r.names()))
        })
        .filter(|r| !opts.ignore.iter().any(|p| names_match(p, &r.names())))
        .collect()
}

/// The rules a scan runs, after `select`/`ignore`.
pub fn selected_rules(opts: &ScanOptions) -> Vec<&'static Rule> {
    rampart_rules::all()
        .iter()
        .copied()
        .filter(|r| opts.select.is_empty() || opts.select.iter().any(|p| rule_matches(p, r)))
        .filter(|r| !opts.ignore.iter().any(|p| rule_matches(p, r)))
        .collect()
}

/// One evaluated unit with its results, before assembly.
struct UnitResult {
    /// Display path of the unit (root module directory or plan file): part of
    /// every finding's fingerprint, so equal addresses in two root modules differ.
    key: String,
    /// Suppressions written in CloudFormation resources' `Metadata`.
    cfn_suppressions: Vec<rampart_cloudformation::CfnSuppression>,
    resources: Vec<Resource>,
    diagnostics: Vec<Diagnostic>,
    results: Vec<RawResult>,
}

struct RawResult {
    rule: &'static Rule,
    /// Index into the unit's `resources`.
    resource: usize,
    check: rampart_rules::Check,
}

/// One file a scan read, for evidence bundles.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct InputFile {
    /// Display path (relative to the scan root, `/`-separated).
    pub path: String,
    /// Hex SHA-256 of the file's text as read.
    pub sha256: String,
    pub bytes: usize,
}

/// A report plus what it was computed from.
#[derive(Debug, Clone)]
pub struct Scanned {
    pub report: Report,
    /// Every file the front ends read, sorted by path.
    pub inputs: Vec<InputFile>,
}

/// Run a scan.
pub fn scan(opts: &ScanOptions) -> Report {
    scan_detailed(opts).report
}

/// Run a scan and also return the list of input files with their digests.
pub fn scan_detailed(opts: &ScanOptions) -> Scanned {
    let started = Instant::now();
    let sources = SourceMap::new();
    let rules = selected_rules(opts);
    let discovery = discover::discover(&opts.paths, opts);
    let mut by_kind: HashMap<&str, Vec<&'static Rule>> = HashMap::new();
    for r in &rules {
        for k in r.meta.kinds {
            by_kind.entry(k).or_default().push(r);
        }
    }

    let total = discovery.units.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let unit_results: Vec<UnitResult> = discovery
        .units
        .par_iter()
        .map(|unit| {
            let r = run_unit(unit, &sources, opts, &by_kind);
            if let Some(p) = &opts.progress {
                let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                (p.0)(n, total);
            }
            r
        })
        .collect();

    let mut diagnostics = discovery.diagnostics;
    let mut resources = 0;
    for u in &unit_results {
        resources += u
            .resources
            .iter()
            .filter(|r| matches!(r.mode, ResourceMode::Managed | ResourceMode::Data))
            .count();
        diagnostics.extend(u.diagnostics.iter().cloned());
    }

    let secret_rules = selected_secret_rules(opts);
    let secrets_found = secrets::scan_files(&discovery.text_files, &sources, &secret_rules);

    let suppressions = if opts.inline_suppressions {
        suppress::collect(&sources, &mut diagnostics)
    } else {
        suppress::Suppressions::default()
    };

    let mut findings = Vec::new();
    let mut used = vec![false; suppressions.len()];
    // One copy of each rule's texts, shared by all of its findings, and one
    // copy of each snippet, shared by the findings on the same lines.
    let mut infos: HashMap<&'static str, RuleInfo> = HashMap::new();
    let mut snippets: SnippetCache = HashMap::new();
    for u in &unit_results {
        for r in &u.results {
            let Some(res) = u.resources.get(r.resource) else {
                continue;
            };
            let info = infos
                .entry(r.rule.meta.id)
                .or_insert_with(|| rule_info(r.rule, opts));
            findings.push(assemble(
                r,
                info,
                &mut snippets,
                res,
                u,
                &sources,
                opts,
                &suppressions,
                &mut used,
            ));
        }
    }
    if !secrets_found.is_empty() {
        let all_resources: Vec<&Resource> = unit_results
            .iter()
            .flat_map(|u| u.resources.iter())
            .filter(|r| {
                matches!(
                    r.mode,
                    ResourceMode::Managed
                        | ResourceMode::Data
                        | ResourceMode::Provider
                        | ResourceMode::ModuleCall
                )
            })
            .collect();
        for f in &secrets_found {
            findings.push(assemble_secret(
                f,
                &all_resources,
                &sources,
                opts,
                &suppressions,
                &mut used,
            ));
        }
    }
    suppressions.report_unused(&used, &sources, &mut diagnostics, &opts.today);

    findings.sort_by(|a, b| {
        (
            a.file.as_str(),
            a.line,
            a.rule_id.as_ref(),
            a.resource.as_str(),
        )
            .cmp(&(
                b.file.as_str(),
                b.line,
                b.rule_id.as_ref(),
                b.resource.as_str(),
            ))
    });
    findings.dedup_by(|a, b| {
        a.rule_id == b.rule_id
            && a.resource == b.resource
            && a.file == b.file
            && a.line == b.line
            && a.status == b.status
            && a.message == b.message
    });

    let errors = diagnostics_to_errors(&diagnostics, &sources);
    let mut summary = Summary {
        files_scanned: discovery.files_scanned,
        resources,
        rules: rules.len() + secret_rules.len(),
        errors: errors.iter().filter(|e| e.level == "error").count(),
        ..Summary::default()
    };
    for f in &findings {
        match (f.status, f.suppressed) {
            (Status::Fail, true) => summary.suppressed += 1,
            (Status::Fail, false) => {
                summary.failed += 1;
                summary.by_severity.add(f.severity);
            }
            (Status::Pass, _) => summary.passed += 1,
            (Status::Unknown, _) => summary.unknown += 1,
            (Status::NotApplicable, _) => summary.not_applicable += 1,
        }
    }
    summary.duration_ms = started.elapsed().as_millis() as u64;

    let mut inputs: Vec<InputFile> = sources
        .all()
        .iter()
        .map(|f| InputFile {
            path: clean_display(&f.display),
            sha256: Sha256::digest(f.text.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
            bytes: f.text.len(),
        })
        .collect();
    inputs.sort_by(|a, b| a.path.cmp(&b.path));
    inputs.dedup_by(|a, b| a.path == b.path);

    let report = Report {
        version: REPORT_VERSION.to_string(),
        tool: Tool {
            name: "rampart".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        },
        summary,
        findings,
        errors,
        rules: rules
            .iter()
            .map(|r| rule_info(r, opts))
            .chain(
                secret_rules
                    .iter()
                    .map(|r| r.info(severity_by_names(&r.names(), r.detector.severity, opts))),
            )
            .collect(),
    };
    Scanned { report, inputs }
}

fn run_unit(
    unit: &Unit,
    sources: &SourceMap,
    opts: &ScanOptions,
    by_kind: &HashMap<&str, Vec<&'static Rule>>,
) -> UnitResult {
    let (loc, display_root) = unit.location();
    let key = display_path(
        &std::fs::canonicalize(loc).unwrap_or_else(|_| loc.to_path_buf()),
        display_root,
    );
    let mut cfn_suppressions = Vec::new();
    let eval = match unit {
        Unit::TerraformRoot { dir, display_root } => {
            let tf = rampart_terraform::Options {
                var_files: opts.var_files.clone(),
                vars: opts.vars.clone(),
                use_env: true,
                workspace: String::new(),
                confine_to: Some(display_root.clone()),
                display_root: Some(display_root.clone()),
            };
            rampart_terraform::evaluate_dir(dir, sources, &tf)
        }
        Unit::TerraformPlan { file, .. } => rampart_terraform::plan::load_plan(file, sources),
        Unit::TerraformState { file, .. } => rampart_terraform::plan::load_state(file, sources),
        Unit::CloudFormation { file, display_root } => {
            let o = rampart_cloudformation::Options {
                parameters: opts.cfn_parameters.clone(),
                parameters_file: opts.cfn_parameters_file.clone(),
                display_root: Some(display_root.clone()),
            };
            let ev = rampart_cloudformation::load_template(file, sources, &o);
            cfn_suppressions = ev.suppressions;
            rampart_terraform::Evaluation {
                resources: ev.resources,
                diagnostics: ev.diagnostics,
            }
        }
        Unit::Dockerfile { file, .. } => {
            let (resources, diagnostics) = rampart_dockerfile::load(file, &key, sources);
            rampart_terraform::Evaluation {
                resources,
                diagnostics,
            }
        }
        Unit::Kubernetes { file, .. } => {
            let (resources, diagnostics) = rampart_kubernetes::load(file, &key, sources);
            rampart_terraform::Evaluation {
                resources,
                diagnostics,
            }
        }
        Unit::Workflow { file, .. } => {
            let (resources, diagnostics) = rampart_actions::load(file, &key, sources);
            rampart_terraform::Evaluation {
                resources,
                diagnostics,
            }
        }
    };
    let ctx = Ctx::new(&eval.resources);
    let mut results = Vec::new();
    for (idx, res) in eval.resources.iter().enumerate() {
        let Some(rules) = by_kind.get(res.kind.as_str()) else {
            continue;
        };
        for rule in rules {
            if !rule_mode_applies(rule, res) {
                continue;
            }
            for check in (rule.check)(res, &ctx) {
                results.push(RawResult {
                    rule,
                    resource: idx,
                    check,
                });
            }
        }
    }
    UnitResult {
        key,
        cfn_suppressions,
        resources: eval.resources,
        diagnostics: eval.diagnostics,
        results,
    }
}

/// Rules name the kinds they read; kinds are distinct across modes (`module`,
/// `terraform`, `terraform_root_module`, provider names, resource types), so
/// every mode but variable declarations is offered to the rules.
fn rule_mode_applies(_rule: &Rule, res: &Resource) -> bool {
    res.mode != ResourceMode::Variable
}

fn severity_for(rule: &Rule, opts: &ScanOptions) -> Severity {
    severity_by_names(&suppress::Names::of(rule), rule.meta.severity, opts)
}

fn severity_by_names(n: &suppress::Names<'_>, default: Severity, opts: &ScanOptions) -> Severity {
    opts.severity_overrides
        .iter()
        .find(|(k, _)| names_match(k, n))
        .map(|(_, s)| *s)
        .unwrap_or(default)
}

/// A secret match as a finding. The value never leaves masked: the message
/// shows the masked form, the snippet has the byte range replaced before any
/// other masking, and the fingerprint is the detector's salted hash.
fn assemble_secret(
    f: &secrets::Found,
    resources: &[&Resource],
    sources: &SourceMap,
    opts: &ScanOptions,
    suppressions: &suppress::Suppressions,
    used: &mut [bool],
) -> Finding {
    let rule = f.rule;
    let m = &f.m;
    let span = rampart_source::Span::new(f.file, m.start, m.end);
    let file = sources.get(f.file);
    let display = file
        .as_ref()
        .map(|x| clean_display(&x.display))
        .unwrap_or_default();
    let end = file
        .as_ref()
        .map(|x| x.line_col(span.end))
        .unwrap_or(rampart_source::LineCol {
            line: m.end_line,
            col: 1,
        });
    let masked = m.secret.masked();
    let snippet = file.as_ref().map(|x| {
        let text = &x.text;
        let line_start = text
            .get(..m.start)
            .and_then(|t| t.rfind('\n'))
            .map(|i| i + 1)
            .unwrap_or(0);
        let line_end = text
            .get(m.end..)
            .and_then(|t| t.find('\n'))
            .map(|i| m.end + i)
            .unwrap_or(text.len());
        let region = format!(
            "{}{}{}",
            redact::mask_line(text.get(line_start..m.start).unwrap_or("")),
            masked,
            redact::mask_line(text.get(m.end..line_end).unwrap_or(""))
        );
        Snippet {
            start_line: m.line,
            lines: region.lines().take(8).map(str::to_string).collect(),
        }
    });
    let owner = secrets::enclosing(span, resources);
    let mut blocks = owner.map(suppress::blocks_of).unwrap_or_default();
    blocks.push(span);
    let suppression = suppressions.find(&rule.names(), &blocks, span, sources, &opts.today, used);
    let info = rule.info(severity_by_names(
        &rule.names(),
        rule.detector.severity,
        opts,
    ));
    Finding {
        rule_id: info.id.clone(),
        rule_name: info.name.clone(),
        aliases: info.aliases.clone(),
        title: info.title.clone(),
        severity: info.severity,
        status: Status::Fail,
        resource: owner
            .map(|r| r.address.clone())
            .unwrap_or_else(|| display.clone()),
        resource_kind: owner
            .map(|r| r.kind.clone())
            .unwrap_or_else(|| "file".into()),
        file: display.clone(),
        line: m.line,
        column: m.column,
        end_line: end.line,
        end_column: end.col,
        message: format!(
            "{} ({masked}) is written in the file; revoke it, then load it from a secret store",
            rule.detector.title
        ),
        remediation: info.remediation.clone(),
        frameworks: info.frameworks.clone(),
        policies: info.policies.clone(),
        attribute: None,
        suppressed: suppression.is_some(),
        suppression,
        fingerprint: fingerprint(&info.id, &display, "", Some(&m.fingerprint)),
        snippet: snippet.map(Arc::new),
    }
}

fn rule_info(rule: &Rule, opts: &ScanOptions) -> RuleInfo {
    let m = &rule.meta;
    RuleInfo {
        id: m.id.into(),
        name: m.name.into(),
        title: m.title.into(),
        severity: severity_for(rule, opts),
        description: m.description.into(),
        rationale: m.rationale.into(),
        remediation: m.remediation.into(),
        frameworks: m.frameworks.iter().map(|s| s.to_string()).collect(),
        policies: m.policies.iter().map(|s| s.to_string()).collect(),
        aliases: m.aliases.iter().map(|s| s.to_string()).collect(),
    }
}

/// Stable id of a result: rule, unit (root module directory or plan file),
/// resource address and attribute path — never the line, so moving a resource
/// within its module keeps the id.
pub fn fingerprint(rule_id: &str, unit: &str, address: &str, attr: Option<&str>) -> String {
    let mut h = Sha256::new();
    h.update(rule_id.as_bytes());
    h.update([0]);
    h.update(unit.as_bytes());
    h.update([0]);
    h.update(address.as_bytes());
    h.update([0]);
    h.update(attr.unwrap_or("").as_bytes());
    let d = h.finalize();
    d.iter().take(12).map(|b| format!("{b:02x}")).collect()
}

/// A suppression from a CloudFormation resource's `Metadata` (rampart,
/// Checkov, cfn-lint or cfn-guard form) for this rule and resource. Our own form
/// needs a reason; expired entries do not apply.
fn cfn_suppression(
    list: &[rampart_cloudformation::CfnSuppression],
    names: &suppress::Names<'_>,
    res: &Resource,
    sources: &SourceMap,
    opts: &ScanOptions,
) -> Option<rampart_model::report::Suppression> {
    if !opts.inline_suppressions {
        return None;
    }
    let s = list.iter().find(|s| {
        (s.address == res.address || s.addresses.contains(&res.address))
            && (names.id.eq_ignore_ascii_case(&s.rule_or_alias)
                || names.name.eq_ignore_ascii_case(&s.rule_or_alias)
                || names
                    .aliases
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(&s.rule_or_alias)))
            && s.expires
                .as_deref()
                .is_none_or(|e| e >= opts.today.as_str())
            && (s.kind != rampart_cloudformation::SuppressionKind::Rampart || s.reason.is_some())
    })?;
    let loc = sources
        .locate(s.span)
        .map(|l| format!("{}:{}", clean_display(&l.file), l.start.line))
        .unwrap_or_default();
    Some(rampart_model::report::Suppression {
        kind: s.kind.as_str().to_string(),
        reason: s
            .reason
            .clone()
            .unwrap_or_else(|| format!("(no reason given in the {} metadata)", s.kind.as_str())),
        expires: s.expires.clone(),
        owner: None,
        location: loc,
    })
}

type SnippetCache = HashMap<(rampart_source::FileId, usize, usize), Arc<Snippet>>;

#[allow(clippy::too_many_arguments)]
fn assemble(
    r: &RawResult,
    info: &RuleInfo,
    snippets: &mut SnippetCache,
    res: &Resource,
    u: &UnitResult,
    sources: &SourceMap,
    opts: &ScanOptions,
    suppressions: &suppress::Suppressions,
    used: &mut [bool],
) -> Finding {
    let m = &r.rule.meta;
    let span = if r.check.span == rampart_source::Span::default() {
        res.span
    } else {
        r.check.span
    };
    let file = sources.get(span.file);
    let (display, start, end) = match &file {
        Some(f) => (
            clean_display(&f.display),
            f.line_col(span.start),
            f.line_col(span.end),
        ),
        None => (
            String::new(),
            rampart_source::LineCol { line: 0, col: 0 },
            rampart_source::LineCol { line: 0, col: 0 },
        ),
    };
    let snippet = file.as_ref().map(|f| {
        let first = start.line.max(1);
        let last = end.line.max(first).min(first + 8);
        snippets
            .entry((span.file, first, last))
            .or_insert_with(|| {
                Arc::new(Snippet {
                    start_line: first,
                    lines: (first..=last)
                        .map(|l| redact::mask_line(f.line_text(l)))
                        .collect(),
                })
            })
            .clone()
    });
    let unit = u.key.as_str();
    let names = suppress::Names::of(r.rule);
    let suppression = if r.check.status == Status::Fail {
        cfn_suppression(&u.cfn_suppressions, &names, res, sources, opts).or_else(|| {
            suppressions.find(
                &names,
                &suppress::blocks_of(res),
                span,
                sources,
                &opts.today,
                used,
            )
        })
    } else {
        None
    };
    Finding {
        rule_id: info.id.clone(),
        rule_name: info.name.clone(),
        aliases: info.aliases.clone(),
        title: info.title.clone(),
        severity: info.severity,
        status: r.check.status,
        resource: res.address.clone(),
        resource_kind: res.kind.clone(),
        file: display,
        line: start.line,
        column: start.col,
        end_line: end.line,
        end_column: end.col,
        message: redact::mask_line(&r.check.message),
        remediation: info.remediation.clone(),
        frameworks: info.frameworks.clone(),
        policies: info.policies.clone(),
        attribute: r.check.attr.clone(),
        suppressed: suppression.is_some(),
        suppression,
        fingerprint: fingerprint(m.id, unit, &res.address, r.check.attr.as_deref()),
        snippet,
    }
}

fn diagnostics_to_errors(diags: &[Diagnostic], sources: &SourceMap) -> Vec<ScanError> {
    let mut out: Vec<ScanError> = diags
        .iter()
        .map(|d| {
            let loc = d.span.and_then(|s| sources.locate(s));
            ScanError {
                level: match d.level {
                    Level::Error => "error",
                    Level::Warning => "warning",
                    Level::Note => "note",
                }
                .into(),
                code: d.code.into(),
                file: clean_display(
                    &loc.as_ref()
                        .map(|l| l.file.clone())
                        .or_else(|| d.path.clone())
                        .unwrap_or_default(),
                ),
                line: loc.as_ref().map(|l| l.start.line).or(d.line),
                column: loc.as_ref().map(|l| l.start.col).or(d.col),
                message: redact::mask_line(&d.message),
            }
        })
        .collect();
    out.sort_by(|a, b| (&a.file, a.line, &a.message).cmp(&(&b.file, b.line, &b.message)));
    out.dedup();
    out
}

/// Lexically normalise a display path: drop `.` segments and fold `dir/..`
/// (module sources like `./modules/x` otherwise leak into paths).
pub fn clean_display(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "." => {}
            "" if !out.is_empty() => {}
            ".." if out.last().is_some_and(|l| *l != ".." && !l.is_empty()) => {
                out.pop();
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if joined.is_empty() {
        ".".into()
    } else {
        joined
    }
}

/// Path shown to users: relative to `root` when inside it, `/`-separated.
pub fn display_path(path: &Path, root: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    clean_display(&rel.to_string_lossy().replace('\\', "/"))
}

/// The evaluated model of every unit, as JSON, for `rampart inspect`: what the
/// rules see (addresses, kinds, values, unknowns), with sensitive values
/// redacted and secret-looking literals masked.
pub fn inspect(opts: &ScanOptions) -> serde_json::Value {
    let sources = SourceMap::new();
    let discovery = discover::discover(&opts.paths, opts);
    let by_kind = HashMap::new();
    let units: Vec<UnitResult> = discovery
        .units
        .par_iter()
        .map(|u| run_unit(u, &sources, opts, &by_kind))
        .collect();
    let mut diags = discovery.diagnostics;
    let mut out = Vec::new();
    for u in units {
        diags.extend(u.diagnostics.iter().cloned());
        let resources: Vec<serde_json::Value> = u
            .resources
            .iter()
            .map(|r| {
                let loc = sources.locate(r.span);
                serde_json::json!({
                    "address": r.address,
                    "kind": r.kind,
                    "mode": r.mode,
                    "format": r.format.as_str(),
                    "file": loc.as_ref().map(|l| clean_display(&l.file)),
                    "line": loc.as_ref().map(|l| l.start.line),
                    "values": block_json_redacted(&r.body),
                })
            })
            .collect();
        out.push(serde_json::json!({ "unit": u.key, "resources": resources }));
    }
    serde_json::json!({
        "units": out,
        "errors": diagnostics_to_errors(&diags, &sources),
    })
}

fn block_json_redacted(b: &rampart_model::Block) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    for (k, a) in &b.attrs {
        let v = if a.value.is_unknown() {
            serde_json::Value::String("(known after apply)".into())
        } else {
            mask_json(a.value.to_json_redacted())
        };
        m.insert(k.clone(), v);
    }
    for c in &b.blocks {
        let entry = m
            .entry(c.kind.clone())
            .or_insert_with(|| serde_json::Value::Array(Vec::new()));
        if let serde_json::Value::Array(list) = entry {
            list.push(block_json_redacted(c));
        }
    }
    serde_json::Value::Object(m)
}

fn mask_json(v: serde_json::Value) -> serde_json::Value {
    match v {
        serde_json::Value::String(s) => serde_json::Value::String(redact::mask_line(&s)),
        serde_json::Value::Array(a) => {
            serde_json::Value::Array(a.into_iter().map(mask_json).collect())
        }
        serde_json::Value::Object(o) => {
            serde_json::Value::Object(o.into_iter().map(|(k, v)| (k, mask_json(v))).collect())
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_paths_are_normalised() {
        assert_eq!(
            clean_display("a/./modules/b/main.tf"),
            "a/modules/b/main.tf"
        );
        assert_eq!(clean_display("a/x/../b.tf"), "a/b.tf");
        assert_eq!(clean_display("../up/a.tf"), "../up/a.tf");
        assert_eq!(clean_display("/abs/./a.tf"), "/abs/a.tf");
        assert_eq!(clean_display("./"), ".");
    }

    #[test]
    fn today_is_a_date() {
        let t = today_utc();
        assert_eq!(t.len(), 10);
        assert!(t.starts_with("20"));
    }
}
