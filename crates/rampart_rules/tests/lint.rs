//! Metadata lint: ids, names, docs, examples, framework references, registry.

use std::collections::HashSet;
use std::path::Path;

use rampart_rules::all;

#[test]
fn ids_and_names_are_unique_and_well_formed() {
    let mut ids = HashSet::new();
    let mut names = HashSet::new();
    for r in all() {
        let m = &r.meta;
        assert!(ids.insert(m.id), "duplicate id {}", m.id);
        assert!(names.insert(m.name), "duplicate name {}", m.name);
        assert!(
            m.id.starts_with("RMP-")
                && m.id
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'),
            "bad id {}",
            m.id
        );
        assert!(
            m.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "name {} is not kebab-case",
            m.name
        );
    }
}

#[test]
fn docs_and_examples_present() {
    for r in all() {
        let m = &r.meta;
        for (what, text) in [
            ("title", m.title),
            ("description", m.description),
            ("rationale", m.rationale),
            ("remediation", m.remediation),
        ] {
            assert!(
                text.trim().len() >= 10,
                "{}: {what} is missing or too short",
                m.id
            );
        }
        assert!(!m.kinds.is_empty(), "{}: no resource kinds", m.id);
        assert!(
            m.examples.iter().any(|e| e.pass),
            "{}: no passing example",
            m.id
        );
        assert!(
            m.examples.iter().any(|e| !e.pass),
            "{}: no failing example",
            m.id
        );
        assert!(!m.aliases.is_empty(), "{}: no peer aliases", m.id);
    }
}

#[test]
fn framework_references_are_known() {
    let mut unknown = Vec::new();
    for r in all() {
        for reference in r.meta.frameworks.iter().chain(r.meta.policies.iter()) {
            if rampart_frameworks::control(reference).is_none() {
                unknown.push(format!("{}: {reference}", r.meta.id));
            }
        }
        for fw in ["soc2", "iso27001", "nist-csf"] {
            assert!(
                r.meta
                    .frameworks
                    .iter()
                    .any(|f| f.starts_with(&format!("{fw}:"))),
                "{}: no {fw} control",
                r.meta.id
            );
        }
        assert!(
            !r.meta.policies.is_empty(),
            "{}: no seed policy section",
            r.meta.id
        );
    }
    assert!(
        unknown.is_empty(),
        "unknown controls:\n{}",
        unknown.join("\n")
    );
}

/// Every `src/<provider>/<service>/<rule>.rs` file defines a rule listed in the registry.
#[test]
fn registry_lists_every_rule_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let registry = std::fs::read_to_string(root.join("registry.rs")).expect("registry.rs");
    let mut missing = Vec::new();
    let mut count = 0;
    for provider in std::fs::read_dir(&root).expect("src").flatten() {
        if !provider.path().is_dir() {
            continue;
        }
        for service in std::fs::read_dir(provider.path())
            .expect("provider dir")
            .flatten()
        {
            if !service.path().is_dir() {
                continue;
            }
            for file in std::fs::read_dir(service.path())
                .expect("service dir")
                .flatten()
            {
                let p = file.path();
                let text = std::fs::read_to_string(&p).unwrap_or_default();
                if !text.contains("pub static RULE: Rule") {
                    continue;
                }
                count += 1;
                let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
                let line = format!(
                    "&{}::{}::{}::RULE",
                    provider.file_name().to_string_lossy(),
                    service.file_name().to_string_lossy(),
                    stem
                );
                if !registry.contains(&line) {
                    missing.push(line);
                }
            }
        }
    }
    assert_eq!(
        count,
        all().len(),
        "rule files and registry entries differ in number"
    );
    assert!(missing.is_empty(), "not in registry.rs: {missing:?}");
}
