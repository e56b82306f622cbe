//! Coverage of the control catalogues by the built-in rules.
//!
//! An auditor must never find a control silently absent: every control of
//! every catalogue is evidenced by at least one rule (the rule lists it, or
//! lists one of its children: evidence flows up, as in
//! `rampart_compliance::assess`), or carries a `manual` note saying what a
//! person must attach. Every reference a rule (or secret rule) lists must
//! name a catalogue control.
//!
//! `data/crosswalk.toml` links NIS2 measures to the ISO 27001 / NIST CSF
//! controls that implement them; its references must resolve too.

use std::collections::{BTreeMap, BTreeSet};

use rampart_frameworks::{all, control, Framework};

/// Controls an existing rule already checks but does not list yet. Each entry:
/// control reference, the rules that should list it; such controls carry no
/// `manual` note. The test fails once an entry is evidenced or noted: delete
/// it then. (Empty: every earlier entry is now listed by its rules.)
const PENDING: &[(&str, &[&str])] = &[];

/// `id` is `parent` or one of its children (`CC6.1` under `CC6`, `3.4.1`
/// under `3.4`, `164.312(a)(1)` under `164.312(a)`).
fn is_under(id: &str, parent: &str) -> bool {
    id == parent
        || (!parent.is_empty()
            && id
                .strip_prefix(parent)
                .is_some_and(|rest| rest.starts_with(['.', '-', '('])))
}

/// (rule id, reference) for every reference of every rule and secret rule.
fn references() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for r in rampart_rules::all() {
        for x in r.meta.frameworks.iter().chain(r.meta.policies) {
            out.push((r.meta.id.to_string(), x.to_string()));
        }
    }
    for s in rampart_engine::secrets::rules() {
        let info = s.info(s.detector.severity);
        for x in info.frameworks.iter().chain(info.policies.iter()) {
            out.push((s.id.clone(), x.clone()));
        }
    }
    out
}

/// Rules whose references evidence `f`'s control `id`.
fn evidence<'a>(refs: &'a [(String, String)], f: &Framework, id: &str) -> Vec<&'a str> {
    refs.iter()
        .filter(|(_, x)| {
            x.split_once(':')
                .is_some_and(|(fw, c)| fw.eq_ignore_ascii_case(&f.id) && is_under(c, id))
        })
        .map(|(r, _)| r.as_str())
        .collect()
}

fn pending(reference: &str) -> Option<&'static [&'static str]> {
    PENDING
        .iter()
        .find(|(p, _)| p.eq_ignore_ascii_case(reference))
        .map(|(_, rules)| *rules)
}

#[test]
fn every_rule_reference_names_a_catalogue_control() {
    let refs = references();
    assert!(
        refs.len() > 100,
        "rules not found: {} references",
        refs.len()
    );
    let bad: BTreeSet<String> = refs
        .iter()
        .filter(|(_, x)| control(x).is_none())
        .map(|(r, x)| format!("{r} -> {x}"))
        .collect();
    assert!(
        bad.is_empty(),
        "{} references name no catalogue control:\n  {}",
        bad.len(),
        bad.into_iter().collect::<Vec<_>>().join("\n  ")
    );
}

#[test]
fn every_control_has_rule_evidence_or_a_manual_note() {
    let refs = references();
    let mut gaps: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut stale = Vec::new();
    for f in all() {
        for c in f {
            let evidenced = !evidence(&refs, f, &c.id).is_empty();
            let reference = f.reference(c);
            match (evidenced || c.is_manual(), pending(&reference)) {
                (false, None) => gaps.entry(&f.id).or_default().push(&c.id),
                (true, Some(_)) => stale.push(reference),
                _ => {}
            }
        }
    }
    let total: usize = gaps.values().map(Vec::len).sum();
    let list: Vec<String> = gaps
        .iter()
        .map(|(f, ids)| format!("{f} ({}): {}", ids.len(), ids.join(", ")))
        .collect();
    assert!(
        total == 0,
        "{total} controls have neither rule evidence nor a manual note:\n  {}",
        list.join("\n  ")
    );
    assert!(
        stale.is_empty(),
        "PENDING entries now evidenced or noted, remove them: {stale:?}"
    );
}

#[test]
fn pending_entries_name_real_controls_and_rules() {
    let known: BTreeSet<String> = references().into_iter().map(|(r, _)| r).collect();
    for (reference, rules) in PENDING {
        assert!(
            control(reference).is_some(),
            "PENDING: unknown control {reference}"
        );
        for r in *rules {
            assert!(known.contains(*r), "PENDING {reference}: unknown rule {r}");
        }
    }
}

#[test]
fn manual_notes_are_short() {
    for f in all() {
        for c in f.manual_controls() {
            let n = c.manual.as_deref().unwrap_or_default().chars().count();
            assert!(
                n <= 200,
                "{}: manual note of {n} characters",
                f.reference(c)
            );
        }
    }
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Crosswalk {
    #[serde(rename = "link")]
    links: Vec<Link>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Link {
    /// NIS2 control id (`21.2.h`).
    nis2: String,
    /// Where in Implementing Regulation (EU) 2024/2690 or the directive the link comes from.
    basis: String,
    /// Controls implementing the measure: a rule listing one of them (or a
    /// child) evidences the NIS2 measure.
    #[serde(default)]
    controls: Vec<String>,
    /// Related controls that only partly implement it; not used to derive rule references.
    #[serde(default)]
    see_also: Vec<String>,
}

fn crosswalk() -> Crosswalk {
    match toml::from_str(include_str!("../data/crosswalk.toml")) {
        Ok(c) => c,
        Err(e) => panic!("data/crosswalk.toml does not parse: {e}"),
    }
}

#[test]
fn crosswalk_links_resolve() {
    let nis2 = rampart_frameworks::framework("nis2").expect("nis2 catalogue");
    let cw = crosswalk();
    let mut seen = BTreeSet::new();
    for l in &cw.links {
        assert!(
            nis2.control(&l.nis2).is_some(),
            "crosswalk: unknown nis2:{}",
            l.nis2
        );
        assert!(
            seen.insert(l.nis2.as_str()),
            "crosswalk: nis2:{} twice",
            l.nis2
        );
        assert!(
            !l.basis.trim().is_empty(),
            "crosswalk nis2:{}: no basis",
            l.nis2
        );
        for x in l.controls.iter().chain(&l.see_also) {
            assert!(
                control(x).is_some(),
                "crosswalk nis2:{}: unknown {x}",
                l.nis2
            );
            assert!(
                !x.starts_with("nis2:"),
                "crosswalk nis2:{}: links to nis2",
                l.nis2
            );
        }
    }
}

/// The NIS2 references each rule gains from the crosswalk, printed with
/// `cargo test -p rampart_frameworks --test coverage -- --nocapture crosswalk_derived`.
#[test]
fn crosswalk_derived_rule_references() {
    let cw = crosswalk();
    let mut derived: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for (rule, x) in references() {
        let Some((fw, c)) = x.split_once(':') else {
            continue;
        };
        for l in &cw.links {
            let hit = l.controls.iter().any(|t| {
                t.split_once(':')
                    .is_some_and(|(tf, tc)| tf.eq_ignore_ascii_case(fw) && is_under(c, tc))
            });
            if hit {
                derived.entry(rule.clone()).or_default().insert(&l.nis2);
            }
        }
    }
    // Group rules with the same NIS2 set.
    let mut groups: BTreeMap<Vec<&str>, Vec<&str>> = BTreeMap::new();
    for (rule, set) in &derived {
        groups
            .entry(set.iter().copied().collect())
            .or_default()
            .push(rule);
    }
    for (set, rules) in &groups {
        let controls: Vec<String> = set.iter().map(|c| format!("nis2:{c}")).collect();
        println!("{} -> {}", rules.join(" "), controls.join(" "));
    }
    assert!(
        !derived.is_empty(),
        "the crosswalk derives no NIS2 reference"
    );
}
