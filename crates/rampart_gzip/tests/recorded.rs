//! Compares our output with Terraform's `base64gzip` results recorded by
//! scripts/record-gzip-fixtures.sh, and checks every output inflates back.

use std::io::Read;
use std::path::PathBuf;

use base64::Engine as _;
use serde_json::Value;
use sha2::{Digest, Sha256, Sha512};

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

struct Case {
    name: String,
    input: Vec<u8>,
    expected: Expected,
}

enum Expected {
    Base64(String),
    Sha256OfBase64(String),
}

/// Rebuilds a case's input from its description in cases.json.
fn input_of(case: &Value) -> Vec<u8> {
    if let Some(s) = case["input"].as_str() {
        return s.as_bytes().to_vec();
    }
    if let Some(p) = case["input_file"].as_str() {
        return std::fs::read(fixtures_dir().join(p)).expect("read input file");
    }
    if let Some(s) = case["repeat"].as_str() {
        let n = case["count"].as_u64().expect("count") as usize;
        return s.repeat(n).into_bytes();
    }
    if let Some(n) = case["lines"].as_u64() {
        let mut text = String::new();
        for i in 0..n {
            text.push_str(&format!("line {i} of the file\n"));
        }
        if let Some(cut) = case["truncate"].as_u64() {
            text.truncate(cut as usize);
        }
        return text.into_bytes();
    }
    if let Some(n) = case["sha512_hex"].as_u64() {
        let mut text = String::new();
        for i in 0..n {
            for b in Sha512::digest(i.to_string().as_bytes()) {
                text.push_str(&format!("{b:02x}"));
            }
        }
        return text.into_bytes();
    }
    panic!("case without input: {case}");
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(fixtures_dir().join("cases.json")).expect("cases.json");
    let list: Vec<Value> = serde_json::from_str(&text).expect("valid JSON");
    list.iter()
        .map(|c| Case {
            name: c["name"].as_str().expect("name").to_string(),
            input: input_of(c),
            expected: match (c["base64"].as_str(), c["sha256_of_base64"].as_str()) {
                (Some(b), _) => Expected::Base64(b.to_string()),
                (None, Some(h)) => Expected::Sha256OfBase64(h.to_string()),
                _ => panic!("case {} has no expected output", c["name"]),
            },
        })
        .collect()
}

fn inflate(gz: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(gz)
        .read_to_end(&mut out)
        .expect("valid gzip");
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn matches_terraform_base64gzip() {
    let all = cases();
    assert!(all.len() >= 40, "only {} cases", all.len());
    let mut failures = Vec::new();
    for case in &all {
        let ours =
            base64::engine::general_purpose::STANDARD.encode(rampart_gzip::gzip(&case.input));
        let ok = match &case.expected {
            Expected::Base64(b) => &ours == b,
            Expected::Sha256OfBase64(h) => &hex(&Sha256::digest(ours.as_bytes())) == h,
        };
        if !ok {
            failures.push(case.name.clone());
        }
    }
    assert!(failures.is_empty(), "differs from Terraform: {failures:?}");
}

#[test]
fn recorded_inputs_round_trip() {
    for case in cases() {
        let gz = rampart_gzip::gzip(&case.input);
        assert_eq!(inflate(&gz), case.input, "case {}", case.name);
        let raw = rampart_gzip::deflate(&case.input);
        assert_eq!(&gz[10..gz.len() - 8], raw.as_slice(), "case {}", case.name);
    }
}

#[test]
fn close_only_variant_round_trips() {
    for case in cases().iter().take(45) {
        let gz = rampart_gzip::gzip_with(&case.input, rampart_gzip::Finish::Close);
        assert_eq!(inflate(&gz), case.input, "case {}", case.name);
    }
}
