//! End-to-end tests of the `rampart` binary.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn rampart() -> Command {
    let mut c = Command::cargo_bin("rampart").expect("binary built");
    c.env_remove("TF_VAR_db_password");
    c
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(Path::parent)
        .expect("repo root")
        .to_path_buf()
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(p, text).expect("write");
}

/// Scan in `dir`; `extra` holds the arguments (and paths, when not `.`).
fn scan_json(dir: &Path, extra: &[&str]) -> (i32, Value) {
    let dot = [".".to_string()];
    let has_path = extra
        .iter()
        .any(|a| !a.starts_with('-') && Path::new(dir).join(a).exists());
    let extra: Vec<String> = extra
        .iter()
        .map(|s| s.to_string())
        .chain(if has_path { None } else { dot.first().cloned() })
        .collect();
    let out = rampart()
        .current_dir(dir)
        .args(["scan", "--format", "json", "--no-config"])
        .args(extra)
        .output()
        .expect("runs");
    let code = out.status.code().unwrap_or(-1);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (code, v)
}

fn findings<'a>(v: &'a Value, rule: &str) -> Vec<&'a Value> {
    v["findings"]
        .as_array()
        .map(|a| a.iter().filter(|f| f["rule_id"] == rule).collect())
        .unwrap_or_default()
}

const UNVERSIONED: &str = r#"resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}
"#;

#[test]
fn examples_give_real_findings_inside_modules() {
    let (code, v) = scan_json(&repo_root(), &["examples/terraform"]);
    assert_eq!(code, 1, "findings present: exit 1; report: {v}");
    let versioning = findings(&v, "RMP-AWS-S3-005");
    let site: Vec<_> = versioning
        .iter()
        .filter(|f| f["resource"] == "module.bucket[\"site\"].aws_s3_bucket.this")
        .collect();
    assert_eq!(
        site.len(),
        1,
        "site bucket is not versioned: {versioning:?}"
    );
    assert_eq!(site[0]["status"], "fail");
    assert_eq!(
        site[0]["file"],
        "examples/terraform/webapp/modules/bucket/main.tf"
    );
    assert_eq!(
        site[0]["line"], 20,
        "points at the bucket in the module file"
    );
    // The versioned buckets pass (their versioning lives in a separate, counted resource).
    for key in ["assets", "uploads"] {
        let addr = format!("module.bucket[\"{key}\"].aws_s3_bucket.this");
        assert!(
            !versioning.iter().any(|f| f["resource"] == addr.as_str()),
            "{addr} must not be reported"
        );
    }
}

#[test]
fn clean_configuration_exits_zero() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "main.tf",
        r#"resource "aws_s3_bucket" "ok" {
  bucket = "acme-ok"
}
resource "aws_s3_bucket_versioning" "ok" {
  bucket = aws_s3_bucket.ok.id
  versioning_configuration {
    status = "Enabled"
  }
}
"#,
    );
    let (code, v) = scan_json(dir.path(), &["--select", "RMP-AWS-S3-005"]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["summary"]["failed"], 0);
    assert_eq!(
        v["summary"]["passed"], 1,
        "passes are counted as evidence: {v}"
    );
}

#[test]
fn inline_suppression_with_reason_and_expiry() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "main.tf",
        &format!(
            "# rampart:ignore RMP-AWS-S3-005 log sink, recreated from source owner=platform expires=2999-01-01\n{UNVERSIONED}"
        ),
    );
    let (code, v) = scan_json(dir.path(), &["--select", "RMP-AWS-S3-005"]);
    assert_eq!(code, 0, "suppressed finding does not fail the run: {v}");
    let f = findings(&v, "RMP-AWS-S3-005");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["suppressed"], true);
    assert_eq!(
        f[0]["suppression"]["reason"],
        "log sink, recreated from source"
    );
    assert_eq!(f[0]["suppression"]["owner"], "platform");
    assert_eq!(f[0]["suppression"]["expires"], "2999-01-01");

    let (code, v) = scan_json(
        dir.path(),
        &["--select", "RMP-AWS-S3-005", "--no-inline-suppressions"],
    );
    assert_eq!(code, 1, "auditors see through suppressions: {v}");
    assert_eq!(findings(&v, "RMP-AWS-S3-005")[0]["suppressed"], false);
}

#[test]
fn expired_and_peer_suppressions() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "a.tf",
        &format!("# rampart:ignore RMP-AWS-S3-005 temporary expires=2001-01-01\n{UNVERSIONED}"),
    );
    write(
        dir.path(),
        "b.tf",
        r#"resource "aws_s3_bucket" "other" {
  #checkov:skip=CKV_AWS_21:replicated elsewhere
  bucket = "acme-other"
}
"#,
    );
    let (code, v) = scan_json(dir.path(), &["--select", "RMP-AWS-S3-005"]);
    assert_eq!(code, 1, "{v}");
    let f = findings(&v, "RMP-AWS-S3-005");
    let logs = f
        .iter()
        .find(|x| x["resource"] == "aws_s3_bucket.logs")
        .expect("logs");
    assert_eq!(
        logs["suppressed"], false,
        "expired suppression stops working"
    );
    let other = f
        .iter()
        .find(|x| x["resource"] == "aws_s3_bucket.other")
        .expect("other");
    assert_eq!(other["suppressed"], true, "Checkov alias honoured");
    assert_eq!(other["suppression"]["kind"], "checkov");
    let errors = v["errors"].as_array().expect("errors");
    assert!(
        errors
            .iter()
            .any(|e| e["code"] == "expired-suppression" && e["line"] == 1),
        "expiry is reported: {errors:?}"
    );
}

#[test]
fn bad_input_is_reported_and_the_scan_goes_on() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "good/main.tf", UNVERSIONED);
    write(
        dir.path(),
        "broken/main.tf",
        "resource \"aws_s3_bucket\" \"x\" {\n  bucket = \n",
    );
    std::fs::create_dir_all(dir.path().join("binary")).expect("mkdir");
    std::fs::write(
        dir.path().join("binary/main.tf"),
        [0u8, 159, 146, 150, 0, 1, 2],
    )
    .expect("write");
    std::fs::create_dir_all(dir.path().join("latin1")).expect("mkdir");
    std::fs::write(
        dir.path().join("latin1/main.tf"),
        b"resource \"aws_s3_bucket\" \"l\" {\n  bucket = \"caf\xe9\"\n}\n",
    )
    .expect("write");
    #[cfg(unix)]
    {
        std::fs::create_dir_all(dir.path().join("loop")).expect("mkdir");
        let _ = std::os::unix::fs::symlink(dir.path().join("loop"), dir.path().join("loop/again"));
    }
    let (code, v) = scan_json(dir.path(), &["--select", "RMP-AWS-S3-005"]);
    assert_eq!(code, 2, "parse errors fail the run: {v}");
    let good = findings(&v, "RMP-AWS-S3-005");
    assert!(
        good.iter()
            .any(|f| f["resource"] == "aws_s3_bucket.logs" && f["file"] == "good/main.tf"),
        "the good file is still scanned: {v}"
    );
    let errors = v["errors"].as_array().expect("errors");
    let broken = errors
        .iter()
        .find(|e| e["file"] == "broken/main.tf")
        .unwrap_or_else(|| panic!("broken file reported: {errors:?}"));
    assert!(broken["line"].as_u64().is_some(), "with a line: {broken}");
    assert!(
        errors.iter().any(|e| e["file"] == "binary/main.tf"),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e["file"] == "latin1/main.tf"),
        "{errors:?}"
    );

    let (code, _) = scan_json(
        dir.path(),
        &["--select", "RMP-AWS-S3-005", "--allow-parse-errors"],
    );
    assert_eq!(code, 1, "with --allow-parse-errors only findings decide");
}

#[test]
fn several_formats_in_one_run() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "main.tf", UNVERSIONED);
    let out = rampart()
        .current_dir(dir.path())
        .args([
            "scan",
            ".",
            "--no-config",
            "-f",
            "json",
            "-o",
            "r.json",
            "-f",
            "sarif",
            "-o",
            "r.sarif",
            "-f",
            "junit",
            "-o",
            "r.xml",
            "-f",
            "text",
            "--color",
            "never",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("RMP-AWS-S3-005"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour when asked");
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("r.json")).expect("json"))
            .expect("valid json");
    assert_eq!(json["tool"]["name"], "rampart");
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("r.sarif")).expect("sarif"))
            .expect("valid sarif");
    assert_eq!(sarif["version"], "2.1.0");
    let xml = std::fs::read_to_string(dir.path().join("r.xml")).expect("xml");
    assert!(xml.contains("<testsuites"), "{xml}");
}

#[test]
fn threshold_selects_exit_code() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "main.tf", UNVERSIONED);
    let (code, _) = scan_json(
        dir.path(),
        &[
            "--select",
            "RMP-AWS-S3-005",
            "--severity-threshold",
            "critical",
        ],
    );
    assert_eq!(
        code, 0,
        "a medium finding under a critical threshold passes"
    );
    let (code, _) = scan_json(
        dir.path(),
        &[
            "--select",
            "RMP-AWS-S3-005",
            "--severity-threshold",
            "medium",
        ],
    );
    assert_eq!(code, 1);
}

#[test]
fn config_file_is_honoured_and_strict() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "main.tf", UNVERSIONED);
    write(
        dir.path(),
        "rampart.toml",
        "[scan]\nselect = [\"RMP-AWS-S3-005\"]\n[severity]\n\"RMP-AWS-S3-005\" = \"critical\"\n",
    );
    let out = rampart()
        .current_dir(dir.path())
        .args(["scan", ".", "--format", "json"])
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["summary"]["rules"], 1, "select from config");
    assert_eq!(findings(&v, "RMP-AWS-S3-005")[0]["severity"], "critical");

    write(dir.path(), "rampart.toml", "[scan]\nselectt = []\n");
    let out = rampart()
        .current_dir(dir.path())
        .args(["scan", "."])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("selectt"));
}

#[test]
fn usage_errors_exit_two() {
    let out = rampart()
        .args(["scan", "--format", "xml"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let out = rampart()
        .args(["scan", "/definitely/not/here"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let out = rampart()
        .args(["explain", "NOPE-1"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let out = rampart()
        .args(["scan", ".", "--select", "NOPE"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rules_and_explain() {
    let out = rampart().args(["rules", "--json"]).output().expect("runs");
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let n = v.as_array().map(Vec::len).unwrap_or(0);
    assert_eq!(n, rampart_rules_count(), "every rule listed");
    let out = rampart()
        .args(["explain", "CKV_AWS_21"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("RMP-AWS-S3-005"));
    assert!(text.contains("## Examples"));
}

fn rampart_rules_count() -> usize {
    let out = rampart().args(["rules"]).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .last()
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// `docs/rules/` is generated from the metadata; this fails when it is stale.
#[test]
fn rule_reference_is_up_to_date() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = rampart()
        .args(["docs", "--out"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(out.status.success());
    let committed = repo_root().join("docs/rules");
    let mut stale = Vec::new();
    for e in std::fs::read_dir(dir.path()).expect("generated").flatten() {
        let name = e.file_name();
        let fresh = std::fs::read_to_string(e.path()).unwrap_or_default();
        let old = std::fs::read_to_string(committed.join(&name)).unwrap_or_default();
        if fresh != old {
            stale.push(name.to_string_lossy().to_string());
        }
    }
    let generated = std::fs::read_dir(dir.path())
        .map(|d| d.count())
        .unwrap_or(0);
    let on_disk = std::fs::read_dir(&committed)
        .map(|d| d.count())
        .unwrap_or(0);
    assert!(
        stale.is_empty() && generated == on_disk,
        "docs/rules is stale ({stale:?}); run `cargo run -p rampart -- docs --out docs/rules`"
    );
}

#[test]
fn secrets_never_printed_in_any_format() {
    let dir = tempfile::tempdir().expect("tmp");
    let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8mQ2xT9a";
    write(
        dir.path(),
        "main.tf",
        &format!(
            "provider \"aws\" {{\n  region     = \"us-east-1\"\n  access_key = \"AKIAQ3EXAMPLE7WZ2K4D\"\n  secret_key = \"{secret}\"\n}}\n{UNVERSIONED}"
        ),
    );
    let slack = "xoxb-2049183746-3958271640583-ZmQxNjRkYmE5YzJlNDc4OTAx";
    let db_password = "Xk2pL9qRz7Vw";
    write(
        dir.path(),
        ".env",
        &format!(
            "DATABASE_URL=postgres://app:{db_password}@db.internal:5432/app\nSLACK_TOKEN={slack}\n"
        ),
    );
    let (_, v) = scan_json(dir.path(), &["--select", "RMP-SECRET"]);
    let secret_rules: Vec<&str> = v["findings"]
        .as_array()
        .map(|a| a.iter().filter_map(|f| f["rule_id"].as_str()).collect())
        .unwrap_or_default();
    assert!(
        secret_rules
            .iter()
            .filter(|r| r.starts_with("RMP-SECRET-"))
            .count()
            >= 3,
        "the key, the database password and the Slack token are found: {secret_rules:?}"
    );
    for format in ["text", "json", "sarif", "junit"] {
        let out = rampart()
            .current_dir(dir.path())
            .args([
                "scan",
                ".",
                "--no-config",
                "--include-passed",
                "--show-suppressed",
                "-f",
                format,
            ])
            .output()
            .expect("runs");
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !all.contains(secret),
            "{format} output leaks the secret key"
        );
        assert!(
            !all.contains(slack),
            "{format} output leaks the Slack token"
        );
        assert!(
            !all.contains(db_password),
            "{format} output leaks the database password"
        );
        assert!(
            !all.contains("AKIAQ3EXAMPLE7WZ2K4D"),
            "{format} output leaks the access key id"
        );
    }
}

#[test]
fn baseline_survives_line_moves_and_never_absorbs_new_findings() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "infra/main.tf", UNVERSIONED);
    write(
        dir.path(),
        "infra/gone.tf",
        "resource \"aws_s3_bucket\" \"gone\" {\n  bucket = \"acme-gone\"\n}\n",
    );
    let out = rampart()
        .current_dir(dir.path())
        .args([
            "baseline",
            "create",
            "infra",
            "--no-config",
            "--select",
            "RMP-AWS-S3-005",
            "-o",
            "base.json",
        ])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let base: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("base.json")).expect("read"))
            .expect("json");
    assert_eq!(base["entries"].as_array().map(Vec::len), Some(2), "{base}");

    // Move the bucket down and into another file of the same module; drop one; add a new one
    // with the same address in another root module.
    std::fs::remove_file(dir.path().join("infra/main.tf")).expect("rm");
    std::fs::remove_file(dir.path().join("infra/gone.tf")).expect("rm");
    write(
        dir.path(),
        "infra/storage.tf",
        &format!("\n\n\n# moved\n{UNVERSIONED}"),
    );
    write(dir.path(), "other/main.tf", UNVERSIONED);

    let (code, v) = scan_json(
        dir.path(),
        &[
            "infra",
            "other",
            "--select",
            "RMP-AWS-S3-005",
            "--baseline",
            "base.json",
        ],
    );
    assert_eq!(code, 1, "the new finding fails the run: {v}");
    let f = findings(&v, "RMP-AWS-S3-005");
    let failing: Vec<_> = f.iter().filter(|x| x["status"] == "fail").collect();
    assert_eq!(failing.len(), 1, "{failing:?}");
    assert_eq!(
        failing[0]["file"], "other/main.tf",
        "never absorbed from another module"
    );
    assert_eq!(
        v["summary"]["baselined"], 1,
        "the moved finding stays baselined"
    );
    let errors = v["errors"].as_array().expect("errors");
    assert!(
        errors.iter().any(|e| e["code"] == "stale-baseline-entry"
            && e["message"]
                .as_str()
                .unwrap_or("")
                .contains("aws_s3_bucket.gone")),
        "stale entry reported: {errors:?}"
    );
}

#[test]
fn suppression_on_a_module_call_covers_its_resources() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "main.tf",
        r#"# rampart:ignore RMP-AWS-S3-005 archive buckets are write-once by design
module "archive" {
  source = "./modules/archive"
}

module "live" {
  source = "./modules/archive"
}
"#,
    );
    write(dir.path(), "modules/archive/main.tf", UNVERSIONED);
    let (code, v) = scan_json(dir.path(), &["--select", "RMP-AWS-S3-005"]);
    assert_eq!(code, 1, "{v}");
    let f = findings(&v, "RMP-AWS-S3-005");
    let archive = f
        .iter()
        .find(|x| x["resource"] == "module.archive.aws_s3_bucket.logs")
        .expect("archive finding");
    assert_eq!(archive["suppressed"], true);
    assert_eq!(archive["file"], "modules/archive/main.tf");
    let live = f
        .iter()
        .find(|x| x["resource"] == "module.live.aws_s3_bucket.logs")
        .expect("live finding");
    assert_eq!(live["suppressed"], false, "the other call is not covered");
}

#[test]
fn every_front_end_in_one_scan() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "Dockerfile",
        "FROM node:latest AS build\nRUN npm ci\nFROM build\n",
    );
    write(
        dir.path(),
        ".github/workflows/ci.yml",
        "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n",
    );
    write(
        dir.path(),
        "k8s/pod.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: redis\n",
    );
    write(
        dir.path(),
        "cfn/template.yaml",
        "AWSTemplateFormatVersion: \"2010-09-09\"\nParameters:\n  Env:\n    Type: String\n    Default: dev\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n    Metadata:\n      checkov:\n        skip:\n          - id: CKV_AWS_18\n            comment: logs go to the central account\n    Properties:\n      VersioningConfiguration:\n        Status: !If [IsProd, Enabled, Suspended]\n",
    );
    let (code, v) = scan_json(dir.path(), &[]);
    assert_eq!(code, 1, "{v}");
    let at = |rule: &str| -> Vec<(String, u64, bool)> {
        findings(&v, rule)
            .iter()
            .filter(|f| f["status"] == "fail")
            .map(|f| {
                (
                    f["file"].as_str().unwrap_or("").to_string(),
                    f["line"].as_u64().unwrap_or(0),
                    f["suppressed"].as_bool().unwrap_or(false),
                )
            })
            .collect()
    };
    assert_eq!(
        at("RMP-DOCKER-001"),
        vec![("Dockerfile".to_string(), 1, false)]
    );
    assert_eq!(
        at("RMP-GHA-001"),
        vec![(".github/workflows/ci.yml".to_string(), 6, false)]
    );
    assert_eq!(
        at("RMP-K8S-001"),
        vec![("k8s/pod.yaml".to_string(), 8, false)]
    );
    assert_eq!(
        at("RMP-AWS-S3-005"),
        vec![("cfn/template.yaml".to_string(), 18, false)]
    );
    assert_eq!(
        at("RMP-AWS-S3-008"),
        vec![("cfn/template.yaml".to_string(), 9, true)],
        "the Checkov skip in Metadata applies through the alias"
    );
    // A parameter that makes the condition true enables versioning.
    let (_, v) = scan_json(dir.path(), &["--cfn-parameter", "Env=prod"]);
    assert!(
        findings(&v, "RMP-AWS-S3-005")
            .iter()
            .all(|f| f["status"] != "fail"),
        "{v}"
    );
}
