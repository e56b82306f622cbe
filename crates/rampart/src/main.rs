//! The `rampart` command line.

mod cmd_compliance;
mod docs;

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use rampart_engine::{Config, ScanOptions};
use rampart_model::report::Report;
use rampart_model::{Severity, Status};
use rampart_report::Format;

#[derive(Parser, Debug)]
#[command(
    name = "rampart",
    version,
    about = "Infrastructure-as-code security and compliance scanner",
    long_about = "rampart evaluates Terraform the way `terraform plan` does and checks the result \
                  against CIS benchmarks and written security policies.\n\n\
                  Exit codes: 0 clean, 1 findings at or above the severity threshold, 2 usage, \
                  parse or internal error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Scan files and directories (Terraform, plan and state JSON).
    Scan(ScanArgs),
    /// List the built-in rules.
    Rules(RulesArgs),
    /// Show a rule's documentation and examples.
    Explain {
        /// Rule id, name or peer alias (e.g. RMP-AWS-S3-001, s3-bucket-versioning, CKV_AWS_21).
        rule: String,
    },
    /// Compliance report for a framework or a company policy: control status with evidence.
    Report(cmd_compliance::ReportArgs),
    /// The exception register: every suppression with its reason, owner and expiry.
    Exceptions(cmd_compliance::ExceptionsArgs),
    /// Evidence bundles: create signing keys, verify a bundle.
    #[command(subcommand)]
    Evidence(cmd_compliance::EvidenceCommand),
    /// Print the evaluated model (what the rules see) as JSON: addresses, values, unknowns.
    Inspect {
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Baselines: accept today's findings, fail only on new ones.
    #[command(subcommand)]
    Baseline(BaselineCommand),
    /// Write the rule reference (Markdown) into a directory.
    #[command(hide = true)]
    Docs {
        #[arg(long, default_value = "docs/rules")]
        out: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// What to scan and how to evaluate it (shared by `scan` and `baseline create`).
#[derive(Args, Debug)]
struct Inputs {
    /// Files or directories to scan.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Run only these rules (ids, names, id prefixes or peer aliases; comma separated or repeated).
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Skip these rules (ids, names, id prefixes or peer aliases).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Terraform variable file (repeatable; later files win).
    #[arg(long = "var-file")]
    var_files: Vec<PathBuf>,
    /// Terraform variable `name=value` (repeatable; wins over files).
    #[arg(long = "var")]
    vars: Vec<String>,
    /// CloudFormation parameter `Name=Value` (repeatable; wins over the file).
    #[arg(long = "cfn-parameter")]
    cfn_parameters: Vec<String>,
    /// CloudFormation parameters file (JSON, the CLI's or CodePipeline's shape).
    #[arg(long = "cfn-parameters-file")]
    cfn_parameters_file: Option<PathBuf>,
    /// Skip paths matching this glob (repeatable).
    #[arg(long)]
    exclude: Vec<String>,
    /// Configuration file (default: rampart.toml found upward from the first path).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Do not read rampart.toml.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Ignore inline suppression comments (for audits).
    #[arg(long)]
    no_inline_suppressions: bool,
}

#[derive(Args, Debug)]
struct ScanArgs {
    #[command(flatten)]
    inputs: Inputs,
    /// Output format; repeat to write several (pair each with an --output, in order).
    #[arg(short, long = "format", value_parser = ["text", "json", "sarif", "junit"])]
    formats: Vec<String>,
    /// Output file for the format given in the same position; without one, stdout.
    #[arg(short, long = "output")]
    outputs: Vec<PathBuf>,
    /// Exit 1 when an unsuppressed failure has at least this severity.
    #[arg(long, value_parser = ["info", "low", "medium", "high", "critical"])]
    severity_threshold: Option<String>,
    /// Report only failures not recorded in this baseline (see `rampart baseline create`).
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Do not fail the run because a file could not be parsed (errors are still reported).
    #[arg(long)]
    allow_parse_errors: bool,
    /// Include passing results in JSON and SARIF output (compliance evidence).
    #[arg(long)]
    include_passed: bool,
    /// List suppressed findings in text output.
    #[arg(long)]
    show_suppressed: bool,
    /// Text output: only the summary line.
    #[arg(short, long)]
    quiet: bool,
    /// Colour in text output.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
}

#[derive(Subcommand, Debug)]
enum BaselineCommand {
    /// Record the current unsuppressed failures, so later scans report only new ones.
    Create {
        #[command(flatten)]
        inputs: Inputs,
        /// Baseline file to write.
        #[arg(short, long, default_value = ".rampart-baseline.json")]
        output: PathBuf,
    },
}

#[derive(Args, Debug)]
struct RulesArgs {
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Only rules whose id, name or alias starts with this.
    filter: Option<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Scan(args) => run_scan(args),
        Command::Rules(args) => run_rules(args),
        Command::Explain { rule } => run_explain(&rule),
        Command::Report(a) => cmd_compliance::run_report(a),
        Command::Exceptions(a) => cmd_compliance::run_exceptions(a),
        Command::Evidence(c) => cmd_compliance::run_evidence(c),
        Command::Inspect { inputs } => resolve(&inputs).map(|r| {
            let v = rampart_engine::inspect(&r.opts);
            let text = serde_json::to_string_pretty(&v).unwrap_or_default();
            let _ = writeln!(std::io::stdout().lock(), "{text}");
            ExitCode::SUCCESS
        }),
        Command::Baseline(BaselineCommand::Create { inputs, output }) => {
            run_baseline_create(&inputs, &output)
        }
        Command::Docs { out } => docs::write_all(&out).map(|_| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            let _ = writeln!(std::io::stderr(), "error: {msg}");
            ExitCode::from(2)
        }
    }
}

fn parse_var(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(format!("--var expects name=value, got {s:?}")),
    }
}

/// Settings from the command line and `rampart.toml`, merged (the command line adds to the file).
struct Resolved {
    opts: ScanOptions,
    config: Config,
}

fn resolve(inputs: &Inputs) -> Result<Resolved, String> {
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
    let severity_overrides: HashMap<String, Severity> =
        config.severity_overrides().into_iter().collect();
    let mut var_files = config.var_files();
    var_files.extend(inputs.var_files.iter().cloned());
    let vars = inputs
        .vars
        .iter()
        .map(|v| parse_var(v))
        .collect::<Result<Vec<_>, _>>()?;
    for p in &inputs.paths {
        if !p.exists() {
            return Err(format!("{}: no such file or directory", p.display()));
        }
    }
    let mut select = config.scan.select.clone();
    select.extend(inputs.select.iter().cloned());
    let mut ignore = config.scan.ignore.clone();
    ignore.extend(inputs.ignore.iter().cloned());
    for pat in select.iter().chain(ignore.iter()) {
        if !rampart_engine::pattern_matches_any(pat) {
            return Err(format!(
                "--select/--ignore: {pat:?} matches no rule (see `rampart rules`)"
            ));
        }
    }
    let mut exclude = config.scan.exclude.clone();
    exclude.extend(inputs.exclude.iter().cloned());
    let cfn_parameters = inputs
        .cfn_parameters
        .iter()
        .map(|v| parse_var(v).map_err(|e| e.replace("--var", "--cfn-parameter")))
        .collect::<Result<Vec<_>, _>>()?;
    let opts = ScanOptions {
        cfn_parameters,
        cfn_parameters_file: inputs.cfn_parameters_file.clone(),
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
    Ok(Resolved { opts, config })
}

fn run_scan(args: ScanArgs) -> Result<ExitCode, String> {
    let Resolved { opts, config } = resolve(&args.inputs)?;
    let threshold = args
        .severity_threshold
        .clone()
        .or(config.scan.severity_threshold.clone())
        .and_then(|s| Severity::parse(&s))
        .unwrap_or(Severity::Info);
    let allow_parse_errors =
        args.allow_parse_errors || config.scan.allow_parse_errors.unwrap_or(false);
    let baseline = args
        .baseline
        .as_deref()
        .map(rampart_engine::baseline::Baseline::load)
        .transpose()?;

    let bar = progress_bar(args.quiet);
    let mut opts = opts;
    if let Some(b) = &bar {
        let b = b.clone();
        opts.progress = Some(rampart_engine::Progress(std::sync::Arc::new(
            move |done, total| {
                b.set_length(total as u64);
                b.set_position(done as u64);
            },
        )));
    }
    let mut report = rampart_engine::scan(&opts);
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if let Some(b) = &baseline {
        b.apply(&mut report);
    }
    write_outputs(&report, &args)?;

    let failing = report
        .findings
        .iter()
        .any(|f| f.status == Status::Fail && !f.suppressed && f.severity >= threshold);
    if report.summary.errors > 0 && !allow_parse_errors {
        return Ok(ExitCode::from(2));
    }
    Ok(if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A progress bar on stderr, only when stderr is a terminal; it appears only
/// when the scan takes long enough to need one.
fn progress_bar(quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        None,
        indicatif::ProgressDrawTarget::stderr_with_hz(4),
    );
    let style = indicatif::ProgressStyle::with_template(
        "{spinner} evaluating {pos}/{len} modules and plans [{elapsed}]",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.enable_steady_tick(std::time::Duration::from_millis(250));
    Some(bar)
}

fn run_baseline_create(inputs: &Inputs, output: &std::path::Path) -> Result<ExitCode, String> {
    let Resolved { opts, .. } = resolve(inputs)?;
    let report = rampart_engine::scan(&opts);
    let b = rampart_engine::baseline::Baseline::from_report(&report, &opts.today);
    std::fs::write(output, b.to_json())
        .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
    let _ = writeln!(
        std::io::stderr(),
        "baseline: {} finding(s) recorded in {}",
        b.entries.len(),
        output.display()
    );
    if report.summary.errors > 0 {
        let _ = writeln!(
            std::io::stderr(),
            "warning: {} file(s) could not be read or parsed; their findings are not in the baseline",
            report.summary.errors
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn write_outputs(report: &Report, args: &ScanArgs) -> Result<(), String> {
    let formats: Vec<String> = if args.formats.is_empty() {
        vec!["text".into()]
    } else {
        args.formats.clone()
    };
    if args.outputs.len() > formats.len() {
        return Err("more --output files than --format values".into());
    }
    if formats.len() - args.outputs.len() > 1 {
        return Err(
            "only one format can go to stdout: give an --output for each other --format".into(),
        );
    }
    for (i, f) in formats.iter().enumerate() {
        let format = Format::parse(f).ok_or_else(|| format!("unknown format {f:?}"))?;
        let to_file = args.outputs.get(i);
        let color = match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                to_file.is_none()
                    && std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none()
            }
        };
        let mut opts = rampart_report::RenderOptions::default().with_passed(args.include_passed);
        opts.text.show_passed = false;
        opts.text.color = color;
        opts.text.show_suppressed = args.show_suppressed;
        opts.text.quiet = args.quiet;
        match to_file {
            Some(path) => {
                let cannot = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
                let file = std::fs::File::create(path).map_err(cannot)?;
                let mut w = std::io::BufWriter::new(file);
                rampart_report::write_to(report, format, &opts, &mut w).map_err(cannot)?;
                w.flush().map_err(cannot)?;
            }
            None => {
                // A closed pipe (`| head`) is not an error of the scan.
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                let _ = rampart_report::write_to(report, format, &opts, &mut out);
                let _ = out.flush();
            }
        }
    }
    Ok(())
}

fn run_rules(args: RulesArgs) -> Result<ExitCode, String> {
    let wanted = |id: &str, names: &rampart_engine::suppress::Names<'_>| match &args.filter {
        None => true,
        Some(f) => rampart_engine::names_match(f, names) || id.starts_with(f.as_str()),
    };
    let rules: Vec<_> = rampart_rules::all()
        .iter()
        .filter(|r| wanted(r.meta.id, &rampart_engine::suppress::Names::of(r)))
        .collect();
    let secret_rules: Vec<_> = rampart_engine::secrets::rules()
        .iter()
        .filter(|r| wanted(&r.id, &r.names()))
        .collect();
    let mut out = String::new();
    if args.json {
        let mut v: Vec<serde_json::Value> = rules
            .iter()
            .map(|r| serde_json::to_value(r.meta).unwrap_or_default())
            .collect();
        v.extend(
            secret_rules
                .iter()
                .map(|r| serde_json::to_value(r.info(r.detector.severity)).unwrap_or_default()),
        );
        out = serde_json::to_string_pretty(&v).map_err(|e| e.to_string())? + "\n";
    } else {
        out.push_str(&format!(
            "{:<34} {:<9} {:<64} {}\n",
            "ID", "SEVERITY", "TITLE", "ALIASES"
        ));
        for r in &rules {
            let m = &r.meta;
            out.push_str(&format!(
                "{:<34} {:<9} {:<64} {}\n",
                m.id,
                m.severity.as_str(),
                m.title,
                m.aliases.join(", ")
            ));
        }
        for r in &secret_rules {
            out.push_str(&format!(
                "{:<34} {:<9} {:<64} {}\n",
                r.id,
                r.detector.severity.as_str(),
                r.detector.title,
                r.detector.aliases.join(", ")
            ));
        }
        out.push_str(&format!("{} rules\n", rules.len() + secret_rules.len()));
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}

fn run_explain(rule: &str) -> Result<ExitCode, String> {
    let found = rampart_rules::all().iter().find(|r| {
        r.meta.id.eq_ignore_ascii_case(rule)
            || r.meta.name.eq_ignore_ascii_case(rule)
            || r.meta.aliases.iter().any(|a| a.eq_ignore_ascii_case(rule))
    });
    let text = match found {
        Some(r) => docs::rule_markdown(r),
        None => rampart_engine::secrets::rules()
            .iter()
            .find(|r| {
                r.id.eq_ignore_ascii_case(rule)
                    || r.name.eq_ignore_ascii_case(rule)
                    || r.detector
                        .aliases
                        .iter()
                        .any(|a| a.eq_ignore_ascii_case(rule))
            })
            .map(docs::secret_markdown)
            .ok_or_else(|| format!("no rule {rule:?} (see `rampart rules`)"))?,
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(ExitCode::SUCCESS)
}
