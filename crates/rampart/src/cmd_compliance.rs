//! `rampart report`, `rampart exceptions` and `rampart evidence`: compliance
//! evidence for auditors. The logic lives in `rampart_compliance`; this module
//! only parses arguments, reads and writes files, and picks exit codes.
//!
//! Exit codes: `report` 0 (1 with `--fail-on-failing` when a control fails),
//! `exceptions` 0, or 1 when an exception is expired or breaks the policy,
//! `evidence verify` 0 intact, 1 tampered or unverifiable; 2 usage or I/O error.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use rampart_compliance::collect::{self, Collected};
use rampart_compliance::evidence;
use rampart_compliance::render::{self, Format};
use rampart_compliance::{ExceptionPolicy, Mapping};
use rampart_engine::{Config, ScanOptions};
use rampart_model::Severity;

/// What to scan (when no `--from` is given).
#[derive(Args, Debug, Clone, Default)]
pub struct ComplianceInputs {
    /// Files or directories to scan.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Read a saved `rampart scan --format json --include-passed` output instead of scanning.
    #[arg(long, value_name = "SCAN_JSON")]
    pub from: Option<PathBuf>,
    /// Run only these rules (ids, names, id prefixes or peer aliases).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Skip these rules.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Terraform variable file (repeatable).
    #[arg(long = "var-file")]
    pub var_files: Vec<PathBuf>,
    /// Terraform variable `name=value` (repeatable).
    #[arg(long = "var")]
    pub vars: Vec<String>,
    /// Skip paths matching this glob (repeatable).
    #[arg(long)]
    pub exclude: Vec<String>,
    /// Configuration file (default: rampart.toml found upward from the first path).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Do not read rampart.toml.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Ignore inline suppression comments (for audits).
    #[arg(long)]
    pub no_inline_suppressions: bool,
    /// Date exceptions are judged on, YYYY-MM-DD (default: today, UTC).
    #[arg(long, hide = true)]
    pub today: Option<String>,
}

/// Rules for exceptions (shared by `report` and `exceptions`).
#[derive(Args, Debug, Clone, Default)]
pub struct ExceptionRules {
    /// Flag exceptions without an expiry or expiring more than DAYS from today.
    #[arg(long = "max-exception-age", value_name = "DAYS")]
    pub max_age_days: Option<u32>,
    /// Flag exceptions that name no owner.
    #[arg(long)]
    pub require_owner: bool,
}

/// `rampart report`.
#[derive(Args, Debug, Clone)]
pub struct ReportArgs {
    #[command(flatten)]
    pub inputs: ComplianceInputs,
    /// Catalogue to assess (soc2, hipaa, iso27001, nist-csf, pci-dss, cis-controls, cis-aws,
    /// nis2, ENG-POL-003-SOC2, ENG-POL-003-HIPAA, OP-POL-001, CSF, SIAC); repeatable.
    #[arg(long = "framework", value_name = "ID")]
    pub frameworks: Vec<String>,
    /// Company policy mapping file (TOML); reported in the policy's own words; repeatable.
    #[arg(long = "mapping", value_name = "FILE")]
    pub mappings: Vec<PathBuf>,
    /// html, markdown (md), json or csv. Default: from --output's extension, else markdown.
    #[arg(short, long)]
    pub format: Option<String>,
    /// Write the report here instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Write an evidence bundle (all formats, raw scan, digests, manifest) into this new directory.
    #[arg(long, value_name = "DIR")]
    pub evidence_dir: Option<PathBuf>,
    /// Sign the bundle's manifest with this ed25519 key (see `rampart evidence keygen`).
    #[arg(long, value_name = "FILE", requires = "evidence_dir")]
    pub sign_key: Option<PathBuf>,
    /// Exit 1 when a control is failing.
    #[arg(long)]
    pub fail_on_failing: bool,
    #[command(flatten)]
    pub exceptions: ExceptionRules,
}

/// `rampart exceptions`.
#[derive(Args, Debug, Clone)]
pub struct ExceptionsArgs {
    #[command(flatten)]
    pub inputs: ComplianceInputs,
    /// text, markdown (md), json or csv.
    #[arg(short, long, default_value = "text")]
    pub format: String,
    /// Write here instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub rules: ExceptionRules,
}

/// `rampart evidence ...`.
#[derive(Subcommand, Debug, Clone)]
pub enum EvidenceCommand {
    /// Check an evidence bundle: every file intact, nothing added or removed, signature valid.
    Verify {
        /// The bundle directory.
        dir: PathBuf,
        /// Require a signature by this public key (a secret key file works too).
        #[arg(long, value_name = "FILE")]
        public_key: Option<PathBuf>,
        /// Require manifest.json to have this SHA-256 (printed when the bundle was made).
        #[arg(long, value_name = "HEX")]
        manifest_sha256: Option<String>,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Make an ed25519 signing key: writes FILE (secret) and FILE.pub.
    Keygen {
        /// Secret key file to create (must not exist).
        file: PathBuf,
    },
}

fn err_line(msg: &str) {
    let _ = writeln!(std::io::stderr(), "{msg}");
}

fn parse_var(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(format!("--var expects name=value, got {s:?}")),
    }
}

/// Scan options from the arguments and rampart.toml (same merge as `rampart scan`).
fn scan_options(inputs: &ComplianceInputs) -> Result<ScanOptions, String> {
    let config = if inputs.no_config {
        Config::default()
    } else if let Some(p) = &inputs.config {
        Config::load(p)?
    } else {
        let start = inputs
            .paths
            .first()
            .cloned()
            .unwrap_or_else(|| PathBuf::from("."));
        match Config::discover(&start) {
            Some(p) => Config::load(&p)?,
            None => Config::default(),
        }
    };
    for p in &inputs.paths {
        if !p.exists() {
            return Err(format!("{}: no such file or directory", p.display()));
        }
    }
    let severity_overrides: HashMap<String, Severity> =
        config.severity_overrides().into_iter().collect();
    let mut var_files = config.var_files();
    var_files.extend(inputs.var_files.iter().cloned());
    let vars = inputs
        .vars
        .iter()
        .map(|v| parse_var(v))
        .collect::<Result<Vec<_>, _>>()?;
    let mut select = config.scan.select.clone();
    select.extend(inputs.select.iter().cloned());
    let mut ignore = config.scan.ignore.clone();
    ignore.extend(inputs.ignore.iter().cloned());
    let mut exclude = config.scan.exclude.clone();
    exclude.extend(inputs.exclude.iter().cloned());
    let mut opts = ScanOptions {
        paths: inputs.paths.clone(),
        var_files,
        vars,
        select,
        ignore,
        severity_overrides,
        inline_suppressions: !inputs.no_inline_suppressions,
        exclude,
        ..ScanOptions::default()
    };
    if let Some(t) = &inputs.today {
        opts.today = t.clone();
    }
    Ok(opts)
}

fn collect_inputs(inputs: &ComplianceInputs) -> Result<(Collected, String), String> {
    if let Some(t) = &inputs.today {
        if rampart_compliance::util::parse_date(t).is_none() {
            return Err(format!("--today expects YYYY-MM-DD, got {t:?}"));
        }
    }
    match &inputs.from {
        Some(_) if inputs.paths.iter().any(|p| p != Path::new(".")) => {
            Err("give either PATH to scan or --from SCAN_JSON, not both".into())
        }
        Some(file) => {
            let c = collect::from_json_file(file)?;
            let today = inputs
                .today
                .clone()
                .unwrap_or_else(rampart_engine::today_utc);
            Ok((c, today))
        }
        None => {
            let opts = scan_options(inputs)?;
            let today = opts.today.clone();
            Ok((collect::scan(&opts), today))
        }
    }
}

fn policy(rules: &ExceptionRules, today: String) -> ExceptionPolicy {
    ExceptionPolicy {
        today,
        max_age_days: rules.max_age_days,
        require_owner: rules.require_owner,
    }
}

fn write_out(output: Option<&Path>, text: &str) -> Result<(), String> {
    match output {
        Some(p) => {
            std::fs::write(p, text).map_err(|e| format!("cannot write {}: {e}", p.display()))
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|_| out.flush())
                .map_err(|e| format!("cannot write to stdout: {e}"))
        }
    }
}

fn read_text(p: &Path) -> Result<String, String> {
    std::fs::read_to_string(p).map_err(|e| format!("{}: cannot read: {e}", p.display()))
}

/// `rampart report`.
pub fn run_report(args: ReportArgs) -> Result<ExitCode, String> {
    if args.frameworks.is_empty() && args.mappings.is_empty() {
        return Err("rampart report needs --framework ID or --mapping FILE".into());
    }
    let format = match (&args.format, &args.output) {
        (Some(f), _) => Format::parse(f)
            .ok_or_else(|| format!("--format: unknown format {f:?} (html, markdown, json, csv)"))?,
        (None, Some(o)) => o
            .extension()
            .and_then(|e| e.to_str())
            .and_then(Format::parse)
            .unwrap_or(Format::Markdown),
        (None, None) => Format::Markdown,
    };
    let count = args.frameworks.len() + args.mappings.len();
    let to_stream = args.output.is_some() || args.evidence_dir.is_none();
    if count > 1 && to_stream {
        return Err(
            "several frameworks or mappings make several reports: give --evidence-dir DIR \
             (without --output)"
                .into(),
        );
    }
    let mut mappings = Vec::new();
    let mut mapping_texts = Vec::new();
    for p in &args.mappings {
        let text = read_text(p)?;
        let m = Mapping::parse(&text).map_err(|e| format!("{}: {e}", p.display()))?;
        mapping_texts.push((m.policy.id.clone(), text));
        mappings.push(m);
    }
    let key = args
        .sign_key
        .as_deref()
        .map(|p| {
            evidence::parse_secret_key(&read_text(p)?).map_err(|e| format!("{}: {e}", p.display()))
        })
        .transpose()?;
    for f in &args.frameworks {
        rampart_compliance::resolve_framework(Some(f), None)?;
    }

    let (collected, today) = collect_inputs(&args.inputs)?;
    let pol = policy(&args.exceptions, today);
    let reports = collected.reports(&args.frameworks, &mappings, &pol)?;
    for w in &collected.meta.warnings {
        err_line(&format!("note: {w}"));
    }
    for r in &reports {
        for u in &r.assessment.unresolved {
            err_line(&format!("warning: {}: {u}", r.assessment.framework.id));
        }
    }
    if to_stream {
        if let Some(r) = reports.first() {
            write_out(args.output.as_deref(), &render::render(r, format))?;
        }
    }
    if let Some(dir) = &args.evidence_dir {
        let register = collected.register(&pol);
        let rules = rampart_compliance::input::rules_of(&collected.report);
        let bundle = evidence::Bundle {
            scan_json: &collected.scan_json,
            inputs: &collected.inputs,
            rules: &rules,
            meta: &collected.meta,
            reports: &reports,
            formats: &Format::ALL,
            exceptions: &register,
            mappings: &mapping_texts,
        };
        let written = evidence::write(dir, &bundle, key.as_ref())?;
        err_line(&format!(
            "evidence: {} file(s) in {}; manifest.json SHA-256 {}{}",
            written.manifest.files.len(),
            dir.display(),
            written.manifest_sha256,
            written
                .signed_by
                .map(|k| format!("; signed by {k}"))
                .unwrap_or_else(|| "; unsigned (record the digest elsewhere)".into())
        ));
    }
    for r in &reports {
        err_line(&format!(
            "{}: {} controls, {}% with automated evidence: {}",
            r.assessment.framework.id,
            r.assessment.totals.controls,
            r.assessment.totals.coverage_percent,
            render::totals_line(&r.assessment.totals)
        ));
    }
    let failing = reports.iter().any(|r| r.assessment.totals.failing > 0);
    Ok(if args.fail_on_failing && failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `rampart exceptions`.
pub fn run_exceptions(args: ExceptionsArgs) -> Result<ExitCode, String> {
    let fmt = args.format.to_ascii_lowercase();
    if !["text", "markdown", "md", "json", "csv"].contains(&fmt.as_str()) {
        return Err(format!(
            "--format: unknown format {:?} (text, markdown, json, csv)",
            args.format
        ));
    }
    let (collected, today) = collect_inputs(&args.inputs)?;
    let reg = collected.register(&policy(&args.rules, today));
    let text = match fmt.as_str() {
        "json" => {
            let mut s = serde_json::to_string_pretty(&reg).map_err(|e| e.to_string())?;
            s.push('\n');
            s
        }
        "csv" => render::exceptions_csv(&reg),
        "markdown" | "md" => render::exceptions_markdown(&reg),
        _ => exceptions_text(&reg),
    };
    write_out(args.output.as_deref(), &text)?;
    Ok(if reg.has_problems() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn exceptions_text(reg: &rampart_compliance::ExceptionRegister) -> String {
    let mut o = String::new();
    for e in &reg.entries {
        o.push_str(&format!(
            "{:<8} {}  {}\n         reason: {}\n         expires: {}  owner: {}  at: {}{}\n",
            e.state.as_str(),
            e.rules.join(","),
            e.resource.as_deref().unwrap_or("(resource unknown)"),
            if e.reason.is_empty() {
                "(none given)"
            } else {
                &e.reason
            },
            e.expires.as_deref().unwrap_or("never"),
            e.owner.as_deref().unwrap_or("(none)"),
            e.location,
            if e.flags.is_empty() {
                String::new()
            } else {
                format!("\n         flags: {}", e.flags.join(", "))
            }
        ));
    }
    let t = &reg.totals;
    o.push_str(&format!(
        "{} exception(s) as of {}: {} active, {} expired, {} unused; {} flagged\n",
        reg.entries.len(),
        reg.policy.today,
        t.active,
        t.expired,
        t.unused,
        t.flagged
    ));
    o
}

/// `rampart evidence verify|keygen`.
pub fn run_evidence(cmd: EvidenceCommand) -> Result<ExitCode, String> {
    match cmd {
        EvidenceCommand::Keygen { file } => {
            if file.exists() {
                return Err(format!("{}: already exists", file.display()));
            }
            let key = evidence::generate_key()?;
            let mut pub_path = file.clone().into_os_string();
            pub_path.push(".pub");
            let pub_path = PathBuf::from(pub_path);
            write_secret(&file, &evidence::secret_key_text(&key))?;
            std::fs::write(&pub_path, evidence::public_key_text(&key.verifying_key()))
                .map_err(|e| format!("cannot write {}: {e}", pub_path.display()))?;
            err_line(&format!(
                "wrote {} (secret) and {} (public)",
                file.display(),
                pub_path.display()
            ));
            Ok(ExitCode::SUCCESS)
        }
        EvidenceCommand::Verify {
            dir,
            public_key,
            manifest_sha256,
            json,
        } => {
            let pk = public_key
                .as_deref()
                .map(|p| {
                    evidence::parse_public_key(&read_text(p)?)
                        .map_err(|e| format!("{}: {e}", p.display()))
                })
                .transpose()?;
            let v = evidence::verify_pinned(&dir, pk.as_ref(), manifest_sha256.as_deref());
            let text = if json {
                let mut s = serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?;
                s.push('\n');
                s
            } else {
                let mut o = String::new();
                for p in &v.problems {
                    o.push_str(&format!("{:?}: {}: {}\n", p.kind, p.path, p.detail));
                }
                o.push_str(&format!(
                    "{}: {} file(s) checked; {}; manifest SHA-256 {}\n",
                    if v.ok { "OK" } else { "FAILED" },
                    v.files_checked,
                    match &v.signed_by {
                        Some(k) => format!("signed by {k}"),
                        None => "not signed".into(),
                    },
                    v.manifest_sha256.as_deref().unwrap_or("-")
                ));
                o
            };
            write_out(None, &text)?;
            Ok(if v.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}

fn write_secret(path: &Path, text: &str) -> Result<(), String> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts
        .open(path)
        .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    f.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
