//! Hostile input: nothing panics, results stay inside the text.

use proptest::prelude::*;
use rampart_secrets::{is_probably_text, scan_text};

fn check(path: &str, s: &str) {
    for m in scan_text(path, s) {
        assert!(m.start < m.end && m.end <= s.len());
        assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
        assert!(m.line >= 1 && m.column >= 1 && m.end_line >= m.line);
    }
}

const FRAGMENTS: &[&str] = &[
    "password",
    "Password",
    "PASSWORD",
    "secret",
    "token",
    "api_key",
    " = ",
    ": ",
    "=",
    "\"",
    "'",
    "\n",
    "\r\n",
    "-----BEGIN RSA PRIVATE KEY-----",
    "-----END",
    "\\n",
    "AKIA",
    "ghp_",
    "eyJ",
    ".",
    "://",
    "@",
    ":",
    "kind: Secret\n",
    "data:\n",
    "stringData:\n",
    "  ",
    "Default",
    "NoEcho: true",
    "Parameters",
    "ENV ",
    "name: ",
    "value: ",
    "AccountKey=",
    "Q~",
    "xoxb-",
    "é",
    "日本",
    "\u{0}",
    "SK",
    "key-",
    "${",
    "}",
    "hvs.",
    "sk-ant-",
    "T3BlbkFJ",
    "\"private_key\"",
    "service_account",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn random_strings(s in "\\PC{0,400}") {
        check("x.tf", &s);
        check("x.yaml", &s);
    }

    #[test]
    fn random_bytes(b in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = is_probably_text(&b);
        let s = String::from_utf8_lossy(&b);
        check(".env", &s);
    }

    #[test]
    fn fragment_soup(parts in proptest::collection::vec(0..FRAGMENTS.len(), 0..80),
                     noise in proptest::collection::vec("[A-Za-z0-9+/=_-]{0,50}", 0..80)) {
        let mut s = String::new();
        for (i, p) in parts.iter().enumerate() {
            s.push_str(FRAGMENTS[*p]);
            if let Some(n) = noise.get(i) { s.push_str(n); }
        }
        check("Dockerfile", &s);
        check("template.yaml", &s);
        check("main.tf", &s);
    }
}

#[test]
fn pathological_inputs() {
    check("a", "");
    check("a", "-----BEGIN PRIVATE KEY-----");
    check("a", &"A".repeat(1 << 20));
    check("a", &"password=".repeat(10_000));
    check("a", &"://@".repeat(10_000));
    check("a", &format!("eyJ{}", "a.".repeat(50_000)));
    check("a", &"kind: Secret\ndata:\n  a: b\n".repeat(1000));
    check(
        "a.yaml",
        &"Parameters:\n  P:\n    NoEcho: true\n    Default: x\n".repeat(1000),
    );
}

#[test]
fn binary_detection() {
    assert!(is_probably_text(b"resource \"aws_s3_bucket\" \"b\" {}\n"));
    assert!(!is_probably_text(b"\x89PNG\r\n\x1a\n\0\0\0"));
    assert!(!is_probably_text(b"abc\0def"));
    assert!(is_probably_text("héllo wörld".as_bytes()));
    assert!(is_probably_text(b""));
}

#[test]
fn long_lines_stay_linear() {
    // A 1 MB single line full of plausible assignments and headers must not
    // take quadratic time.
    let unit = "\"password\":\"Zx8!kLm2Qp9v\",\"token\":\"eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJlc2lnbmF0dXJl\",-----BEGIN PRIVATE KEY-----AAAA";
    let s = unit.repeat(1_000_000 / unit.len());
    let t = std::time::Instant::now();
    let n = scan_text("min.json", &s).len();
    assert!(n > 1000);
    assert!(t.elapsed().as_secs() < 60, "took {:?}", t.elapsed());
}
