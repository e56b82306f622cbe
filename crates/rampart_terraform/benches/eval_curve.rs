//! Evaluator curve: wall time and peak memory of `evaluate_dir` on generated
//! configurations (see `bench/gen_corpus.py --instances K --files F`).
//!
//! ```text
//! cargo bench -p rampart_terraform --bench eval_curve -- DIR [DIR...]
//! ```
//!
//! Each directory is evaluated in a fresh child process (this same binary,
//! re-executed), so the peak resident set (`VmHWM` from `/proc/self/status`)
//! belongs to that directory alone. The child evaluates `RUNS` times (default
//! 3) and reports every wall time; the parent prints the minimum and median.
//! Wall time covers reading and parsing the files plus evaluation: exactly
//! what `evaluate_dir` does. It does not include rule checks or reporting
//! (run `rampart scan` under `/usr/bin/time -v` for the whole pipeline).
//!
//! Output: one line per directory, tab separated, after a header:
//! `dir  files  instances  diagnostics  min_ms  median_ms  peak_rss_mb`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use rampart_model::ResourceMode;
use rampart_source::SourceMap;
use rampart_terraform::{evaluate_dir, Options};

const CHILD_ENV: &str = "RAMPART_EVAL_CURVE_CHILD";

fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

fn count_tf(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "tf"))
                .count()
        })
        .unwrap_or(0)
}

fn child(dir: &Path) {
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let mut times = Vec::new();
    let mut instances = 0;
    let mut diags = 0;
    for _ in 0..runs.max(1) {
        let sources = SourceMap::new();
        let opts = Options::default();
        let t = Instant::now();
        let ev = evaluate_dir(dir, &sources, &opts);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        instances = ev
            .resources
            .iter()
            .filter(|r| r.mode == ResourceMode::Managed)
            .count();
        diags = ev.diagnostics.len();
        drop(ev);
    }
    let times: Vec<String> = times.iter().map(|t| format!("{t:.1}")).collect();
    println!("{instances}\t{diags}\t{}\t{}", times.join(","), vm_hwm_kb());
}

fn main() {
    if let Ok(dir) = std::env::var(CHILD_ENV) {
        child(Path::new(&dir));
        return;
    }
    // `cargo bench` passes `--bench`; ignore flags.
    let dirs: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if dirs.is_empty() {
        eprintln!("usage: eval_curve DIR [DIR...]  (make DIRs with bench/gen_corpus.py --instances K --files F)");
        return;
    }
    let exe = std::env::current_exe().expect("current exe");
    println!("dir\tfiles\tinstances\tdiagnostics\tmin_ms\tmedian_ms\tpeak_rss_mb");
    for dir in dirs {
        let out = Command::new(&exe)
            .env(CHILD_ENV, &dir)
            .output()
            .expect("spawn child");
        let text = String::from_utf8_lossy(&out.stdout);
        let line = text.lines().last().unwrap_or("");
        let f: Vec<&str> = line.split('\t').collect();
        if !out.status.success() || f.len() != 4 {
            eprintln!(
                "{}: child failed: {}\n{}",
                dir.display(),
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
            continue;
        }
        let mut times: Vec<f64> = f[2].split(',').filter_map(|t| t.parse().ok()).collect();
        times.sort_by(|a, b| a.total_cmp(b));
        let min = times.first().copied().unwrap_or(0.0);
        let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
        let rss_mb = f[3].parse::<f64>().unwrap_or(0.0) / 1024.0;
        println!(
            "{}\t{}\t{}\t{}\t{min:.1}\t{median:.1}\t{rss_mb:.1}",
            dir.display(),
            count_tf(&dir),
            f[0],
            f[1]
        );
    }
}
