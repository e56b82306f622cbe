//! `iam::render` / `iam::render_minified` against the JSON the AWS provider
//! rendered for every `aws_iam_policy_document` in the recorded corpus, and
//! `iam::parse_policy` on recorded policies.

use std::path::{Path, PathBuf};

use rampart_model::Span;
use rampart_terraform::iam::{self, Effect, Principals};
use rampart_terraform::plan::body_from_values;
use serde_json::Value as J;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn expected(case: &str) -> J {
    let p = corpus().join(case).join("expected.json");
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// All resources of a module tree (`root_module` shaped).
fn all_resources(m: &J, out: &mut Vec<J>) {
    if let Some(J::Array(rs)) = m.get("resources") {
        out.extend(rs.iter().cloned());
    }
    if let Some(J::Array(cs)) = m.get("child_modules") {
        for c in cs {
            all_resources(c, out);
        }
    }
}

/// (case, address, values) of every policy document the provider rendered.
fn recorded_documents() -> Vec<(String, String, J)> {
    let mut out = Vec::new();
    let mut cases: Vec<_> = std::fs::read_dir(corpus())
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    cases.sort();
    for dir in cases {
        if !dir.join("expected.json").is_file() {
            continue;
        }
        let case = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let exp = expected(&case);
        let mut rs = Vec::new();
        if let Some(root) = exp.get("prior_state").and_then(|p| p.get("root_module")) {
            all_resources(root, &mut rs);
        }
        for r in rs {
            if r.get("type").and_then(J::as_str) == Some("aws_iam_policy_document") {
                let addr = r
                    .get("address")
                    .and_then(J::as_str)
                    .unwrap_or_default()
                    .to_string();
                out.push((
                    case.clone(),
                    addr,
                    r.get("values").cloned().unwrap_or(J::Null),
                ));
            }
        }
    }
    out
}

#[test]
fn render_matches_provider_output() {
    let docs = recorded_documents();
    assert!(
        docs.len() >= 15,
        "expected many recorded documents, got {}",
        docs.len()
    );
    let mut failures = Vec::new();
    for (case, addr, values) in &docs {
        let body = body_from_values(
            "aws_iam_policy_document",
            values,
            &J::Null,
            &J::Null,
            Span::default(),
            addr,
        );
        let want = values.get("json").and_then(J::as_str).unwrap_or_default();
        let want_min = values
            .get("minified_json")
            .and_then(J::as_str)
            .unwrap_or_default();
        match iam::render(&body) {
            Some(got) if got == want => {}
            got => failures.push(format!(
                "{case} {addr}: json\n--- want\n{want}\n--- got\n{got:?}"
            )),
        }
        match iam::render_minified(&body) {
            Some(got) if got == want_min => {}
            got => failures.push(format!(
                "{case} {addr}: minified\n  want {want_min}\n  got  {got:?}"
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn render_is_none_when_a_value_is_unknown() {
    let values = serde_json::json!({
        "statement": [{"actions": ["s3:GetObject"], "resources": [null]}]
    });
    let unknown = serde_json::json!({"statement": [{"resources": [true]}]});
    let body = body_from_values(
        "aws_iam_policy_document",
        &values,
        &unknown,
        &J::Null,
        Span::default(),
        "data.aws_iam_policy_document.x",
    );
    assert_eq!(iam::render(&body), None);
    // The same document with the value known renders.
    let values = serde_json::json!({
        "statement": [{"actions": ["s3:GetObject"], "resources": ["arn:aws:s3:::b/*"]}]
    });
    let body = body_from_values(
        "aws_iam_policy_document",
        &values,
        &J::Null,
        &J::Null,
        Span::default(),
        "x",
    );
    let got = iam::render(&body).unwrap_or_default();
    assert!(got.contains("\"Resource\": \"arn:aws:s3:::b/*\""), "{got}");
    assert!(got.contains("\"Effect\": \"Allow\""), "{got}");
}

#[test]
fn render_rejects_duplicate_sids_and_bad_sources() {
    let values = serde_json::json!({
        "statement": [{"sid": "A", "actions": ["a:b"]}, {"sid": "A", "actions": ["a:c"]}]
    });
    let body = body_from_values(
        "aws_iam_policy_document",
        &values,
        &J::Null,
        &J::Null,
        Span::default(),
        "x",
    );
    assert_eq!(iam::render(&body), None);
    let values = serde_json::json!({"source_policy_documents": ["{not json"]});
    let body = body_from_values(
        "aws_iam_policy_document",
        &values,
        &J::Null,
        &J::Null,
        Span::default(),
        "x",
    );
    assert_eq!(iam::render(&body), None);
}

fn planned_attr(case: &str, address: &str, attr: &str) -> String {
    let exp = expected(case);
    let mut rs = Vec::new();
    if let Some(root) = exp.get("planned_values").and_then(|p| p.get("root_module")) {
        all_resources(root, &mut rs);
    }
    rs.iter()
        .find(|r| r.get("address").and_then(J::as_str) == Some(address))
        .and_then(|r| r.get("values"))
        .and_then(|v| v.get(attr))
        .and_then(J::as_str)
        .unwrap_or_else(|| panic!("{case}: {address}.{attr} not recorded"))
        .to_string()
}

#[test]
fn parse_jsonencoded_policy() {
    let text = planned_attr(
        "45-iam-jsonencode-heredoc",
        "aws_iam_policy.jsonencoded",
        "policy",
    );
    let p = iam::parse_policy(&text).expect("policy parses");
    assert_eq!(p.version.as_deref(), Some("2012-10-17"));
    assert_eq!(p.statements.len(), 2);
    let first = &p.statements[0];
    assert_eq!(first.sid.as_deref(), Some("AllowAll"));
    assert_eq!(first.effect, Effect::Allow);
    assert_eq!(first.actions, vec!["*"]);
    assert!(first.has_wildcard_action() && first.has_wildcard_resource());
    let second = &p.statements[1];
    assert_eq!(second.resources, vec!["arn:aws:s3:::b/*"]);
    let pr = second.principals.as_ref().expect("principal");
    assert_eq!(pr.of_type("AWS"), ["arn:aws:iam::123456789012:root"]);
    assert!(!pr.includes_everyone());
    assert_eq!(second.conditions.len(), 1);
    assert_eq!(second.conditions[0].operator, "Bool");
    assert_eq!(second.conditions[0].key, "aws:SecureTransport");
    assert_eq!(second.conditions[0].values, vec!["true"]);
}

#[test]
fn parse_heredoc_and_file_policies() {
    let text = planned_attr(
        "45-iam-jsonencode-heredoc",
        "aws_iam_policy.heredoc",
        "policy",
    );
    let p = iam::parse_policy(&text).expect("heredoc parses");
    assert_eq!(p.statements[0].actions, vec!["ec2:Describe*"]);
    assert!(p.statements[0].covers_action("ec2:DescribeInstances"));
    assert!(!p.statements[0].covers_action("ec2:RunInstances"));
    let text = planned_attr(
        "45-iam-jsonencode-heredoc",
        "aws_iam_policy.from_file",
        "policy",
    );
    let p = iam::parse_policy(&text).expect("file policy parses");
    assert_eq!(p.statements[0].actions, vec!["kms:Decrypt", "kms:Encrypt"]);
    let text = planned_attr("45-iam-jsonencode-heredoc", "aws_sqs_queue.q", "policy");
    let p = iam::parse_policy(&text).expect("queue policy parses");
    assert_eq!(p.statements[0].principals, Some(Principals::Everyone));
}

#[test]
fn parse_provider_rendered_documents() {
    // Every document the provider rendered parses, and the normalised form
    // agrees with the original JSON on statement count and wildcard principals.
    for (case, addr, values) in recorded_documents() {
        let text = values.get("json").and_then(J::as_str).unwrap_or_default();
        let p = iam::parse_policy(text).unwrap_or_else(|| panic!("{case} {addr}: parse"));
        let raw: J = serde_json::from_str(text).unwrap_or(J::Null);
        let n = raw
            .get("Statement")
            .and_then(J::as_array)
            .map_or(0, Vec::len);
        assert_eq!(p.statements.len(), n, "{case} {addr}");
        for (st, raw_st) in p.statements.iter().zip(
            raw.get("Statement")
                .and_then(J::as_array)
                .into_iter()
                .flatten(),
        ) {
            let star = raw_st.get("Principal") == Some(&J::String("*".into()));
            assert_eq!(
                st.principals == Some(Principals::Everyone),
                star,
                "{case} {addr}"
            );
        }
    }
    // Shapes from case 41: a public "*" principal and {"AWS": "*"}.
    let docs = recorded_documents();
    let find = |addr: &str| {
        docs.iter()
            .find(|(_, a, _)| a == addr)
            .and_then(|(_, _, v)| v.get("json").and_then(J::as_str))
            .and_then(iam::parse_policy)
            .unwrap_or_else(|| panic!("{addr}"))
    };
    let public = find("data.aws_iam_policy_document.public");
    assert!(public.statements[0]
        .principals
        .as_ref()
        .is_some_and(Principals::includes_everyone));
    let aws_star = find("data.aws_iam_policy_document.aws_star");
    let pr = aws_star.statements[0]
        .principals
        .clone()
        .expect("principal");
    assert!(pr.includes_everyone());
    assert_ne!(pr, Principals::Everyone);
    let cond = find("data.aws_iam_policy_document.cond");
    assert_eq!(cond.statements[1].conditions.len(), 4);
    assert_eq!(cond.statements[0].effect, Effect::Deny);
}

#[test]
fn parse_policy_shapes() {
    // A single statement object, lowercase keys, numbers and booleans in conditions.
    let p = iam::parse_policy(
        r#"{"version": "2012-10-17", "statement": {"effect": "Deny", "notaction": "s3:*",
            "resource": "*", "condition": {"NumericLessThan": {"s3:max-keys": 10}}}}"#,
    )
    .expect("parses");
    assert_eq!(p.statements.len(), 1);
    assert_eq!(p.statements[0].effect, Effect::Deny);
    assert_eq!(p.statements[0].not_actions, vec!["s3:*"]);
    assert!(!p.statements[0].covers_action("s3:GetObject"));
    assert!(p.statements[0].covers_action("ec2:RunInstances"));
    assert_eq!(p.statements[0].conditions[0].values, vec!["10"]);
    assert!(iam::parse_policy("not json").is_none());
    assert!(iam::parse_policy("[1, 2]").is_none());
    assert!(iam::parse_policy(r#"{"Statement": 5}"#).is_none());
    // Round trip through serde.
    let j = serde_json::to_string(&p).expect("serialises");
    let back: iam::Policy = serde_json::from_str(&j).expect("deserialises");
    assert_eq!(back, p);
}

#[test]
fn policy_variables_and_versions() {
    let doc = |version: &str, resource: &str| {
        let values = serde_json::json!({
            "version": version,
            "statement": [{"actions": ["s3:GetObject"], "resources": [resource]}]
        });
        let body = body_from_values(
            "aws_iam_policy_document",
            &values,
            &J::Null,
            &J::Null,
            Span::default(),
            "x",
        );
        iam::render(&body)
    };
    // &{...} is the provider's spelling of a policy variable; it becomes ${...}.
    let got = doc("2012-10-17", "arn:aws:s3:::b/&{aws:username}/*").unwrap_or_default();
    assert!(
        got.contains(r#""Resource": "arn:aws:s3:::b/${aws:username}/*""#),
        "{got}"
    );
    // Version 2008-10-17 has no policy variables: the provider refuses &{.
    assert_eq!(doc("2008-10-17", "arn:aws:s3:::b/&{aws:username}/*"), None);
    let got = doc("2008-10-17", "arn:aws:s3:::b/*").unwrap_or_default();
    assert!(
        got.starts_with("{\n  \"Version\": \"2008-10-17\","),
        "{got}"
    );
}
