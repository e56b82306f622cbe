use std::path::Path;

use rampart_compliance::evidence::{self, ProblemKind};
use rampart_compliance::render::Format;
use rampart_compliance::{ExceptionPolicy, Mapping};

const EXAMPLE: &str = include_str!("../examples/eng-pol-003.toml");

fn make_bundle(dir: &Path, key: Option<&ed25519_dalek::SigningKey>) -> evidence::Written {
    let opts = rampart_engine::ScanOptions {
        paths: vec![std::path::PathBuf::from("tests/fixtures/infra")],
        today: "2026-06-01".into(),
        ..rampart_engine::ScanOptions::default()
    };
    let c = rampart_compliance::collect::scan(&opts);
    let policy = ExceptionPolicy::new("2026-06-01");
    let m = Mapping::parse(EXAMPLE).unwrap();
    let maps = vec![(m.policy.id.clone(), EXAMPLE.to_string())];
    let reports = c.reports(&["soc2".into()], &[m], &policy).unwrap();
    let reg = c.register(&policy);
    let rules = rampart_compliance::input::rules_of(&c.report);
    let b = evidence::Bundle {
        scan_json: &c.scan_json,
        inputs: &c.inputs,
        rules: &rules,
        meta: &c.meta,
        reports: &reports,
        formats: &Format::ALL,
        exceptions: &reg,
        mappings: &maps,
    };
    evidence::write(dir, &b, key).expect("bundle written")
}

fn kinds(v: &evidence::Verification) -> Vec<(ProblemKind, String)> {
    v.problems
        .iter()
        .map(|p| (p.kind, p.path.clone()))
        .collect()
}

#[test]
fn a_fresh_bundle_verifies_and_holds_everything() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ev");
    let w = make_bundle(&dir, None);
    let paths: Vec<&str> = w.manifest.files.iter().map(|f| f.path.as_str()).collect();
    for p in [
        "metadata.json",
        "scan.json",
        "inputs.json",
        "rules.json",
        "exceptions.json",
        "exceptions.csv",
        "reports/soc2.html",
        "reports/soc2.md",
        "reports/soc2.json",
        "reports/soc2.csv",
        "reports/ENG-POL-003.html",
        "mappings/ENG-POL-003.toml",
    ] {
        assert!(paths.contains(&p), "{p} in {paths:?}");
    }
    let inputs: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("inputs.json")).unwrap()).unwrap();
    let f = &inputs["files"][0];
    assert!(f["path"].as_str().unwrap().ends_with("main.tf"));
    assert_eq!(f["sha256"].as_str().unwrap().len(), 64);
    let scan: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("scan.json")).unwrap()).unwrap();
    assert!(scan["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["status"] == "pass"));
    assert!(w.manifest.rule_set_digest.starts_with("sha256:"));
    assert!(w.manifest.git.is_some(), "fixture lives in a git work tree");

    let v = evidence::verify(&dir, None);
    assert!(v.ok, "{:#?}", v.problems);
    assert_eq!(v.files_checked, w.manifest.files.len());
    assert_eq!(
        v.manifest_sha256.as_deref(),
        Some(w.manifest_sha256.as_str())
    );
    assert!(v.signed_by.is_none());

    // Writing into a non-empty directory is refused.
    let e = evidence::write(
        &dir,
        &evidence::Bundle {
            scan_json: "",
            inputs: &[],
            rules: &[],
            meta: &rampart_compliance::ScanMeta::new(
                &rampart_compliance::input::parse_scan_json("{}")
                    .unwrap()
                    .report,
                "x",
            ),
            reports: &[],
            formats: &[],
            exceptions: &rampart_compliance::register(
                &rampart_compliance::input::parse_scan_json("{}")
                    .unwrap()
                    .report,
                &ExceptionPolicy::new("2026-01-01"),
                None,
            ),
            mappings: &[],
        },
        None,
    )
    .unwrap_err();
    assert!(e.contains("not empty"), "{e}");
}

#[test]
fn an_edited_file_is_detected() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ev");
    make_bundle(&dir, None);
    let p = dir.join("reports/soc2.csv");
    let mut text = std::fs::read_to_string(&p).unwrap();
    text = text.replacen("failing", "satisfied", 1);
    std::fs::write(&p, text).unwrap();
    let v = evidence::verify(&dir, None);
    assert!(!v.ok);
    assert_eq!(
        kinds(&v),
        vec![(ProblemKind::Modified, "reports/soc2.csv".into())]
    );
}

#[test]
fn an_added_file_is_detected() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ev");
    make_bundle(&dir, None);
    std::fs::write(dir.join("reports/extra.md"), "looks official").unwrap();
    std::fs::create_dir_all(dir.join("nested/deeper")).unwrap();
    std::fs::write(dir.join("nested/deeper/x"), "x").unwrap();
    let v = evidence::verify(&dir, None);
    assert_eq!(
        kinds(&v),
        vec![
            (ProblemKind::Unexpected, "nested/deeper/x".into()),
            (ProblemKind::Unexpected, "reports/extra.md".into()),
        ]
    );
}

#[test]
fn a_removed_file_is_detected() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ev");
    make_bundle(&dir, None);
    std::fs::remove_file(dir.join("exceptions.json")).unwrap();
    let v = evidence::verify(&dir, None);
    assert_eq!(
        kinds(&v),
        vec![(ProblemKind::Missing, "exceptions.json".into())]
    );
    std::fs::remove_file(dir.join("manifest.json")).unwrap();
    let v = evidence::verify(&dir, None);
    assert_eq!(v.problems[0].kind, ProblemKind::BadManifest);
}

#[test]
fn rule_set_digest_is_rechecked() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ev");
    make_bundle(&dir, None);
    // Rewrite rules.json and its manifest entry consistently: the digest recorded
    // in the manifest no longer matches.
    let rules = dir.join("rules.json");
    std::fs::write(&rules, "[]").unwrap();
    let mpath = dir.join("manifest.json");
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&mpath).unwrap()).unwrap();
    for f in m["files"].as_array_mut().unwrap() {
        if f["path"] == "rules.json" {
            f["sha256"] = rampart_compliance::util::sha256_hex(b"[]").into();
            f["bytes"] = 2.into();
        }
    }
    std::fs::write(&mpath, serde_json::to_vec_pretty(&m).unwrap()).unwrap();
    let v = evidence::verify(&dir, None);
    assert_eq!(
        kinds(&v),
        vec![(ProblemKind::RuleSetMismatch, "rules.json".into())]
    );
}

#[test]
fn signatures_verify_and_detect_tampering() {
    let key = evidence::generate_key().unwrap();
    let other = evidence::generate_key().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ev");
    let w = make_bundle(&dir, Some(&key));
    assert!(w.signed_by.is_some());
    let pk = key.verifying_key();
    let v = evidence::verify(&dir, Some(&pk));
    assert!(v.ok, "{:#?}", v.problems);
    assert_eq!(v.signed_by, w.signed_by);

    // Pinned to another key.
    let v = evidence::verify(&dir, Some(&other.verifying_key()));
    assert_eq!(
        kinds(&v),
        vec![(ProblemKind::WrongKey, "manifest.sig".into())]
    );

    // Edit a file and re-hash it in the manifest: the signature no longer matches.
    let p = dir.join("scan.json");
    std::fs::write(&p, "{}").unwrap();
    let mpath = dir.join("manifest.json");
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&mpath).unwrap()).unwrap();
    for f in m["files"].as_array_mut().unwrap() {
        if f["path"] == "scan.json" {
            f["sha256"] = rampart_compliance::util::sha256_hex(b"{}").into();
            f["bytes"] = 2.into();
        }
    }
    std::fs::write(&mpath, serde_json::to_vec_pretty(&m).unwrap()).unwrap();
    let v = evidence::verify(&dir, Some(&pk));
    assert_eq!(
        kinds(&v),
        vec![(ProblemKind::BadSignature, "manifest.sig".into())]
    );

    // A garbage signature file.
    std::fs::write(dir.join("manifest.sig"), "not json").unwrap();
    let v = evidence::verify(&dir, None);
    assert_eq!(v.problems[0].kind, ProblemKind::BadSignature);

    // No signature but a key is required.
    std::fs::remove_file(dir.join("manifest.sig")).unwrap();
    let v = evidence::verify(&dir, Some(&pk));
    assert_eq!(
        kinds(&v),
        vec![(ProblemKind::Unsigned, "manifest.sig".into())]
    );
}

#[test]
fn a_rewritten_manifest_is_caught_by_its_recorded_digest() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ev");
    let w = make_bundle(&dir, None);
    assert!(evidence::verify_pinned(&dir, None, Some(&w.manifest_sha256)).ok);
    // Remove a report and drop it from the manifest: consistent, but the digest changes.
    std::fs::remove_file(dir.join("reports/soc2.md")).unwrap();
    let mpath = dir.join("manifest.json");
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&mpath).unwrap()).unwrap();
    m["files"]
        .as_array_mut()
        .unwrap()
        .retain(|f| f["path"] != "reports/soc2.md");
    std::fs::write(&mpath, serde_json::to_vec_pretty(&m).unwrap()).unwrap();
    assert!(
        evidence::verify(&dir, None).ok,
        "undetectable without a pin or signature"
    );
    let v = evidence::verify_pinned(&dir, None, Some(&format!("sha256:{}", w.manifest_sha256)));
    assert_eq!(
        kinds(&v),
        vec![(ProblemKind::ManifestMismatch, "manifest.json".into())]
    );
}

#[test]
fn an_unsafe_manifest_path_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ev");
    make_bundle(&dir, None);
    let mpath = dir.join("manifest.json");
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&mpath).unwrap()).unwrap();
    m["files"].as_array_mut().unwrap().push(serde_json::json!({
        "path": "../outside", "sha256": "00", "bytes": 0
    }));
    std::fs::write(&mpath, serde_json::to_vec_pretty(&m).unwrap()).unwrap();
    let v = evidence::verify(&dir, None);
    assert_eq!(
        kinds(&v),
        vec![(ProblemKind::UnsafePath, "../outside".into())]
    );
}

#[test]
fn key_files_round_trip_and_reject_garbage() {
    let k = evidence::generate_key().unwrap();
    let text = evidence::secret_key_text(&k);
    let back = evidence::parse_secret_key(&text).unwrap();
    assert_eq!(back.to_bytes(), k.to_bytes());
    let pub_text = evidence::public_key_text(&k.verifying_key());
    assert_eq!(
        evidence::parse_public_key(&pub_text).unwrap(),
        k.verifying_key()
    );
    // A secret key file also gives the public key.
    assert_eq!(
        evidence::parse_public_key(&text).unwrap(),
        k.verifying_key()
    );
    for bad in [
        "",
        "# only a comment\n",
        "ed25519-secret:abc",
        "ed25519-secret:zz",
        "hello",
    ] {
        assert!(evidence::parse_secret_key(bad).is_err(), "{bad:?}");
        assert!(evidence::parse_public_key(bad).is_err(), "{bad:?}");
    }
}
