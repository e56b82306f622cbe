use super::*;
use std::collections::HashSet;

fn fw(id: &str) -> &'static Framework {
    match framework(id) {
        Some(f) => f,
        None => panic!("framework {id} missing"),
    }
}

fn ids(f: &Framework) -> Vec<&str> {
    f.iter().map(|c| c.id.as_str()).collect()
}

fn count(f: &Framework, pred: impl Fn(&str) -> bool) -> usize {
    f.iter().filter(|c| pred(&c.id)).count()
}

fn is_num(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `n.n`, `n.n.n`, ... with `parts` numeric parts.
fn dotted(id: &str, parts: usize) -> bool {
    let v: Vec<&str> = id.split('.').collect();
    v.len() == parts && v.iter().all(|p| is_num(p))
}

#[test]
fn every_catalogue_parses() {
    for (name, text) in SOURCES {
        if let Err(e) = parse(text) {
            panic!("data/{name}.toml does not parse: {e}");
        }
    }
    assert_eq!(all().len(), SOURCES.len());
}

#[test]
fn framework_ids_unique_and_resolvable() {
    let mut seen = HashSet::new();
    for f in all() {
        assert!(
            seen.insert(f.id.to_ascii_lowercase()),
            "duplicate framework {}",
            f.id
        );
        assert!(!f.id.contains(':') && !f.id.contains(char::is_whitespace));
        assert!(!f.name.trim().is_empty() && !f.version.trim().is_empty());
        assert!(!f.is_empty(), "{} has no controls", f.id);
        assert!(std::ptr::eq(fw(&f.id), f));
    }
}

#[test]
fn control_ids_unique_within_framework() {
    for f in all() {
        let mut seen = HashSet::new();
        for c in f {
            assert!(
                seen.insert(c.id.as_str()),
                "{}: duplicate id {}",
                f.id,
                c.id
            );
            assert!(
                !c.id.is_empty() && !c.id.contains(char::is_whitespace) && !c.id.contains(':'),
                "{}: bad id {:?}",
                f.id,
                c.id
            );
        }
    }
}

#[test]
fn titles_and_manual_text_are_sane() {
    for f in all() {
        for c in f {
            let t = &c.title;
            assert!(!t.trim().is_empty(), "{}:{} empty title", f.id, c.id);
            assert_eq!(t.trim(), t, "{}:{} title has outer whitespace", f.id, c.id);
            assert!(
                t.chars().count() <= 160,
                "{}:{} title longer than 160 characters",
                f.id,
                c.id
            );
            if let Some(m) = &c.manual {
                assert!(
                    m.trim().len() >= 10,
                    "{}:{} manual evidence too vague",
                    f.id,
                    c.id
                );
            }
        }
    }
}

#[test]
fn kinds() {
    let policies: Vec<&str> = policies().map(|f| f.id.as_str()).collect();
    assert_eq!(
        policies,
        [
            "ENG-POL-003-SOC2",
            "ENG-POL-003-HIPAA",
            "OP-POL-001",
            "CSF",
            "SIAC"
        ]
    );
    let standards: Vec<&str> = standards().map(|f| f.id.as_str()).collect();
    assert_eq!(
        standards,
        [
            "soc2",
            "hipaa",
            "iso27001",
            "nist-csf",
            "pci-dss",
            "cis-controls",
            "cis-aws",
            "nis2"
        ]
    );
    assert!(fw("SIAC").is_policy() && !fw("soc2").is_policy());
    assert_eq!(Kind::Policy.to_string(), "policy");
}

#[test]
fn soc2_counts() {
    let f = fw("soc2");
    let per = |p: &str| count(f, |id| id.starts_with(p));
    assert_eq!(per("CC"), 33);
    for (series, n) in [
        ("CC1", 5),
        ("CC2", 3),
        ("CC3", 4),
        ("CC4", 2),
        ("CC5", 3),
        ("CC6", 8),
        ("CC7", 5),
        ("CC8", 1),
        ("CC9", 2),
        ("A1", 3),
        ("C1", 2),
        ("PI1", 5),
    ] {
        assert_eq!(f.under(series).count(), n, "soc2 {series}");
    }
    assert_eq!(per("P") - per("PI"), 18);
    assert_eq!(f.len(), 61);
    // Control environment criteria are organisational: always manual.
    assert!(f.under("CC1").all(Control::is_manual));
    assert!(!f.control("CC6.1").is_some_and(Control::is_manual));
}

#[test]
fn hipaa_counts() {
    let f = fw("hipaa");
    let per = |p: &str| count(f, |id| id.starts_with(p));
    assert_eq!(per("164.308"), 31);
    assert_eq!(per("164.310"), 12);
    assert_eq!(per("164.312"), 12);
    assert_eq!(per("164.316"), 5);
    assert_eq!(f.len(), 60);
    for id in [
        "164.308(a)(1)",
        "164.308(a)(1)(ii)(A)",
        "164.308(a)(7)(ii)(A)",
        "164.312(a)(1)",
        "164.312(a)(2)(iv)",
        "164.312(b)",
        "164.312(e)(1)",
        "164.312(e)(2)(ii)",
        "164.316(b)(2)(iii)",
    ] {
        assert!(f.control(id).is_some(), "hipaa {id}");
    }
    // Physical safeguards cannot be evidenced from code.
    assert!(f.under("164.310").all(Control::is_manual));
}

#[test]
fn iso27001_has_all_93_annex_a_controls() {
    let f = fw("iso27001");
    assert_eq!(f.len(), 93);
    let mut expected = Vec::new();
    for (theme, n) in [(5, 37), (6, 8), (7, 14), (8, 34)] {
        for i in 1..=n {
            expected.push(format!("A.{theme}.{i}"));
        }
    }
    assert_eq!(ids(f), expected);
    assert!(f.under("A.6").all(Control::is_manual));
    assert!(f.under("A.7").all(Control::is_manual));
}

#[test]
fn nist_csf_categories_and_subcategories() {
    let f = fw("nist-csf");
    let is_fn = |id: &str| id.len() == 2 && id.bytes().all(|b| b.is_ascii_uppercase());
    let is_cat = |id: &str| {
        let b = id.as_bytes();
        id.len() == 5 && b[2] == b'.' && is_fn(&id[..2]) && is_fn(&id[3..])
    };
    let is_sub = |id: &str| {
        id.split_once('-')
            .is_some_and(|(cat, n)| is_cat(cat) && n.len() == 2 && is_num(n))
    };
    assert_eq!(count(f, is_fn), 6);
    assert_eq!(count(f, is_cat), 22);
    assert_eq!(count(f, is_sub), 106);
    assert_eq!(f.len(), 6 + 22 + 106);
    for (cat, n) in [
        ("GV.OC", 5),
        ("GV.RM", 7),
        ("GV.RR", 4),
        ("GV.PO", 2),
        ("GV.OV", 3),
        ("GV.SC", 10),
        ("ID.AM", 7),
        ("ID.RA", 10),
        ("ID.IM", 4),
        ("PR.AA", 6),
        ("PR.AT", 2),
        ("PR.DS", 4),
        ("PR.PS", 6),
        ("PR.IR", 4),
        ("DE.CM", 5),
        ("DE.AE", 6),
        ("RS.MA", 5),
        ("RS.AN", 4),
        ("RS.CO", 2),
        ("RS.MI", 2),
        ("RC.RP", 6),
        ("RC.CO", 2),
    ] {
        assert_eq!(f.under(cat).count(), n + 1, "nist-csf {cat}");
    }
    for id in [
        "GV.OC-01", "PR.DS-01", "PR.DS-11", "PR.AA-05", "DE.CM-01", "RC.CO-04", "PR.DS",
    ] {
        assert!(f.control(id).is_some(), "nist-csf {id}");
    }
    assert!(f.control("PR.DS-03").is_none(), "withdrawn in 2.0");
}

#[test]
fn pci_dss_requirements() {
    let f = fw("pci-dss");
    assert_eq!(count(f, is_num), 12);
    assert_eq!(count(f, |id| dotted(id, 2)), 63);
    assert_eq!(count(f, |id| dotted(id, 3)), 205);
    assert_eq!(count(f, |id| dotted(id, 4) || dotted(id, 5)), 45);
    assert_eq!(f.len(), 325);
    // Every principal requirement has its x.y.z requirements.
    for req in 1..=12 {
        let p = format!("{req}.");
        assert!(
            count(f, |id| dotted(id, 3) && id.starts_with(&p)) > 0,
            "pci {req}"
        );
    }
    for (req, n) in [
        ("1", 24),
        ("2", 14),
        ("3", 36),
        ("4", 8),
        ("5", 17),
        ("6", 24),
        ("7", 15),
        ("8", 35),
        ("9", 32),
        ("10", 34),
        ("11", 27),
        ("12", 47),
    ] {
        // x.y and deeper ids under requirement `req` (not the requirement itself).
        assert_eq!(f.under(req).count() - 1, n, "pci requirement {req}");
    }
    for id in [
        "1.3.1", "1.4.1", "3.5.1", "8.3.6", "10.2.1", "10.5.1", "12.10.7",
    ] {
        assert!(f.control(id).is_some(), "pci-dss {id}");
    }
    assert!(f.under("9").all(Control::is_manual));
}

#[test]
fn cis_controls_18_controls_153_safeguards() {
    let f = fw("cis-controls");
    assert_eq!(count(f, is_num), 18);
    assert_eq!(count(f, |id| dotted(id, 2)), 153);
    assert_eq!(f.len(), 171);
    let per = [5, 7, 14, 12, 6, 8, 7, 12, 7, 7, 5, 8, 11, 9, 7, 14, 9, 5];
    for (i, n) in per.iter().enumerate() {
        let c = (i + 1).to_string();
        for s in 1..=*n {
            assert!(f.control(&format!("{c}.{s}")).is_some(), "cis {c}.{s}");
        }
        assert_eq!(f.under(&c).count(), n + 1, "cis control {c}");
    }
    assert_eq!(per.iter().sum::<usize>(), 153);
}

#[test]
fn cis_aws_v3_recommendations() {
    let f = fw("cis-aws");
    let recs: Vec<&str> = ids(f)
        .into_iter()
        .filter(|id| {
            // Section and subsection headings are not recommendations.
            !is_num(id) && !["2.1", "2.2", "2.3", "2.4"].contains(id)
        })
        .collect();
    assert_eq!(recs.len(), 62);
    assert_eq!(recs.first(), Some(&"1.1"));
    assert_eq!(recs.last(), Some(&"5.6"));
    for (sec, n) in [("1", 22), ("3", 9), ("4", 16), ("5", 6)] {
        assert_eq!(f.under(sec).count() - 1, n, "cis-aws section {sec}");
    }
    assert_eq!(recs.iter().filter(|id| id.starts_with("2.")).count(), 9);
    for id in ["1.4", "1.5", "1.6", "1.7", "1.10", "1.14"] {
        assert!(
            f.control(id).is_some_and(Control::is_manual),
            "cis-aws {id} manual"
        );
    }
    assert!(!f.control("2.1.4").is_some_and(Control::is_manual));
}

#[test]
fn nis2_measures() {
    let f = fw("nis2");
    for letter in 'a'..='j' {
        assert!(
            f.control(&format!("21.2.{letter}")).is_some(),
            "nis2 21.2.{letter}"
        );
    }
    for id in ["20", "21.1", "23"] {
        assert!(f.control(id).is_some(), "nis2 {id}");
    }
    assert_eq!(f.len(), 14);
}

#[test]
fn policy_sections() {
    let soc2 = fw("ENG-POL-003-SOC2");
    for s in ["3.1", "3.2", "3.3", "3.4", "3.5"] {
        assert!(soc2.control(s).is_some(), "ENG-POL-003-SOC2 {s}");
    }
    let hipaa = fw("ENG-POL-003-HIPAA");
    for major in 1..=8 {
        for s in [
            format!("3.{major}"),
            format!("3.{major}.1"),
            format!("3.{major}.2"),
        ] {
            assert!(hipaa.control(&s).is_some(), "ENG-POL-003-HIPAA {s}");
        }
    }
    assert_eq!(hipaa.under("3").count(), 24);
    let op = fw("OP-POL-001");
    for s in ["3.1", "3.2", "3.3", "3.4"] {
        assert!(op.control(s).is_some(), "OP-POL-001 {s}");
    }
    let csf = fw("CSF");
    assert_eq!(ids(csf), ["1", "2", "3", "4", "5", "6"]);
    let siac = fw("SIAC");
    assert_eq!(count(siac, is_num), 10);
    for major in 1..=10 {
        assert_eq!(siac.under(&major.to_string()).count(), 4, "SIAC {major}");
    }
    // Procedural sections say what evidence to attach.
    assert!(hipaa.control("3.2.2").is_some_and(Control::is_manual));
    assert!(hipaa.control("3.7.2").is_some_and(Control::is_manual));
    assert!(policies().all(|p| p.manual_controls().count() > 0 || p.id == "CSF"));
}

#[test]
fn every_standard_marks_organisational_controls_manual() {
    for f in standards() {
        assert!(
            f.manual_controls().count() > 0,
            "{} has no manual controls",
            f.id
        );
        assert!(
            f.manual_controls().count() < f.len(),
            "{} has only manual controls",
            f.id
        );
    }
}

#[test]
fn lookup_by_reference() {
    let (f, c) = control("soc2:CC6.1").expect("CC6.1 present");
    assert_eq!(f.id, "soc2");
    assert!(!c.title.is_empty());
    assert_eq!(f.reference(c), "soc2:CC6.1");
    assert!(control("soc2:CC99.9").is_none());
    assert!(control("nope").is_none());
    assert!(control("soc2:").is_none());
    assert!(control(":CC6.1").is_none());
    assert!(control("soc2: CC6.1").is_none());
    assert!(control("SOC2:CC6.1").is_some(), "framework ids ignore case");
    assert!(control("soc2:cc6.1").is_none(), "control ids are exact");
    let r = ControlRef::parse("hipaa:164.312(e)(2)(ii)").expect("parses");
    assert_eq!(r.framework, "hipaa");
    assert_eq!(r.to_string(), "hipaa:164.312(e)(2)(ii)");
    assert!(r.resolve().is_some());
}

#[test]
fn references_used_by_rules_resolve() {
    for r in [
        "soc2:CC6.1",
        "soc2:A1.2",
        "pci-dss:10.5.1",
        "pci-dss:1.4.1",
        "nist-csf:PR.DS-11",
        "nist-csf:PR.AA-05",
        "iso27001:A.8.3",
        "iso27001:A.8.13",
        "hipaa:164.312(a)(1)",
        "hipaa:164.308(a)(7)(ii)(A)",
        "cis-controls:3.3",
        "cis-controls:11.2",
        "cis-aws:2.1.4",
        "ENG-POL-003-SOC2:3.5",
        "ENG-POL-003-SOC2:3.2",
        "ENG-POL-003-HIPAA:3.7.1",
        "ENG-POL-003-HIPAA:3.3.1",
        "ENG-POL-003-HIPAA:3.4.1",
        "OP-POL-001:3.2",
        "CSF:4",
        "SIAC:8.1",
        "nis2:21.2.h",
    ] {
        assert!(control(r).is_some(), "{r} does not resolve");
    }
}

#[test]
fn under_respects_id_boundaries() {
    let f = fw("cis-controls");
    assert!(f.under("1").all(|c| c.id == "1" || c.id.starts_with("1.")));
    assert!(f.under("").next().is_none());
}
