//! Speed benchmark and corpus runner for `rampart_secrets`.
//!
//! ```text
//! cargo run --release -p rampart_secrets --example scan_tree -- DIR            # MB/s, 1 thread and rayon
//! cargo run --release -p rampart_secrets --example scan_tree -- --matches DIR  # file<TAB>line<TAB>detector
//! ```
//! Files are loaded into memory first, so the figures are scan throughput,
//! not disk speed. Binary files are skipped with `is_probably_text`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&p, out),
            Ok(t) if t.is_file() => out.push(p),
            _ => {}
        }
    }
}

/// CPU time of the calling thread in seconds (Linux `schedstat`), so the
/// figure is per core even when the machine is busy with other work.
fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let matches_mode = args.iter().any(|a| a == "--matches");
    let Some(dir) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: scan_tree [--matches] DIR");
        std::process::exit(2);
    };
    let root = PathBuf::from(dir);
    let mut paths = Vec::new();
    walk(&root, &mut paths);
    paths.sort();

    let t_read = Instant::now();
    let mut skipped = 0usize;
    let files: Vec<(String, String)> = paths
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let rel = p
                .strip_prefix(&root)
                .unwrap_or(p)
                .to_string_lossy()
                .into_owned();
            if !rampart_secrets::is_probably_text(&bytes) {
                skipped += 1;
                return None;
            }
            let text = match String::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            };
            Some((rel, text))
        })
        .collect();
    let read_secs = t_read.elapsed().as_secs_f64();
    let total: usize = files.iter().map(|(_, t)| t.len()).sum();

    if matches_mode {
        for (rel, text) in &files {
            for m in rampart_secrets::scan_text(rel, text) {
                println!("{rel}\t{}\t{}", m.line, m.detector.id);
            }
        }
        return;
    }

    let mb = total as f64 / 1e6;
    println!(
        "{} files ({} binary skipped), {:.1} MB, read in {:.2}s",
        files.len(),
        skipped,
        mb,
        read_secs
    );

    // Warm-up (builds the automaton and regexes once).
    let _ = rampart_secrets::scan_text("warm.tf", "password = \"x\"");
    let t = Instant::now();
    let c0 = thread_cpu_secs();
    let n1: usize = files
        .iter()
        .map(|(p, text)| rampart_secrets::scan_text(p, text).len())
        .sum();
    let s1 = t.elapsed().as_secs_f64();
    let cpu = c0.and_then(|c0| Some(thread_cpu_secs()? - c0));
    println!(
        "single thread: {n1} matches in {s1:.2}s wall = {:.0} MB/s wall{}",
        mb / s1,
        cpu.map_or(String::new(), |c| format!(
            ", {c:.2}s CPU = {:.0} MB/s per CPU-second",
            mb / c
        ))
    );

    let threads = rayon::current_num_threads();
    let t = Instant::now();
    let n2: usize = files
        .par_iter()
        .map(|(p, text)| rampart_secrets::scan_text(p, text).len())
        .sum();
    let s2 = t.elapsed().as_secs_f64();
    println!(
        "rayon ({threads} threads): {n2} matches in {s2:.2}s = {:.0} MB/s",
        mb / s2
    );
    let mut per: std::collections::BTreeMap<&str, usize> = Default::default();
    for (p, text) in files.iter().take(2000) {
        for m in rampart_secrets::scan_text(p, text) {
            *per.entry(m.detector.id).or_default() += 1;
        }
    }
    println!("detectors hit in the first 2000 files: {per:?}");
}
