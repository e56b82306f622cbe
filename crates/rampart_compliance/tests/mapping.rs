use rampart_compliance::input::builtin_rules;
use rampart_compliance::{assess, ControlStatus, Mapping};

const EXAMPLE: &str = include_str!("../examples/eng-pol-003.toml");

#[test]
fn example_policy_parses_and_every_reference_resolves() {
    let m = Mapping::parse(EXAMPLE).expect("example mapping parses");
    assert_eq!(m.policy.id, "ENG-POL-003");
    assert!(m.sections.len() >= 10);
    let unresolved = m.unresolved(&builtin_rules());
    assert!(unresolved.is_empty(), "{unresolved:#?}");
    let fw = m.to_framework();
    assert_eq!(fw.len(), m.sections.len());
    assert!(fw.is_policy());
}

#[test]
fn example_policy_assesses_the_fixture_in_its_own_words() {
    let m = Mapping::parse(EXAMPLE).unwrap();
    let opts = rampart_engine::ScanOptions {
        paths: vec![std::path::PathBuf::from("tests/fixtures/infra")],
        today: "2026-06-01".into(),
        ..rampart_engine::ScanOptions::default()
    };
    let report = rampart_engine::scan(&opts);
    let a = assess(&report, &m.to_framework(), Some(&m));
    let get = |id: &str| a.controls.iter().find(|c| c.id == id).unwrap();
    // KMS key without rotation and S3 buckets without a CMK fail data protection.
    assert_eq!(get("3.2.c").status, ControlStatus::Failing);
    assert!(get("3.2.c")
        .failing
        .iter()
        .any(|f| f.resource == "aws_kms_key.bad"));
    // The parent rolls its children up.
    assert_eq!(get("3.2").status, ControlStatus::Failing);
    assert_eq!(get("3.3.a").status, ControlStatus::Manual);
    assert_eq!(get("6").status, ControlStatus::Manual);
    // 3.5 has rules and a manual note: assessed from the rules, note kept.
    assert!(get("3.5").manual.is_some());
    assert_ne!(get("3.5").status, ControlStatus::Manual);
    assert_eq!(a.totals.not_covered, 0);
}

#[test]
fn unknown_keys_are_rejected() {
    let e =
        Mapping::parse("[policy]\nid = \"P\"\nname = \"n\"\nowner_email = \"x\"\n").unwrap_err();
    assert!(e.contains("owner_email"), "{e}");
    let e = Mapping::parse(
        "[policy]\nid = \"P\"\nname = \"n\"\n[[section]]\nid = \"1\"\ntitle = \"t\"\nrule = [\"R1\"]\n",
    )
    .unwrap_err();
    assert!(e.contains("rule"), "{e}");
    let e = Mapping::parse("[policy]\nid = \"P\"\nname = \"n\"\n[[sections]]\nid = \"1\"\n")
        .unwrap_err();
    assert!(e.contains("sections"), "{e}");
    let e = Mapping::parse("[policy]\nid = \"P\"\nname = \"n\"\nextra = 1\n").unwrap_err();
    assert!(e.contains("extra"), "{e}");
}

#[test]
fn structural_errors_are_reported() {
    for (text, needle) in [
        ("", "policy"),
        ("[policy]\nid = \"\"\nname = \"n\"\n", "id is empty"),
        ("[policy]\nid = \"P\"\nname = \" \"\n", "name is empty"),
        (
            "[policy]\nid = \"P\"\nname = \"n\"\n[[section]]\nid = \"1\"\ntitle = \"a\"\n[[section]]\nid = \"1\"\ntitle = \"b\"\n",
            "declared twice",
        ),
        (
            "[policy]\nid = \"P\"\nname = \"n\"\n[[section]]\nid = \"1\"\ntitle = \"a\"\ncontrols = [\"CC6.1\"]\n",
            "framework:control",
        ),
        (
            "[policy]\nid = \"P\"\nname = \"n\"\n[[section]]\nid = \"1\"\ntitle = \"a\"\nrules = [\"*\"]\n",
            "empty rule pattern",
        ),
        (
            "[policy]\nid = \"P\"\nname = \"n\"\n[[section]]\nid = \" 1\"\ntitle = \"a\"\n",
            "surrounding spaces",
        ),
        ("[policy]\nid = 3\nname = \"n\"\n", "invalid type"),
        ("not toml at all ][", "mapping file"),
    ] {
        let e = Mapping::parse(text).expect_err(text);
        assert!(e.contains(needle), "{text:?}: {e}");
    }
}

#[test]
fn stale_references_are_listed() {
    let m = Mapping::parse(
        "[policy]\nid = \"P\"\nname = \"n\"\n[[section]]\nid = \"1\"\ntitle = \"a\"\nrules = [\"RMP-NOPE-\"]\ncontrols = [\"soc2:ZZ9\", \"nope:1\", \"soc2:CC6\", \"cis-aws:*\"]\n",
    )
    .unwrap();
    let u = m.unresolved(&builtin_rules());
    assert_eq!(u.len(), 3, "{u:#?}");
}
