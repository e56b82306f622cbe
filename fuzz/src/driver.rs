//! Replay and mutation driver for machines without `cargo fuzz`.
//!
//! ```text
//! <target> [CORPUS_DIR_OR_FILE ...] [--mutate SECONDS] [--seed N]
//!          [--max-len BYTES] [--timeout SECONDS]
//! ```
//!
//! Without `--mutate`, every file under the given paths is run once (replay,
//! e.g. of a crash artifact). With `--mutate`, inputs are mutated at random
//! (byte edits, splices, repeated chunks, target-specific tokens) for that
//! many seconds. A panic (also one an evaluator thread turns into an
//! `internal-error` diagnostic) saves the input to `artifacts/<target>/` and
//! the loop goes on; an input that runs longer than `--timeout` is saved as
//! `timeout-*` and the process exits 3. Before each run the input is written
//! to `artifacts/<target>/last-input`, so an abort (stack overflow, out of
//! memory) leaves it behind.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

static PANICKED: AtomicBool = AtomicBool::new(false);

/// Diagnostics that only a caught panic produces count as crashes.
pub fn check_diagnostics<'a>(codes: impl Iterator<Item = &'a str>) {
    for c in codes {
        if c == "internal-error" {
            PANICKED.store(true, Ordering::SeqCst);
            #[cfg(feature = "libfuzzer")]
            panic!("an evaluator thread panicked (internal-error diagnostic)");
        }
    }
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn dictionary(target: &str) -> &'static [&'static str] {
    match target {
        "hcl_eval" | "eval_expression" => &[
            "{",
            "}",
            "[",
            "]",
            "(",
            ")",
            "\"",
            "${",
            "%{",
            "~}",
            "<<EOF\n",
            "\nEOF\n",
            "\n",
            " = ",
            "?",
            ":",
            "=>",
            "...",
            "[*]",
            ".*",
            "for x in ",
            " : ",
            " if ",
            "1e999",
            "-1e999",
            "0x",
            "9999999999999999999999",
            "null",
            "true",
            "local.",
            "var.",
            "each.key",
            "count.index",
            "path.module",
            "self.",
            "module.m.",
            "resource \"aws_s3_bucket\" \"b\" {\n",
            "locals {\n",
            "variable \"v\" {\n",
            "module \"m\" {\n  source = \"./\"\n",
            "dynamic \"d\" {\n",
            "count = ",
            "for_each = ",
            "format(\"%9999999s\", ",
            "range(",
            "strrev(",
            "templatefile(",
            "file(",
            "jsondecode(",
            "yamldecode(",
            "setproduct(",
            "concat(",
            "tostring(",
            "tonumber(",
            "cidrsubnet(",
            "regex(\"",
            "replace(",
            "substr(",
            "element(",
            "lookup(",
            "merge(",
            "flatten(",
            "try(",
            "can(",
            "lower(",
            "split(",
            "join(",
            "\u{feff}",
            "\r\n",
            "\0",
            "\u{10ffff}",
            "é",
            "%.99999f",
            "%e",
            "%g",
            "%[2]",
            "%#x",
            "%q",
            "%v",
            "formatdate(",
            "timeadd(",
            "cidrhost(",
            "cidrnetmask(",
            "regexall(",
            "base64decode(",
            "urlencode(",
            "textdecodebase64(",
            "sum(",
            "chunklist(",
            "transpose(",
            "zipmap(",
            "one(",
            "coalesce(",
            "sort(",
            "reverse(",
            "slice(",
            "trimsuffix(",
            "title(",
            "parseint(",
            "log(",
            "ceil(",
            "signum(",
            "max(",
            "min(",
            "csvdecode(",
            "sha256(",
            "uuidv5(",
            "startswith(",
            "strcontains(",
            "sensitive(",
            "nonsensitive(",
            "type(",
            "tomap(",
            "tolist(",
            "abs(",
            "pow(",
            "\"2024-01-01T00:00:00Z\"",
            "\"10.0.0.0/8\"",
            "\"::/0\"",
        ],
        "plan_json" => &[
            "{",
            "}",
            "[",
            "]",
            "\"",
            ":",
            ",",
            "\"format_version\":\"1.2\"",
            "\"planned_values\":",
            "\"root_module\":",
            "\"resources\":",
            "\"child_modules\":",
            "\"resource_changes\":",
            "\"change\":",
            "\"after\":",
            "\"after_unknown\":",
            "\"after_sensitive\":",
            "\"address\":\"aws_s3_bucket.b\"",
            "\"mode\":\"managed\"",
            "\"type\":\"aws_s3_bucket\"",
            "\"values\":",
            "\"index\":",
            "\"configuration\":",
            "\"module_calls\":",
            "\"terraform_version\":\"1.9.0\"",
            "\"lineage\":\"x\"",
            "\"instances\":",
            "\"attributes\":",
            "1e999",
            "-0",
            "null",
            "true",
            "\"\\ud800\"",
            "\"\\u0000\"",
        ],
        "cloudformation" => &[
            "AWSTemplateFormatVersion: '2010-09-09'\n",
            "Resources:\n",
            "  B:\n",
            "    Type: AWS::S3::Bucket\n",
            "    Properties:\n",
            "!Ref ",
            "!Sub ",
            "!GetAtt ",
            "!If ",
            "!Join ",
            "!Select ",
            "!Split ",
            "!FindInMap ",
            "!Base64 ",
            "!Cidr ",
            "Fn::",
            "Conditions:\n",
            "Parameters:\n",
            "Mappings:\n",
            "&a ",
            "*a",
            "<<: ",
            "[",
            "]",
            "{",
            "}",
            "- ",
            ": ",
            "\n",
            "  ",
            "${",
            "}",
            "'",
            "\"",
            "|\n",
            ">\n",
            "---\n",
            "1e999",
            "~",
            "!!binary ",
            "%YAML 1.2\n",
        ],
        _ => &[
            "AKIA",
            "ASIA",
            "aws_secret_access_key = ",
            "password = \"",
            "ghp_",
            "github_pat_",
            "xoxb-",
            "xoxp-",
            "sk_live_",
            "AIza",
            "-----BEGIN RSA PRIVATE KEY-----\n",
            "-----END RSA PRIVATE KEY-----\n",
            "eyJhbGciOiJIUzI1NiJ9.",
            "https://user:pass@",
            "token: ",
            "secret=",
            "\"",
            "'",
            "=",
            ":",
            "\n",
            "0123456789abcdef",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
            "+/=",
            "${var.",
            "}",
            "\r\n",
        ],
    }
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, pool: &[Vec<u8>], dict: &[&str], max_len: usize) {
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let len = input.len();
        match rng.below(8) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(len + 1);
                input.insert(i, rng.next() as u8);
            }
            2 if len > 0 => {
                let a = rng.below(len);
                let b = (a + 1 + rng.below(16)).min(len);
                input.drain(a..b);
            }
            3 if len > 0 => {
                // Repeat a chunk: builds deep nesting and long runs.
                let a = rng.below(len);
                let b = (a + 1 + rng.below(8)).min(len);
                let chunk = input[a..b].to_vec();
                let most = if rng.below(8) == 0 { 2000 } else { 8 };
                let times = 1 + rng.below(most);
                let mut rep = Vec::with_capacity(chunk.len() * times);
                for _ in 0..times {
                    rep.extend_from_slice(&chunk);
                }
                input.splice(b..b, rep);
            }
            4 | 5 if !dict.is_empty() => {
                let tok = dict[rng.below(dict.len())].as_bytes();
                let i = rng.below(len + 1);
                input.splice(i..i, tok.iter().copied());
            }
            6 if !pool.is_empty() => {
                let other = &pool[rng.below(pool.len())];
                if !other.is_empty() {
                    let a = rng.below(other.len());
                    let b = (a + 1 + rng.below(256)).min(other.len());
                    let i = rng.below(len + 1);
                    input.splice(i..i, other[a..b].iter().copied());
                }
            }
            7 if len > 0 => input.truncate(rng.below(len)),
            _ => {}
        }
    }
    input.truncate(max_len);
}

fn hash(data: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in data {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn collect(path: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>, max_len: usize) {
    if path.is_dir() {
        let Ok(rd) = std::fs::read_dir(path) else {
            return;
        };
        let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for e in entries {
            if e.is_symlink() {
                continue;
            }
            collect(&e, out, max_len);
        }
    } else if let Ok(data) = std::fs::read(path) {
        if data.len() <= max_len {
            out.push((path.to_path_buf(), data));
        }
    }
}

struct Args {
    paths: Vec<PathBuf>,
    mutate: Option<Duration>,
    seed: u64,
    max_len: usize,
    timeout: Duration,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        paths: Vec::new(),
        mutate: None,
        seed: 0x5eed,
        max_len: 64 * 1024,
        timeout: Duration::from_secs(10),
    };
    let mut it = std::env::args().skip(1);
    while let Some(s) = it.next() {
        let mut num = |name: &str| -> Result<u64, String> {
            it.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("{name} expects a number"))
        };
        match s.as_str() {
            "--mutate" => a.mutate = Some(Duration::from_secs(num("--mutate")?)),
            "--seed" => a.seed = num("--seed")?,
            "--max-len" => a.max_len = num("--max-len")? as usize,
            "--timeout" => a.timeout = Duration::from_secs(num("--timeout")?),
            _ if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => a.paths.push(PathBuf::from(s)),
        }
    }
    Ok(a)
}

fn save(dir: &Path, kind: &str, data: &[u8]) -> PathBuf {
    let p = dir.join(format!("{kind}-{}", hash(data)));
    let _ = std::fs::create_dir_all(dir);
    let _ = std::fs::write(&p, data);
    p
}

/// Entry point of a target binary without libFuzzer.
pub fn main(target: &'static str, run: fn(&[u8])) -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{target}: {e}");
            return ExitCode::from(2);
        }
    };
    let artifacts = PathBuf::from("artifacts").join(target);
    let _ = std::fs::create_dir_all(&artifacts);
    let last = artifacts.join("last-input");

    let message: Arc<Mutex<String>> = Arc::default();
    {
        let message = Arc::clone(&message);
        std::panic::set_hook(Box::new(move |info| {
            PANICKED.store(true, Ordering::SeqCst);
            if let Ok(mut m) = message.lock() {
                *m = info.to_string();
            }
        }));
    }

    // Watchdog: an input that runs too long is saved and ends the run.
    let started_ms = Arc::new(AtomicU64::new(0));
    let current: Arc<Mutex<Vec<u8>>> = Arc::default();
    let epoch = Instant::now();
    {
        let started_ms = Arc::clone(&started_ms);
        let current = Arc::clone(&current);
        let artifacts = artifacts.clone();
        let limit = args.timeout.as_millis() as u64;
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(250));
            let s = started_ms.load(Ordering::SeqCst);
            let now = epoch.elapsed().as_millis() as u64;
            if s != 0 && now.saturating_sub(s) > limit {
                let data = current.lock().map(|d| d.clone()).unwrap_or_default();
                let p = save(&artifacts, "timeout", &data);
                eprintln!(
                    "{target}: input ran longer than {limit} ms: {}",
                    p.display()
                );
                std::process::exit(3);
            }
        });
    }

    let mut crashes = 0usize;
    let mut execute = |data: &[u8]| -> bool {
        let _ = std::fs::write(&last, data);
        if let Ok(mut c) = current.lock() {
            c.clear();
            c.extend_from_slice(data);
        }
        PANICKED.store(false, Ordering::SeqCst);
        started_ms.store(epoch.elapsed().as_millis() as u64 + 1, Ordering::SeqCst);
        let r = std::panic::catch_unwind(|| run(data));
        started_ms.store(0, Ordering::SeqCst);
        if r.is_err() || PANICKED.load(Ordering::SeqCst) {
            let p = save(&artifacts, "crash", data);
            let m = message.lock().map(|m| m.clone()).unwrap_or_default();
            eprintln!("{target}: crash saved to {}: {m}", p.display());
            crashes += 1;
            return false;
        }
        true
    };

    let mut corpus = Vec::new();
    for p in &args.paths {
        collect(p, &mut corpus, args.max_len);
    }
    let replay_started = Instant::now();
    for (path, data) in &corpus {
        if !execute(data) {
            eprintln!("  (from {})", path.display());
        }
    }
    eprintln!(
        "{target}: replayed {} inputs in {:.1?}",
        corpus.len(),
        replay_started.elapsed()
    );

    if let Some(budget) = args.mutate {
        let mut pool: Vec<Vec<u8>> = corpus.into_iter().map(|(_, d)| d).collect();
        if pool.is_empty() {
            pool.push(Vec::new());
        }
        let dict = dictionary(target);
        let mut rng = Rng(args.seed | 1);
        let t0 = Instant::now();
        let mut runs = 0u64;
        while t0.elapsed() < budget {
            let mut input = pool[rng.below(pool.len())].clone();
            mutate(&mut rng, &mut input, &pool, dict, args.max_len);
            if execute(&input) && rng.below(64) == 0 && pool.len() < 4096 {
                // Keep some mutants as parents: a poor man's corpus growth.
                pool.push(input);
            }
            runs += 1;
        }
        eprintln!(
            "{target}: {runs} mutated runs in {:.0?}, {crashes} crashes",
            t0.elapsed()
        );
    }
    if crashes > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
