//! Truncated and corrupted inputs give errors or odd reports, never panics.

use rampart_compliance::input::parse_scan_json;
use rampart_compliance::render::{render, Format};
use rampart_compliance::{ComplianceReport, ExceptionPolicy, Mapping, ScanMeta};

const EXAMPLE: &str = include_str!("../examples/eng-pol-003.toml");

/// Small deterministic generator (xorshift) so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn mutations(text: &str, rng: &mut Rng, n: usize) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for _ in 0..n {
        let mut b = bytes.to_vec();
        match rng.next() % 4 {
            0 => b.truncate((rng.next() as usize) % (bytes.len() + 1)),
            1 => {
                for _ in 0..4 {
                    let i = (rng.next() as usize) % b.len().max(1);
                    if let Some(x) = b.get_mut(i) {
                        *x = (rng.next() % 128) as u8;
                    }
                }
            }
            2 => {
                let i = (rng.next() as usize) % (b.len() + 1);
                let j = (rng.next() as usize) % (b.len() + 1);
                let (i, j) = (i.min(j), i.max(j));
                b.drain(i..j);
            }
            _ => {
                let i = (rng.next() as usize) % (b.len() + 1);
                let junk = ["\"", "}", "[", "é", "\u{0}", "=", "\n[[section]]\n", "null"];
                let s = junk[(rng.next() as usize) % junk.len()];
                b.splice(i..i, s.bytes());
            }
        }
        out.push(String::from_utf8_lossy(&b).into_owned());
    }
    out
}

#[test]
fn corrupted_mapping_files_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let rules = rampart_compliance::input::builtin_rules();
    for text in mutations(EXAMPLE, &mut rng, 400) {
        if let Ok(m) = Mapping::parse(&text) {
            let _ = m.unresolved(&rules);
            let _ = m.to_framework();
        }
    }
}

#[test]
fn corrupted_scan_json_never_panics_and_still_renders() {
    let opts = rampart_engine::ScanOptions {
        paths: vec!["tests/fixtures/infra".into()],
        today: "2026-06-01".into(),
        ..rampart_engine::ScanOptions::default()
    };
    let report = rampart_engine::scan(&opts);
    let json = rampart_report::json::render(
        &report,
        &rampart_report::JsonOptions {
            include_passed: true,
        },
    );
    let fw = rampart_frameworks::framework("soc2").unwrap();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut parsed = 0;
    for text in mutations(&json, &mut rng, 300) {
        if let Ok(l) = parse_scan_json(&text) {
            parsed += 1;
            let meta = ScanMeta::new(&l.report, "fuzz");
            let r = ComplianceReport::build(
                &l.report,
                fw,
                None,
                &ExceptionPolicy::new("2026-06-01"),
                None,
                meta,
            );
            for f in Format::ALL {
                let _ = render(&r, f);
            }
        }
    }
    assert!(parsed > 0, "some mutations (e.g. in strings) still parse");
}
