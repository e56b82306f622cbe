//! Hostile input: malformed, huge, deeply nested, binary, looping or
//! tree-escaping files must be treated as ordinary input. For every case the
//! binary runs on a temp dir holding the bad file next to a good file with a
//! known finding, and must
//!
//! * exit 1 or 2 (never a signal, never a panic's 101),
//! * still report the good file's finding,
//! * list the bad file in `errors` (with a line where one makes sense),
//! * finish within [`TIME_LIMIT`] (a watchdog kills it) and within
//!   [`MEMORY_LIMIT_KB`] of address space (`ulimit -v`).
//!
//! Big inputs are generated here, never committed.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

/// A scan that takes longer than this is a hang.
const TIME_LIMIT: Duration = Duration::from_secs(60);
/// Address-space limit for the scanner (bounded memory, not a precise budget).
const MEMORY_LIMIT_KB: u64 = 4 * 1024 * 1024;

const GOOD: &str = r#"resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}
"#;
const GOOD_RULE: &str = "RMP-AWS-S3-005";

struct Outcome {
    code: i32,
    report: Value,
    stderr: String,
    elapsed: Duration,
}

impl Outcome {
    /// The scan's `errors` entries for one file (display path ends with `file`).
    fn errors_for(&self, file: &str) -> Vec<&Value> {
        self.report["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|e| e["file"].as_str().is_some_and(|f| f.ends_with(file)))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn has_finding(&self, rule: &str, file: &str) -> bool {
        self.report["findings"].as_array().is_some_and(|a| {
            a.iter().any(|f| {
                f["rule_id"] == rule && f["file"].as_str().is_some_and(|p| p.ends_with(file))
            })
        })
    }

    fn all_errors(&self) -> String {
        serde_json::to_string_pretty(&self.report["errors"]).unwrap_or_default()
    }
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&p, bytes).expect("write");
    p
}

/// Run `rampart scan --format json` in `dir` under a watchdog and a memory limit.
fn scan_in(dir: &Path, extra: &[&str]) -> Outcome {
    let bin = assert_cmd::cargo::cargo_bin!("rampart");
    let started = Instant::now();
    let child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_LIMIT_KB}; exec \"$0\" \"$@\""))
        .arg(bin)
        .args(["scan", "--format", "json", "--no-config"])
        .args(extra)
        .arg(".")
        .current_dir(dir)
        .env_remove("TF_VAR_db_password")
        .env("RAYON_NUM_THREADS", "2")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn rampart");
    let pid = child.id();
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if done_rx.recv_timeout(TIME_LIMIT).is_err() {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            return true;
        }
        false
    });
    let out = child.wait_with_output().expect("wait for rampart");
    let _ = done_tx.send(());
    let killed = watchdog.join().unwrap_or(true);
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !killed,
        "rampart did not finish within {TIME_LIMIT:?} (killed by the watchdog)"
    );
    let code = match out.status.code() {
        Some(c) => c,
        None => panic!(
            "rampart died from a signal ({:?}); stderr:\n{stderr}",
            out.status
        ),
    };
    assert!(
        code == 0 || code == 1 || code == 2,
        "unexpected exit code {code} (101 = panic); stderr:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {stderr}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    Outcome {
        code,
        report,
        stderr,
        elapsed,
    }
}

/// The standard check: bad file next to `good.tf`; exit 1 or 2; the good
/// finding is reported; the run was bounded.
fn check_survives(dir: &Path) -> Outcome {
    write(dir, "good.tf", GOOD);
    let o = scan_in(dir, &[]);
    assert!(
        o.code == 1 || o.code == 2,
        "exit code {} (expected 1 or 2); stderr:\n{}",
        o.code,
        o.stderr
    );
    assert!(
        o.has_finding(GOOD_RULE, "good.tf"),
        "good.tf's {GOOD_RULE} finding is missing; errors: {}",
        o.all_errors()
    );
    assert!(o.elapsed < TIME_LIMIT);
    o
}

/// `check_survives` plus: `file` is listed in `errors` whose code or message
/// contains `needle` (case-insensitive); with `line`, at that line.
fn check_error(dir: &Path, file: &str, needle: &str, line: Option<u64>) -> Outcome {
    let o = check_survives(dir);
    let errs = o.errors_for(file);
    let needle = needle.to_ascii_lowercase();
    let hit = errs.iter().find(|e| {
        let text = format!("{} {}", e["code"], e["message"]).to_ascii_lowercase();
        text.contains(&needle)
    });
    let Some(hit) = hit else {
        panic!(
            "no error for {file} mentioning {needle:?}; errors: {}",
            o.all_errors()
        );
    };
    if let Some(line) = line {
        assert_eq!(hit["line"].as_u64(), Some(line), "line of {hit}");
    }
    o
}

// ---------------------------------------------------------------- syntax

#[test]
fn broken_syntax_is_a_parse_error_with_a_line() {
    let d = tempdir();
    write(
        d.path(),
        "bad.tf",
        "variable \"x\" {}\n\nresource \"a\" \"b\" {\n  x = \n",
    );
    check_error(d.path(), "bad.tf", "parse", Some(4));
}

#[test]
fn unclosed_block_and_string() {
    let d = tempdir();
    write(
        d.path(),
        "sub/bad.tf",
        "resource \"aws_s3_bucket\" \"x\" {\n  bucket = \"abc\n",
    );
    check_error(d.path(), "sub/bad.tf", "", None);
}

#[test]
fn malformed_tf_json() {
    let d = tempdir();
    write(
        d.path(),
        "sub/bad.tf.json",
        "{\"resource\": {\"aws_s3_bucket\": {\"x\": [1, 2,, }",
    );
    check_error(d.path(), "sub/bad.tf.json", "", Some(1));
}

#[test]
fn malformed_tfvars() {
    let d = tempdir();
    write(d.path(), "terraform.tfvars", "name = \n\"unterminated\n");
    write(
        d.path(),
        "vars.tf",
        "variable \"name\" {\n  default = \"x\"\n}\n",
    );
    check_error(d.path(), "terraform.tfvars", "", Some(1));
}

#[test]
fn empty_and_whitespace_files_are_fine() {
    let d = tempdir();
    write(d.path(), "empty.tf", "");
    write(d.path(), "blank.tf", "\n\n   \n\t\n");
    write(d.path(), "empty.tf.json", "");
    write(d.path(), "sub/empty.json", "");
    let o = check_survives(d.path());
    assert!(o.errors_for("blank.tf").is_empty(), "{}", o.all_errors());
    assert!(o.errors_for("/empty.tf").is_empty(), "{}", o.all_errors());
}

// ------------------------------------------------------------- encodings

#[test]
fn binary_file_with_tf_extension() {
    let d = tempdir();
    let mut bytes = Vec::new();
    let mut x: u32 = 0x1234_5678;
    for _ in 0..200_000 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        bytes.push((x >> 24) as u8);
    }
    write(d.path(), "sub/blob.tf", &bytes);
    write(d.path(), "sub2/blob.json", &bytes);
    check_error(d.path(), "sub/blob.tf", "", None);
}

#[test]
fn non_utf8_file() {
    let d = tempdir();
    // Latin-1 "café" in a string and in a comment.
    write(
        d.path(),
        "latin1.tf",
        b"# caf\xe9\nlocals {\n  name = \"caf\xe9\"\n}\n".as_slice(),
    );
    check_error(d.path(), "latin1.tf", "utf-8", Some(1));
}

#[test]
fn bom_and_crlf_parse_normally() {
    let d = tempdir();
    write(
        d.path(),
        "bom/main.tf",
        "\u{feff}resource \"aws_s3_bucket\" \"bom\" {\r\n  bucket = \"bom\"\r\n}\r\n",
    );
    write(
        d.path(),
        "crlf/main.tf",
        "\r\n\r\nresource \"aws_s3_bucket\" \"crlf\" {\r\n  bucket = \"crlf\"\r\n}\r\n",
    );
    write(
        d.path(),
        "bomjson/main.tf.json",
        "\u{feff}{\"resource\": {\"aws_s3_bucket\": {\"j\": {\"bucket\": \"j\"}}}}",
    );
    let o = check_survives(d.path());
    assert!(
        o.has_finding(GOOD_RULE, "bom/main.tf"),
        "{}",
        o.all_errors()
    );
    assert!(
        o.has_finding(GOOD_RULE, "crlf/main.tf"),
        "{}",
        o.all_errors()
    );
    let crlf_line = o.report["findings"]
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|f| f["rule_id"] == GOOD_RULE && f["file"] == "crlf/main.tf")
        })
        .and_then(|f| f["line"].as_u64());
    assert_eq!(crlf_line, Some(3));
}

#[test]
fn nul_bytes_in_tf() {
    let d = tempdir();
    write(
        d.path(),
        "sub/nul.tf",
        b"locals {\n  a = \"x\0y\"\n}\n\0\0\0resource \0\n".as_slice(),
    );
    check_error(d.path(), "sub/nul.tf", "", None);
}

#[test]
fn giant_single_line() {
    let d = tempdir();
    let mut s = String::from("locals {\n  big = \"");
    s.push_str(&"a".repeat(6 * 1024 * 1024));
    s.push_str("\"\n}\nresource \"x\" {\n");
    write(d.path(), "sub/long.tf", s);
    check_error(d.path(), "sub/long.tf", "", Some(4));
}

#[test]
fn file_over_the_size_limit_is_skipped_with_a_note() {
    let d = tempdir();
    let mut s = String::new();
    while s.len() < 9 * 1024 * 1024 {
        s.push_str("# padding padding padding padding padding padding padding padding\n");
    }
    write(d.path(), "huge.tf", s);
    check_error(d.path(), "huge.tf", "large", None);
}

// -------------------------------------------------------------- nesting

#[test]
fn deeply_nested_hcl_brackets() {
    let d = tempdir();
    let n = 100_000;
    let s = format!(
        "locals {{\n  deep = {}1{}\n}}\n",
        "[".repeat(n),
        "]".repeat(n)
    );
    write(d.path(), "sub/deep.tf", s);
    check_error(d.path(), "sub/deep.tf", "", None);
}

#[test]
fn deeply_nested_hcl_objects_and_parens() {
    let d = tempdir();
    let n = 50_000;
    let s = format!(
        "locals {{\n  o = {}\n  p = {}1{}\n}}\n",
        "{a = ".repeat(n) + "1" + &"}".repeat(n),
        "(".repeat(n),
        ")".repeat(n)
    );
    write(d.path(), "sub/deep.tf", s);
    check_error(d.path(), "sub/deep.tf", "", None);
}

#[test]
fn deeply_nested_blocks() {
    let d = tempdir();
    let n = 20_000;
    let s = format!(
        "resource \"aws_s3_bucket\" \"n\" {{\n{}{}}}\n",
        "dynamic_block {\n".repeat(n),
        "}\n".repeat(n)
    );
    write(d.path(), "sub/blocks.tf", s);
    check_error(d.path(), "sub/blocks.tf", "", None);
}

#[test]
fn long_operator_chains() {
    let d = tempdir();
    let n = 200_000;
    let plus = vec!["1"; n].join(" + ");
    let cond = "true ? ".repeat(20_000) + "1" + &" : 0".repeat(20_000);
    let s = format!(
        "locals {{\n  sum = {plus}\n  c = {cond}\n  neg = {}1\n}}\n",
        "-".repeat(n)
    );
    write(d.path(), "sub/chain.tf", s);
    check_error(d.path(), "sub/chain.tf", "", None);
}

#[test]
fn deeply_nested_json_everywhere() {
    let d = tempdir();
    let n = 100_000;
    let deep = format!("{}1{}", "[".repeat(n), "]".repeat(n));
    write(
        d.path(),
        "a/deep.tf.json",
        format!("{{\"locals\": {{\"x\": {deep}}}}}"),
    );
    write(
        d.path(),
        "b/plan.json",
        format!(
            "{{\"format_version\": \"1.2\", \"planned_values\": {{\"root_module\": {{\"resources\": [{{\"address\": \"aws_s3_bucket.p\", \"mode\": \"managed\", \"type\": \"aws_s3_bucket\", \"name\": \"p\", \"values\": {{\"x\": {deep}}}}}]}}}}}}"
        ),
    );
    write(
        d.path(),
        "c/main.tf",
        format!(
            "locals {{\n  j = jsondecode(\"{}1{}\")\n}}\n",
            "[".repeat(n),
            "]".repeat(n)
        ),
    );
    let o = check_survives(d.path());
    assert!(
        !o.errors_for("a/deep.tf.json").is_empty(),
        "{}",
        o.all_errors()
    );
    assert!(
        !o.errors_for("b/plan.json").is_empty(),
        "{}",
        o.all_errors()
    );
    assert!(!o.errors_for("c/main.tf").is_empty(), "{}", o.all_errors());
}

// ----------------------------------------------------------------- YAML

#[test]
fn yaml_alias_bomb_through_yamldecode() {
    let d = tempdir();
    let mut y = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut prev = 'a';
    for c in 'b'..='m' {
        y.push_str(&format!(
            "{c}: &{c} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
        prev = c;
    }
    write(d.path(), "sub/bomb.yaml", &y);
    write(
        d.path(),
        "sub/main.tf",
        "locals {\n  y = yamldecode(file(\"${path.module}/bomb.yaml\"))\n}\n",
    );
    check_error(d.path(), "sub/main.tf", "", Some(2));
}

#[test]
fn deeply_nested_yaml_through_yamldecode() {
    let d = tempdir();
    let n = 100_000;
    write(
        d.path(),
        "sub/deep.yaml",
        format!("{}1{}", "[".repeat(n), "]".repeat(n)),
    );
    write(
        d.path(),
        "sub/main.tf",
        "locals {\n  y = yamldecode(file(\"${path.module}/deep.yaml\"))\n}\n",
    );
    check_error(d.path(), "sub/main.tf", "", Some(2));
}

// ------------------------------------------------------------- numbers

#[test]
fn absurd_numbers() {
    let d = tempdir();
    write(
        d.path(),
        "sub/num.tf",
        "locals {\n  a = 1e999\n  b = -1e999\n  c = 1e-999\n  d = 99999999999999999999999999999999999999999999999999999\n  e = pow(10, 1e999)\n  f = 1e999 - 1e999\n  g = floor(1e999)\n  h = parseint(\"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\", 36)\n  i = 1 / 0\n  j = 5 % 0\n  k = tostring(1e308 * 10)\n  l = substr(\"abc\", 1e18, -1e18)\n  m = range(0, 1, 1e-300)\n  n = cidrsubnet(\"10.0.0.0/8\", 1e9, 1e18)\n  o = element([1, 2], 1e18)\n  p = abs(-1e999)\n}\n\nresource \"aws_s3_bucket\" \"n\" {\n  count  = 1e999\n  bucket = \"n\"\n}\n",
    );
    check_error(d.path(), "sub/num.tf", "", None);
}

// -------------------------------------------------- expansion and bombs

#[test]
fn count_of_a_billion() {
    let d = tempdir();
    write(
        d.path(),
        "sub/count.tf",
        "resource \"aws_s3_bucket\" \"many\" {\n  count  = 1e9\n  bucket = \"b-${count.index}\"\n}\n",
    );
    check_error(d.path(), "sub/count.tf", "too-many-instances", Some(2));
}

#[test]
fn for_each_over_100k_elements() {
    let d = tempdir();
    write(
        d.path(),
        "sub/fe.tf",
        "locals {\n  names = toset([for p in setproduct(range(1000), range(101)) : \"b${p[0]}-${p[1]}\"])\n}\n\nresource \"aws_s3_bucket\" \"many\" {\n  for_each = local.names\n  bucket   = each.key\n}\n",
    );
    check_error(d.path(), "sub/fe.tf", "too-many-instances", Some(6));
}

#[test]
fn range_of_a_billion() {
    let d = tempdir();
    write(
        d.path(),
        "sub/range.tf",
        "locals {\n  r = range(1e9)\n  s = length(range(-1e18, 1e18))\n  t = [for i in range(1e9) : i]\n}\n",
    );
    check_error(d.path(), "sub/range.tf", "", Some(2));
}

#[test]
fn string_repetition_bombs_through_functions() {
    let d = tempdir();
    write(
        d.path(),
        "sub/fmt.tf",
        "resource \"aws_s3_bucket\" \"bomb\" {\n  bucket = format(\"%1000000000s\", \"x\")\n  tags = {\n    b = strrev(format(\"%60000000s\", \"x\"))\n    c = indent(1000000000, \"a\\nb\")\n    d = join(\"\", [for i in setproduct(range(1000), range(100)) : format(\"%1000s\", \"x\")])\n    e = replace(format(\"%1000000s\", \"\"), \" \", format(\"%1000s\", \"y\"))\n    f = jsonencode(formatlist(\"%100000000s\", [\"a\", \"b\"]))\n    g = strrev(strrev(strrev(join(\"\", [for i in range(1000) : format(\"%60000s\", \"z\")]))))\n  }\n}\n",
    );
    check_error(d.path(), "sub/fmt.tf", "not supported", None);
    // Widths rampart does build, repeated until the value is too large.
    write(
        d.path(),
        "sub/big.tf",
        "resource \"aws_s3_bucket\" \"big\" {\n  bucket = join(\"\", [for i in setproduct(range(1000), range(100)) : format(\"%1000s\", \"x\")])\n}\n",
    );
    let o = check_error(d.path(), "sub/big.tf", "more than 64 MiB", Some(2));
    let out = serde_json::to_string(&o.report).unwrap_or_default();
    assert!(
        out.len() < 32 * 1024 * 1024,
        "report of {} bytes",
        out.len()
    );
}

#[test]
fn doubling_string_through_locals() {
    let d = tempdir();
    let mut s = String::from("locals {\n  l0 = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n");
    for i in 1..=64 {
        s.push_str(&format!(
            "  l{i} = \"${{local.l{p}}}${{local.l{p}}}\"\n",
            p = i - 1
        ));
    }
    s.push_str("}\n\nresource \"aws_s3_bucket\" \"d\" {\n  bucket = local.l64\n}\n");
    write(d.path(), "sub/double.tf", s);
    check_error(d.path(), "sub/double.tf", "", None);
}

#[test]
fn doubling_list_through_locals() {
    let d = tempdir();
    let mut s = String::from("locals {\n  l0 = [1, 2]\n");
    for i in 1..=64 {
        s.push_str(&format!(
            "  l{i} = concat(local.l{p}, local.l{p})\n",
            p = i - 1
        ));
    }
    s.push_str("  m0 = {a = 1}\n");
    for i in 1..=64 {
        s.push_str(&format!(
            "  m{i} = {{a = local.m{p}, b = local.m{p}, c = jsonencode(local.m{p})}}\n",
            p = i - 1
        ));
    }
    s.push_str(
        "}\n\nresource \"aws_s3_bucket\" \"d\" {\n  bucket = local.l64\n  tags   = local.m64\n}\n",
    );
    write(d.path(), "sub/double.tf", s);
    check_error(d.path(), "sub/double.tf", "", None);
}

#[test]
fn setproduct_explosion() {
    let d = tempdir();
    write(
        d.path(),
        "sub/prod.tf",
        "locals {\n  r = range(100)\n  p = setproduct(local.r, local.r, local.r, local.r, local.r, local.r)\n}\n",
    );
    check_error(d.path(), "sub/prod.tf", "", Some(3));
}

#[test]
fn templatefile_recursion() {
    let d = tempdir();
    write(
        d.path(),
        "sub/a.tpl",
        "${templatefile(\"${dir}/b.tpl\", {dir = dir})}",
    );
    write(
        d.path(),
        "sub/b.tpl",
        "${templatefile(\"${dir}/a.tpl\", {dir = dir})}",
    );
    write(
        d.path(),
        "sub/self.tpl",
        "x${templatefile(\"${dir}/self.tpl\", {dir = dir})}",
    );
    write(
        d.path(),
        "sub/main.tf",
        "locals {\n  a = templatefile(\"${path.module}/a.tpl\", {dir = path.module})\n  s = templatefile(\"${path.module}/self.tpl\", {dir = path.module})\n}\n",
    );
    check_error(d.path(), "sub/main.tf", "", Some(2));
}

// ------------------------------------------------------------- modules

#[test]
fn module_calling_its_own_directory() {
    let d = tempdir();
    write(
        d.path(),
        "sub/main.tf",
        "module \"a\" {\n  source = \"./\"\n}\n\nresource \"aws_s3_bucket\" \"in_loop\" {\n  bucket = \"x\"\n}\n",
    );
    write(
        d.path(),
        "dot/main.tf",
        "module \"a\" {\n  source = \".\"\n}\n",
    );
    let o = check_survives(d.path());
    let errs = o.errors_for("sub/main.tf");
    assert!(o.has_finding(GOOD_RULE, "sub/main.tf"), "sub/ was skipped");
    assert!(
        !errs.is_empty(),
        "no diagnostic for the cycle: {}",
        o.all_errors()
    );
    assert!(
        !o.errors_for("dot/main.tf").is_empty(),
        "{}",
        o.all_errors()
    );
}

#[test]
fn two_modules_calling_each_other() {
    let d = tempdir();
    write(
        d.path(),
        "root/main.tf",
        "module \"a\" {\n  source = \"../a\"\n}\n",
    );
    write(
        d.path(),
        "a/main.tf",
        "module \"b\" {\n  source = \"../b\"\n}\n",
    );
    write(
        d.path(),
        "b/main.tf",
        "module \"a\" {\n  source = \"../a\"\n}\n",
    );
    let o = check_survives(d.path());
    let cyc = o.report["errors"].as_array().is_some_and(|a| {
        a.iter().any(|e| {
            e["file"]
                .as_str()
                .is_some_and(|f| f.ends_with("a/main.tf") || f.ends_with("b/main.tf"))
        })
    });
    assert!(cyc, "no diagnostic for the a<->b cycle: {}", o.all_errors());
}

#[test]
fn module_cycle_without_an_outside_caller_is_still_scanned() {
    let d = tempdir();
    write(
        d.path(),
        "a/main.tf",
        "module \"b\" {\n  source = \"../b\"\n}\n\nresource \"aws_s3_bucket\" \"in_a\" {\n  bucket = \"a\"\n}\n",
    );
    write(
        d.path(),
        "b/main.tf",
        "module \"a\" {\n  source = \"../a\"\n}\n",
    );
    let o = check_survives(d.path());
    assert!(
        o.has_finding(GOOD_RULE, "a/main.tf"),
        "a/ was skipped: {}",
        o.all_errors()
    );
    assert!(
        o.report["errors"]
            .as_array()
            .is_some_and(|a| a.iter().any(|e| e["code"] == "module-cycle")),
        "no module-cycle diagnostic: {}",
        o.all_errors()
    );
}

#[test]
fn deeply_nested_module_chain() {
    let d = tempdir();
    let n = 200;
    for i in 0..n {
        write(
            d.path(),
            &format!("m{i}/main.tf"),
            format!("module \"next\" {{\n  source = \"../m{}\"\n}}\n", i + 1),
        );
    }
    write(d.path(), &format!("m{n}/main.tf"), GOOD);
    let o = check_survives(d.path());
    assert!(
        o.report["errors"].as_array().is_some_and(|a| !a.is_empty()),
        "no diagnostic for a {n}-deep module chain"
    );
}

#[test]
fn module_fan_out_explosion() {
    let d = tempdir();
    // Each level calls the next 10 times: 10^8 leaf instances without limits.
    for i in 0..8 {
        write(
            d.path(),
            &format!("m{i}/main.tf"),
            format!(
                "module \"next\" {{\n  source = \"../m{}\"\n  count  = 10\n}}\n",
                i + 1
            ),
        );
    }
    write(
        d.path(),
        "m8/main.tf",
        "resource \"aws_sqs_queue\" \"leaf\" {\n  name = \"x\"\n}\n",
    );
    let o = check_survives(d.path());
    assert!(!o.report["errors"].as_array().is_some_and(|a| a.is_empty()));
}

// ----------------------------------------------- files outside the tree

#[test]
fn file_functions_cannot_read_outside_the_tree() {
    let d = tempdir();
    write(
        d.path(),
        "sub/main.tf",
        "locals {\n  a = file(\"/etc/passwd\")\n  b = file(\"../../../../../../../../etc/passwd\")\n  c = fileexists(\"/etc/passwd\")\n  d = fileset(\"/etc\", \"*\")\n  e = templatefile(\"/etc/passwd\", {})\n  f = filebase64(\"${path.module}/../../outside\")\n  g = filemd5(\"/etc/hostname\")\n}\n\nresource \"aws_s3_bucket\" \"leak\" {\n  bucket = local.a\n}\n",
    );
    let o = check_error(d.path(), "sub/main.tf", "", Some(2));
    let text = serde_json::to_string(&o.report).unwrap_or_default();
    assert!(
        !text.contains("root:x:0:0"),
        "/etc/passwd leaked into the report"
    );
}

#[test]
fn symlink_pointing_outside_the_tree() {
    let outside = tempdir();
    write(outside.path(), "secret.txt", "TOP-SECRET-OUTSIDE");
    let d = tempdir();
    std::fs::create_dir_all(d.path().join("sub")).expect("mkdir");
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        d.path().join("sub/link.txt"),
    )
    .expect("symlink");
    std::os::unix::fs::symlink(outside.path(), d.path().join("sub/linkdir")).expect("symlink");
    std::os::unix::fs::symlink("/etc/passwd", d.path().join("sub/passwd.tf")).expect("symlink");
    write(
        d.path(),
        "sub/main.tf",
        "locals {\n  a = file(\"${path.module}/link.txt\")\n  b = file(\"${path.module}/linkdir/secret.txt\")\n  c = fileset(\"${path.module}/linkdir\", \"*\")\n}\n\nresource \"aws_s3_bucket\" \"leak\" {\n  bucket = local.a\n}\n",
    );
    let o = check_error(d.path(), "sub/main.tf", "", Some(2));
    let text = serde_json::to_string(&o.report).unwrap_or_default();
    assert!(!text.contains("TOP-SECRET-OUTSIDE"), "outside file leaked");
    assert!(!text.contains("root:x:0:0"), "/etc/passwd leaked");
}

#[test]
fn symlink_loops() {
    let d = tempdir();
    std::fs::create_dir_all(d.path().join("sub")).expect("mkdir");
    std::os::unix::fs::symlink(d.path(), d.path().join("sub/loop")).expect("symlink");
    std::os::unix::fs::symlink("self.tf", d.path().join("sub/self.tf")).expect("symlink");
    std::os::unix::fs::symlink("b.tf", d.path().join("sub/a.tf")).expect("symlink");
    std::os::unix::fs::symlink("a.tf", d.path().join("sub/b.tf")).expect("symlink");
    write(
        d.path(),
        "sub/main.tf",
        "locals {\n  a = file(\"${path.module}/self.tf\")\n}\n",
    );
    check_error(d.path(), "sub/main.tf", "", Some(2));
}

#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempdir();
    let p = write(d.path(), "sub/secret.tf", GOOD);
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let readable_anyway = std::fs::read(&p).is_ok();
    let o = check_survives(d.path());
    if !readable_anyway {
        assert!(
            !o.errors_for("sub/secret.tf").is_empty(),
            "{}",
            o.all_errors()
        );
    }
    let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644));
}

#[test]
fn unreadable_directory() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempdir();
    write(d.path(), "locked/main.tf", GOOD);
    let locked = d.path().join("locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    check_survives(d.path());
    let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755));
}

// ---------------------------------------------------------------- scale

#[test]
fn thousands_of_tiny_files() {
    let d = tempdir();
    for i in 0..3000 {
        write(
            d.path(),
            &format!("many/d{}/f{i}.tf", i % 300),
            format!("locals {{\n  v{i} = {i}\n}}\n"),
        );
    }
    let o = check_survives(d.path());
    assert!(o.report["summary"]["files_scanned"].as_u64().unwrap_or(0) >= 3000);
}

// ------------------------------------------------------ secret detectors

#[test]
fn pathological_input_for_secret_detectors() {
    let d = tempdir();
    let mut s = String::from("locals {\n");
    s.push_str(&format!("  a = \"{}\"\n", "AKIA".repeat(200_000)));
    s.push_str(&format!("  b = \"{}\"\n", "password=".repeat(100_000)));
    s.push_str(&format!(
        "  c = \"{}\"\n",
        "-----BEGIN RSA PRIVATE KEY-----".repeat(20_000)
    ));
    s.push_str(&format!("  d = \"{}\"\n", "ghp_".repeat(100_000)));
    s.push_str(&format!("  e = \"{}\"\n", "a1".repeat(500_000)));
    s.push_str(&format!("  f = \"{}\"\n", "xoxb-1-".repeat(100_000)));
    s.push_str(&format!("  g = \"{}\"\n", "eyJ".repeat(200_000)));
    s.push_str(&format!("  h = \"{}\"\n", "https://a:b@".repeat(50_000)));
    s.push_str("}\n");
    write(d.path(), "sub/secrets.tf", &s);
    write(
        d.path(),
        "sub/secrets.json",
        format!("{{\"k\": \"{}\"}}", "AKIA".repeat(500_000)),
    );
    write(d.path(), "sub/secrets.yaml", "password: ".repeat(300_000));
    check_survives(d.path());
}

// ------------------------------------------------------------ plan JSON

#[test]
fn hostile_plan_json() {
    let d = tempdir();
    write(
        d.path(),
        "p1/plan.json",
        "{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": {\"resources\": [{\"address\": ",
    );
    write(
        d.path(),
        "p2/plan.json",
        "{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": {\"resources\": [{\"address\": 1e999, \"mode\": [], \"type\": {}, \"name\": null, \"values\": \"x\", \"index\": 1e999}], \"child_modules\": [{\"resources\": 5}]}}, \"resource_changes\": [{\"change\": {\"after\": [1e999], \"after_unknown\": {\"a\": [true, [true, {}]]}}}]}",
    );
    write(
        d.path(),
        "p3/plan.json",
        "{\"format_version\": \"1.2\", \"resource_changes\": [], \"planned_values\": {\"root_module\": {\"resources\": [{\"address\": \"aws_s3_bucket.x\", \"mode\": \"managed\", \"type\": \"aws_s3_bucket\", \"name\": \"x\", \"values\": {\"bucket\": \"\\ud800\"}}]}}, \"configuration\": {\"root_module\": {\"module_calls\": {\"m\": {\"module\": {\"module_calls\": {\"m\": {}}}}}}}}",
    );
    let o = check_survives(d.path());
    assert!(
        !o.errors_for("p1/plan.json").is_empty(),
        "{}",
        o.all_errors()
    );
}

/// 10k buckets (the per-resource expansion limit): rules that look up
/// related resources must not be quadratic (they were, before 51fc8ac).
#[test]
fn ten_thousand_buckets() {
    let d = tempdir();
    write(
        d.path(),
        "sub/many.tf",
        "resource \"aws_s3_bucket\" \"many\" {\n  count  = 10000\n  bucket = \"b-${count.index}\"\n}\n",
    );
    check_survives(d.path());
}

// ------------------------------------------------------- CloudFormation

#[test]
fn hostile_cloudformation_templates() {
    let d = tempdir();
    let mut bomb = String::from(
        "AWSTemplateFormatVersion: '2010-09-09'\nx0: &x0 [a, a, a, a, a, a, a, a, a, a]\n",
    );
    for i in 1..12 {
        let p = i - 1;
        bomb.push_str(&format!(
            "x{i}: &x{i} [*x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}]\n"
        ));
    }
    bomb.push_str(
        "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *x11\n",
    );
    write(d.path(), "cfn/bomb.yaml", &bomb);
    let n = 100_000;
    write(
        d.path(),
        "cfn/deep.json",
        format!(
            "{{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {{\"B\": {{\"Type\": \"AWS::S3::Bucket\", \"Properties\": {{\"X\": {}1{}}}}}}}}}",
            "[".repeat(n),
            "]".repeat(n)
        ),
    );
    write(
        d.path(),
        "cfn/broken.yaml",
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {a: [1, 2\n",
    );
    let mut deep_yaml = String::from("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: ");
    deep_yaml.push_str(&"[".repeat(n));
    deep_yaml.push_str(&"]".repeat(n));
    deep_yaml.push('\n');
    write(d.path(), "cfn/deep.yaml", deep_yaml);
    write(
        d.path(),
        "cfn/cycle.yaml",
        "AWSTemplateFormatVersion: '2010-09-09'\nConditions:\n  A: !Condition B\n  B: !Condition A\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Condition: A\n    Properties:\n      BucketName: !Sub '${AWS::StackName}-${B}'\n",
    );
    let o = check_survives(d.path());
    assert!(
        !o.errors_for("cfn/broken.yaml").is_empty(),
        "{}",
        o.all_errors()
    );
}

// ------------------------------------------- fuzz finds (regressions)

/// Found by `fuzz/` (eval_expression): a precision of 65536 or more reached
/// Rust's `format!` limit and panicked.
#[test]
fn format_precision_over_the_formatter_limit() {
    let d = tempdir();
    write(
        d.path(),
        "sub/prec.tf",
        "resource \"aws_s3_bucket\" \"p\" {\n  bucket = format(\"%5s|%-3d|%.2222222f\", \"x\", 42, 3.14159)\n  tags = {\n    e = format(\"%.65536e\", 1)\n    g = format(\"%.99999999g\", 1)\n    f = format(\"%.65536f\", 1)\n  }\n}\n",
    );
    let o = check_survives(d.path());
    assert!(
        o.errors_for("sub/prec.tf")
            .iter()
            .all(|e| e["code"] != "internal-error"),
        "{}",
        o.all_errors()
    );
}

#[test]
fn numbers_at_the_edges() {
    // Exponents far outside any float, a number of 50,000 digits, printing
    // at the largest precision, big products: bounded, evaluated, and the
    // good file still scans.
    let d = tempdir();
    let digits = "7".repeat(50_000);
    write(
        d.path(),
        "sub/num.tf",
        format!(
            "locals {{\n  huge = tonumber(\"1e999999999\")\n  tiny = tonumber(\"-1e-999999999\")\n  long = tonumber(\"{digits}\")\n  wide = format(\"%.100000e\", 1 / 3)\n  sq = [for i in range(64) : pow(2, i) * 1e300 * 1e300]\n}}\n\nresource \"aws_s3_bucket\" \"n\" {{\n  bucket = \"n-${{length(local.wide)}}\"\n  tags = {{\n    l = substr(tostring(local.long), 0, 8)\n    s = substr(tostring(local.sq[63]), 0, 4)\n    t = tostring(local.tiny)\n  }}\n}}\n"
        ),
    );
    let o = check_survives(d.path());
    assert!(o.errors_for("sub/num.tf").is_empty(), "{}", o.all_errors());
}
