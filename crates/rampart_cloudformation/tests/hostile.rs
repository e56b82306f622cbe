//! Bad input: every case gives a clear diagnostic with a place, never a panic,
//! and what can still be read is evaluated.

use proptest::prelude::*;
use rampart_cloudformation::{detect, evaluate_text, load_template, Options, MAX_TEMPLATE_BYTES};
use rampart_model::{Diagnostic, Level};
use rampart_source::{FileId, SourceMap};

fn load_file(name: &str, bytes: &[u8]) -> (rampart_cloudformation::Evaluation, SourceMap) {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).expect("write");
    let sources = SourceMap::new();
    let ev = load_template(&p, &sources, &Options::default());
    (ev, sources)
}

fn has(d: &[Diagnostic], code: &str) -> bool {
    d.iter().any(|x| x.code == code)
}

fn line_of(sources: &SourceMap, d: &[Diagnostic], code: &str) -> Option<usize> {
    d.iter()
        .find(|x| x.code == code)
        .and_then(|x| x.span)
        .and_then(|s| sources.locate(s))
        .map(|l| l.start.line)
}

#[test]
fn billion_laughs_is_capped_and_the_rest_evaluated() {
    let mut src = String::from("Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n");
    src.push_str("Metadata:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        src.push_str(&format!("  a{i}: &a{i} [{refs}]\n"));
    }
    let (ev, sources) = load_file("bomb.yaml", src.as_bytes());
    assert!(
        has(&ev.diagnostics, "cfn-alias-budget"),
        "{:?}",
        ev.diagnostics
    );
    assert!(line_of(&sources, &ev.diagnostics, "cfn-alias-budget").is_some());
    assert!(ev
        .resources
        .iter()
        .any(|r| r.address == "aws_sns_topic.Topic"));
}

#[test]
fn deep_nesting_is_capped() {
    let mut src = String::from(
        "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      Tags:\n",
    );
    for i in 0..200 {
        src.push_str(&" ".repeat(8 + i * 2));
        src.push_str("x:\n");
    }
    let (ev, _) = load_file("deep.yaml", src.as_bytes());
    assert!(has(&ev.diagnostics, "cfn-too-deep"), "{:?}", ev.diagnostics);
    assert!(ev
        .resources
        .iter()
        .any(|r| r.address == "aws_sns_topic.Topic"));
    let json = format!("{{\"Resources\": {}1{}}}", "[".repeat(300), "]".repeat(300));
    let (ev, _) = load_file("deep.json", json.as_bytes());
    assert!(has(&ev.diagnostics, "cfn-too-deep"));
}

#[test]
fn aliases_cannot_stack_nesting_past_the_cap() {
    // Each anchor nests the previous one 30 levels deeper.
    let mut src = String::from("Resources:\n  T:\n    Type: AWS::SNS::Topic\nMetadata:\n");
    src.push_str(&format!(
        "  a0: &a0 {}x{}\n",
        "[".repeat(30),
        "]".repeat(30)
    ));
    for i in 1..50 {
        src.push_str(&format!(
            "  a{i}: &a{i} {}*a{}{}\n",
            "[".repeat(30),
            i - 1,
            "]".repeat(30)
        ));
    }
    let (ev, _) = load_file("stack.yaml", src.as_bytes());
    assert!(has(&ev.diagnostics, "cfn-too-deep"), "{:?}", ev.diagnostics);
    assert!(ev.resources.iter().any(|r| r.address == "aws_sns_topic.T"));
}

/// Long chains of conditions, mappings and nested functions stay within a
/// small stack (2 MiB, like a default worker thread).
#[test]
fn long_chains_fit_a_small_stack() {
    let mut src = String::from("Conditions:\n");
    for i in 0..3000 {
        src.push_str(&format!("  C{i}: !Not [!Condition C{}]\n", i + 1));
    }
    src.push_str("  C3000: !Equals [a, a]\nMappings:\n  M:\n");
    for i in 0..3000 {
        src.push_str(&format!(
            "    k{i}:\n      v: !FindInMap [M, k{}, v]\n",
            i + 1
        ));
    }
    src.push_str("Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Condition: C0\n    Properties:\n      TopicName: !FindInMap [M, k0, v]\n      DisplayName: ");
    for _ in 0..60 {
        src.push_str("!Join ['', [");
    }
    src.push('x');
    for _ in 0..60 {
        src.push_str("]]");
    }
    src.push('\n');
    let handle = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let ev = evaluate_text(&src, FileId(0), &Options::default());
            ev.diagnostics.iter().any(|d| d.code == "cfn-too-deep")
        })
        .expect("thread");
    assert!(handle.join().expect("no stack overflow"));
}

#[test]
fn foreach_expansion_is_bounded() {
    let items = (0..5000)
        .map(|i| format!("i{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut src = format!(
        "Transform: AWS::LanguageExtensions\nMetadata:\n  big: &big [{}]\nResources:\n  Fn::ForEach::A:\n    - X\n    - [{items}]\n    - '${{X}}T':\n        Type: AWS::SNS::Topic\n        Properties:\n          Tags: *big\n",
        vec!["x"; 5000].join(", ")
    );
    src.push_str("  Plain:\n    Type: AWS::SQS::Queue\n");
    let ev = evaluate_text(&src, FileId(0), &Options::default());
    assert!(ev.resources.len() <= 2_001, "{}", ev.resources.len());
    assert!(ev.diagnostics.iter().any(|d| d.code == "cfn-foreach"));
    assert!(ev
        .resources
        .iter()
        .any(|r| r.address == "aws_sqs_queue.Plain"));
}

#[test]
fn duplicate_keys_are_reported_with_their_line() {
    let src = "Resources:\n  T:\n    Type: AWS::SNS::Topic\n  T:\n    Type: AWS::SQS::Queue\n";
    let (ev, sources) = load_file("dup.yaml", src.as_bytes());
    assert_eq!(
        line_of(&sources, &ev.diagnostics, "cfn-duplicate-key"),
        Some(4)
    );
    assert!(ev.resources.iter().any(|r| r.address == "aws_sqs_queue.T"));
    let (ev, _) = load_file(
        "dup.json",
        br#"{"Resources": {"T": {"Type": "AWS::SNS::Topic"}, "T": {"Type": "AWS::SQS::Queue"}}}"#,
    );
    assert!(has(&ev.diagnostics, "cfn-duplicate-key"));
}

#[test]
fn unknown_tags_make_unknown_values() {
    let src = "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: !Bogus x\n";
    let (ev, sources) = load_file("tag.yaml", src.as_bytes());
    assert_eq!(
        line_of(&sources, &ev.diagnostics, "cfn-unknown-tag"),
        Some(5)
    );
    let t = ev.resources.iter().find(|r| r.name == "T").expect("topic");
    assert!(t
        .body
        .attr("kms_master_key_id")
        .is_some_and(|a| a.value.is_unknown()));
}

#[test]
fn syntax_errors_point_at_a_line_and_keep_earlier_resources() {
    let src = "Resources:\n  A:\n    Type: AWS::SNS::Topic\n  B:\n    Type: [unclosed\n";
    let (ev, sources) = load_file("broken.yaml", src.as_bytes());
    let d = ev
        .diagnostics
        .iter()
        .find(|d| d.code == "cfn-parse-error")
        .expect("error");
    assert_eq!(d.level, Level::Error);
    assert!(d.span.and_then(|s| sources.locate(s)).is_some());
    assert!(ev.resources.iter().any(|r| r.address == "aws_sns_topic.A"));
}

#[test]
fn oversized_non_utf8_and_binary_files() {
    let big = vec![b'#'; MAX_TEMPLATE_BYTES + 1];
    let (ev, _) = load_file("big.yaml", &big);
    assert!(has(&ev.diagnostics, "cfn-too-large"));
    assert!(ev.diagnostics.iter().all(|d| d.path.is_some()));

    let (ev, _) = load_file("latin1.yaml", b"Resources:\n  A:\n    Type: caf\xe9\n");
    let d = ev
        .diagnostics
        .iter()
        .find(|d| d.code == "cfn-not-utf8")
        .expect("utf8");
    assert_eq!(d.line, Some(3));

    let (ev, _) = load_file("bin.yaml", b"\x7fELF\x00\x01\x02");
    assert!(has(&ev.diagnostics, "cfn-binary"));
    assert!(!detect("AWSTemplateFormatVersion\0"));
}

#[test]
fn odd_but_valid_shapes_do_not_panic() {
    for src in [
        "",
        "---\n",
        "[]",
        "Resources: 3",
        "Resources:\n  A: 1\n",
        "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: [1]\n",
        "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption: 1\n      VersioningConfiguration: [x]\n",
        "Resources:\n  A:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      SecurityGroupIngress: !Ref Nope\n",
        "Conditions:\n  C: !Condition C\nResources:\n  A:\n    Type: AWS::SNS::Topic\n    Condition: C\n",
        "Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      X: !Select [99, [a]]\n      Y: !Sub [1, 2]\n      Z: !Cidr [x, y, z]\n      W: !FindInMap [a]\n",
        "Resources:\n  A:\n    Type: AWS::SNS::Topic\n---\nResources: {}\n",
        "Mappings:\n  M:\n    a:\n      b: !FindInMap [M, a, b]\nResources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !FindInMap [M, a, b]\n",
        "Conditions:\n  C: !Equals [!FindInMap [M, a, b], x]\nMappings:\n  M:\n    a:\n      b: !If [C, 1, 2]\nResources:\n  A:\n    Type: AWS::SNS::Topic\n    Condition: C\n",
        "{\"Resources\": {\"A\": {\"Type\": \"AWS::SNS::Topic\"}}} trailing",
    ] {
        let ev = evaluate_text(src, FileId(0), &Options::default());
        let _ = detect(src);
        let _ = ev.resources.len();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_text_never_panics(s in "\\PC{0,300}") {
        let _ = detect(&s);
        let _ = evaluate_text(&s, FileId(0), &Options::default());
    }

    #[test]
    fn random_yamlish_never_panics(s in "[A-Za-z:!&*<>{}\\[\\],'\"\\-\\n #|.$]{0,400}") {
        let _ = detect(&s);
        let _ = evaluate_text(&s, FileId(0), &Options::default());
        let j = format!("{{{s}");
        let _ = evaluate_text(&j, FileId(0), &Options::default());
    }

    #[test]
    fn mutated_templates_never_panic(cut in 0usize..600, junk in "[\\[\\]{}:!*&\\n -]{0,5}") {
        let base = "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  P: {Type: String, Default: x}\nConditions:\n  C: !Equals [!Ref P, x]\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Condition: C\n    Properties:\n      BucketName: !Sub '${P}-${AWS::Region}'\n      Tags: [{Key: k, Value: !If [C, a, !Ref AWS::NoValue]}]\n  K:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy: {Statement: [{Effect: Allow, Principal: '*', Action: 'kms:*', Resource: !GetAtt B.Arn}]}\n";
        let cut = cut.min(base.len());
        let cut = (0..=cut).rev().find(|i| base.is_char_boundary(*i)).unwrap_or(0);
        let s = format!("{}{}{}", &base[..cut], junk, &base[cut..]);
        let _ = evaluate_text(&s, FileId(0), &Options::default());
    }
}
