//! The detector catalogue: enough detectors, unique ids, documentation,
//! and DETECTORS.md kept in step with the code.

use std::collections::BTreeSet;

use rampart_secrets::{detector, detectors};

#[test]
fn catalogue_is_complete_and_documented() {
    let all = detectors();
    assert!(all.len() >= 40, "{} detectors", all.len());
    let mut ids = BTreeSet::new();
    for d in all {
        assert!(ids.insert(d.id), "duplicate id {}", d.id);
        assert!(
            d.id.bytes()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-'),
            "{} is not kebab-case",
            d.id
        );
        assert!(!d.title.is_empty(), "{} has no title", d.id);
        assert!(d.description.len() > 40, "{} lacks a description", d.id);
        assert!(
            d.remediation.contains("secret store"),
            "{} remediation must say where the value goes",
            d.id
        );
        assert!(detector(d.id).is_some());
        for a in d.aliases {
            assert!(
                !a.is_empty() && !a.contains(' '),
                "{}: bad alias {a:?}",
                d.id
            );
        }
    }
}

fn render() -> String {
    let mut s = String::from(
        "# rampart_secrets detectors\n\n\
         Generated from `src/detectors.rs` by `tests/catalogue.rs` \
         (`UPDATE_DETECTORS_MD=1 cargo test -p rampart_secrets --test catalogue`).\n\
         Order is priority: when two detectors claim overlapping text, the earlier one wins.\n\n",
    );
    s.push_str(&format!("{} detectors.\n\n", detectors().len()));
    for d in detectors() {
        s.push_str(&format!("## `{}` — {}\n\n", d.id, d.title));
        s.push_str(&format!("Severity: {}.", d.severity));
        if !d.aliases.is_empty() {
            s.push_str(&format!(
                " Aliases: {}.",
                d.aliases
                    .iter()
                    .map(|a| format!("`{a}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        s.push_str("\n\n");
        s.push_str(&format!(
            "{}\n\n**Fix:** {}\n\n",
            d.description, d.remediation
        ));
    }
    s
}

#[test]
fn detectors_md_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("DETECTORS.md");
    let want = render();
    if std::env::var_os("UPDATE_DETECTORS_MD").is_some() {
        std::fs::write(&path, &want).expect("write DETECTORS.md");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "DETECTORS.md is stale: run UPDATE_DETECTORS_MD=1 cargo test -p rampart_secrets --test catalogue"
    );
}
