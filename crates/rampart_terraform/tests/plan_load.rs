//! Plan and state JSON loading, against full `terraform show -json` outputs and
//! a state file recorded by `scripts/record-terraform-fixtures.sh`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rampart_model::{Level, Origin, Resource, ResourceMode, SourceFormat, Value};
use rampart_source::{FileId, SourceMap};
use rampart_terraform::plan::{self, PlanKind};
use rampart_terraform::Evaluation;
use serde_json::Value as J;

fn case_file(case: &str, file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(case)
        .join(file)
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn find<'a>(ev: &'a Evaluation, address: &str) -> &'a Resource {
    ev.resources
        .iter()
        .find(|r| r.address == address)
        .unwrap_or_else(|| {
            let all: Vec<&str> = ev.resources.iter().map(|r| r.address.as_str()).collect();
            panic!("{address} not loaded; have {all:?}")
        })
}

fn planned_addresses(plan: &J) -> BTreeSet<String> {
    fn walk(m: &J, out: &mut BTreeSet<String>) {
        for r in m
            .get("resources")
            .and_then(J::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(a) = r.get("address").and_then(J::as_str) {
                out.insert(a.to_string());
            }
        }
        for c in m
            .get("child_modules")
            .and_then(J::as_array)
            .into_iter()
            .flatten()
        {
            walk(c, out);
        }
    }
    let mut out = BTreeSet::new();
    if let Some(root) = plan
        .get("planned_values")
        .and_then(|p| p.get("root_module"))
    {
        walk(root, &mut out);
    }
    out
}

#[test]
fn detect_by_content() {
    let plan_text = read(&case_file("33-module-for-each", "plan.json"));
    assert_eq!(plan::detect(&plan_text), Some(PlanKind::Plan));
    let state_text = read(&case_file("76-applied-state", "state.json"));
    assert_eq!(plan::detect(&state_text), Some(PlanKind::State));
    let shown = read(&case_file("76-applied-state", "state_show.json"));
    assert_eq!(plan::detect(&shown), Some(PlanKind::ShowState));
    // The trimmed expected.json has no format_version: not a plan.
    let trimmed = read(&case_file("33-module-for-each", "expected.json"));
    assert_eq!(plan::detect(&trimmed), None);
    assert_eq!(
        plan::detect(r#"{"AWSTemplateFormatVersion": "2010-09-09"}"#),
        None
    );
    assert_eq!(
        plan::detect(r#"{"version": 3, "terraform_version": "0.11", "resources": []}"#),
        None
    );
    assert_eq!(plan::detect("resource \"a\" \"b\" {}"), None);
    assert_eq!(plan::detect(""), None);
}

#[test]
fn plan_addresses_modules_and_spans() {
    let path = case_file("33-module-for-each", "plan.json");
    let text = read(&path);
    let j: J = serde_json::from_str(&text).expect("plan json");
    let sources = SourceMap::new();
    let ev = plan::load_plan(&path, &sources);
    assert!(ev.diagnostics.is_empty(), "{:?}", ev.diagnostics);
    let got: BTreeSet<String> = ev.resources.iter().map(|r| r.address.clone()).collect();
    let want = planned_addresses(&j);
    assert_eq!(got, want);
    assert!(got.len() >= 6, "{got:?}");

    let r = find(&ev, "module.site[\"shop\"].module.cert[1].aws_sqs_queue.q");
    assert_eq!(r.module, "module.site[\"shop\"].module.cert[1]");
    assert_eq!(r.kind, "aws_sqs_queue");
    assert_eq!(r.name, "q");
    assert_eq!(r.mode, ResourceMode::Managed);
    assert_eq!(r.format, SourceFormat::TerraformPlan);
    assert_eq!(r.body.value("name"), Some(&Value::from("cert-shop-1")));

    // The span points at the resource's "address" property in the plan file.
    let file = sources.get(r.span.file).expect("plan registered");
    assert_eq!(file.path, path);
    let slice = file.slice(r.span);
    assert!(slice.starts_with("\"address\""), "{slice}");
    assert!(
        slice.contains(r#"module.site[\"shop\"].module.cert[1].aws_sqs_queue.q"#),
        "{slice}"
    );
    let attr = r.body.attr("name").expect("name attr");
    assert_eq!(attr.span, r.span);

    let root = find(&ev, "aws_sns_topic.t");
    assert_eq!(root.module, "");
    assert_eq!(
        root.body.lookup("tags.blog").map(|l| l.value.clone()),
        Some(Value::from("rampart-site-blog"))
    );
}

#[test]
fn plan_unknown_values_keep_their_resource() {
    let path = case_file("33-module-for-each", "plan.json");
    let ev = plan::load_plan(&path, &SourceMap::new());
    let addr = "module.site[\"blog\"].aws_s3_bucket.site";
    let r = find(&ev, addr);
    let arn = r.body.attr("arn").expect("arn present as unknown");
    assert!(arn.value.is_unknown());
    assert_eq!(arn.origin, Origin::Computed);
    let mut refs = Vec::new();
    arn.value.unknown_refs(&mut refs);
    assert_eq!(refs, vec![addr.to_string()]);
    // A known value stays known and explicit.
    let bucket = r.body.attr("bucket").expect("bucket");
    assert_eq!(bucket.value, Value::from("rampart-site-blog"));
    assert_eq!(bucket.origin, Origin::Explicit);
}

#[test]
fn plan_sensitive_values_are_marked() {
    let path = case_file("07-sensitive-vars", "plan.json");
    let ev = plan::load_plan(&path, &SourceMap::new());
    assert!(ev.diagnostics.is_empty(), "{:?}", ev.diagnostics);
    let db = find(&ev, "aws_db_instance.db");
    let pw = db.body.value("password").expect("password");
    assert!(pw.is_sensitive(), "{pw:?}");
    assert_eq!(pw.unmarked(), &Value::from("correct-horse-battery"));
    assert_eq!(pw.to_string(), "(sensitive)");
    assert!(!db.body.value("engine").is_some_and(Value::is_sensitive));
    let conn = find(&ev, "aws_ssm_parameter.conn");
    assert!(conn.body.value("value").is_some_and(Value::is_sensitive));
}

#[test]
fn plan_nested_blocks_are_exposed() {
    let path = case_file("59-s3-split-resources", "plan.json");
    let ev = plan::load_plan(&path, &SourceMap::new());
    let v = find(&ev, "aws_s3_bucket_versioning.data");
    let vc = v.body.block("versioning_configuration").expect("block");
    assert_eq!(vc.value("status"), Some(&Value::from("Enabled")));
    assert_eq!(
        v.body
            .lookup("versioning_configuration.status")
            .map(|l| l.value.clone()),
        Some(Value::from("Enabled"))
    );
    let sse = find(
        &ev,
        "aws_s3_bucket_server_side_encryption_configuration.data",
    );
    assert_eq!(
        sse.body
            .lookup("rule.apply_server_side_encryption_by_default.sse_algorithm")
            .map(|l| l.value.clone()),
        Some(Value::from("AES256"))
    );
    let lc = find(&ev, "aws_s3_bucket_lifecycle_configuration.logs");
    assert_eq!(lc.body.blocks("rule").count(), 1);
    assert_eq!(
        lc.body
            .lookup("rule.expiration.days")
            .map(|l| l.value.clone()),
        Some(Value::from(90i64))
    );
    // to_json gives back the plan's shape.
    let j: J = serde_json::from_str(&read(&path)).expect("json");
    let planned = j["planned_values"]["root_module"]["resources"]
        .as_array()
        .and_then(|rs| {
            rs.iter()
                .find(|r| r["address"] == "aws_s3_bucket_public_access_block.data")
        })
        .map(|r| r["values"].clone())
        .expect("recorded");
    let pab = find(&ev, "aws_s3_bucket_public_access_block.data");
    let ours = pab.body.to_json();
    for (k, v) in planned.as_object().into_iter().flatten() {
        assert_eq!(ours.get(k), Some(v), "{k}");
    }
}

#[test]
fn plan_includes_data_sources_read_while_planning() {
    let path = case_file("76-applied-state", "plan.json");
    let ev = plan::load_plan(&path, &SourceMap::new());
    let d = find(&ev, "data.aws_iam_policy_document.doc");
    assert_eq!(d.mode, ResourceMode::Data);
    let json = d
        .body
        .value("json")
        .and_then(Value::as_str)
        .expect("rendered json");
    let policy = rampart_terraform::iam::parse_policy(json).expect("policy");
    assert_eq!(policy.statements[0].actions, vec!["s3:GetObject"]);
    // The statement block of the data source is exposed like any nested block.
    assert_eq!(d.body.blocks("statement").count(), 1);
}

#[test]
fn state_file_v4() {
    let path = case_file("76-applied-state", "state.json");
    let sources = SourceMap::new();
    let ev = plan::load_state(&path, &sources);
    assert!(ev.diagnostics.is_empty(), "{:?}", ev.diagnostics);
    let got: BTreeSet<&str> = ev.resources.iter().map(|r| r.address.as_str()).collect();
    for a in [
        "terraform_data.plain",
        "terraform_data.secret",
        "terraform_data.each[\"a\"]",
        "terraform_data.each[\"b\"]",
        "terraform_data.counted[0]",
        "terraform_data.counted[1]",
        "data.aws_iam_policy_document.doc",
    ] {
        assert!(got.contains(a), "{a} missing from {got:?}");
    }
    let secret = find(&ev, "terraform_data.secret");
    assert_eq!(secret.format, SourceFormat::TerraformState);
    let input = secret.body.value("input").expect("input");
    assert!(input.is_sensitive(), "{input:?}");
    let plain = find(&ev, "terraform_data.plain");
    assert_eq!(
        plain.body.lookup("input.name").map(|l| l.value.clone()),
        Some(Value::from("plain"))
    );
    // Spans cover the resource's element of the `resources` array.
    let file = sources.get(plain.span.file).expect("registered");
    let slice = file.slice(plain.span);
    assert!(slice.starts_with('{') && slice.ends_with('}'), "{slice}");
    assert!(slice.contains("\"plain\""), "{slice}");
    let counted = find(&ev, "terraform_data.counted[1]");
    assert_eq!(counted.body.value("input"), Some(&Value::from(1i64)));
}

#[test]
fn shown_state_matches_state_file() {
    let a = plan::load_state(
        &case_file("76-applied-state", "state.json"),
        &SourceMap::new(),
    );
    let b = plan::load_state(
        &case_file("76-applied-state", "state_show.json"),
        &SourceMap::new(),
    );
    assert!(b.diagnostics.is_empty(), "{:?}", b.diagnostics);
    let aa: BTreeSet<&str> = a.resources.iter().map(|r| r.address.as_str()).collect();
    let bb: BTreeSet<&str> = b.resources.iter().map(|r| r.address.as_str()).collect();
    assert_eq!(aa, bb);
    let s = find(&b, "terraform_data.secret");
    assert!(s.body.value("input").is_some_and(Value::is_sensitive));
    assert_eq!(s.format, SourceFormat::TerraformState);
}

const HANDMADE_STATE: &str = r#"{
  "version": 4,
  "terraform_version": "1.11.4",
  "serial": 3,
  "lineage": "00000000-0000-0000-0000-000000000000",
  "outputs": {},
  "resources": [
    {
      "module": "module.net[\"a\"]",
      "mode": "managed",
      "type": "aws_security_group",
      "name": "web",
      "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
      "instances": [
        {
          "index_key": "x\"y",
          "schema_version": 1,
          "attributes": {
            "id": "sg-123",
            "name": "web",
            "ingress": [
              {"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}
            ],
            "tags": {"Secret": "s", "Plain": "p"}
          },
          "sensitive_attributes": [
            [{"type": "get_attr", "value": "tags"}, {"type": "index", "value": {"value": "Secret", "type": "string"}}],
            [{"type": "get_attr", "value": "ingress"}, {"type": "index", "value": 0}, {"type": "get_attr", "value": "cidr_blocks"}]
          ]
        }
      ]
    },
    {
      "mode": "data",
      "type": "aws_iam_policy_document",
      "name": "p",
      "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
      "instances": [{"schema_version": 0, "attributes": {"json": "{}"}}]
    }
  ],
  "check_results": null
}"#;

fn load_str(text: &str, want: Option<PlanKind>) -> Evaluation {
    let mut ev = Evaluation::default();
    plan::load_text(text, FileId(0), want, &mut ev);
    ev
}

#[test]
fn handmade_state_modules_keys_and_paths() {
    let ev = load_str(HANDMADE_STATE, None);
    assert!(ev.diagnostics.is_empty(), "{:?}", ev.diagnostics);
    let sg = find(&ev, "module.net[\"a\"].aws_security_group.web[\"x\\\"y\"]");
    assert_eq!(sg.module, "module.net[\"a\"]");
    assert_eq!(sg.body.blocks("ingress").count(), 1);
    let ingress = sg.body.block("ingress").expect("ingress");
    assert_eq!(ingress.value("from_port"), Some(&Value::from(22i64)));
    assert!(ingress
        .value("cidr_blocks")
        .is_some_and(Value::is_sensitive));
    let d = find(&ev, "data.aws_iam_policy_document.p");
    assert_eq!(d.mode, ResourceMode::Data);
    assert_eq!(d.module, "");
}

#[test]
fn malformed_json_gives_a_positioned_error() {
    let ev = load_str(
        "{\n  \"format_version\": \"1.2\",\n  \"planned_values\": [1,\n",
        Some(PlanKind::Plan),
    );
    assert!(ev.resources.is_empty());
    let d = ev.diagnostics.first().expect("diagnostic");
    assert_eq!(d.level, Level::Error);
    assert_eq!(d.code, "parse-error");
    assert_eq!(d.line, Some(4));
    assert!(d.col.is_some());
    assert!(d.span.is_some());

    let ev = load_str("{\"a\": 1}", Some(PlanKind::Plan));
    assert_eq!(
        ev.diagnostics.first().map(|d| d.code),
        Some("not-terraform-json")
    );
    // A state is not accepted where a plan is wanted, and the reverse.
    let ev = load_str(HANDMADE_STATE, Some(PlanKind::Plan));
    assert_eq!(
        ev.diagnostics.first().map(|d| d.code),
        Some("not-terraform-json")
    );
    let plan_text = read(&case_file("33-module-for-each", "plan.json"));
    let ev = load_str(&plan_text, None);
    assert_eq!(
        ev.diagnostics.first().map(|d| d.code),
        Some("not-terraform-json")
    );

    let sources = SourceMap::new();
    let ev = plan::load_plan(Path::new("/nonexistent/plan.json"), &sources);
    assert_eq!(ev.diagnostics.first().map(|d| d.code), Some("read-error"));
    assert!(sources.is_empty());
}

#[test]
fn truncated_and_mangled_inputs_never_panic() {
    let plan_text = read(&case_file("33-module-for-each", "plan.json"));
    let state_text = read(&case_file("76-applied-state", "state.json"));
    for text in [&plan_text, &state_text, &HANDMADE_STATE.to_string()] {
        let step = (text.len() / 150).max(1);
        let mut cut = 0;
        while cut < text.len() {
            if let Some(prefix) = text.get(..cut) {
                let _ = load_str(prefix, Some(PlanKind::Plan));
                let _ = load_str(prefix, None);
                let _ = plan::detect(prefix);
            }
            cut += step;
        }
    }
    // Wrong shapes everywhere.
    for t in [
        r#"{"format_version": "1", "planned_values": {"root_module": {"resources": [1, null, {"address": 5}], "child_modules": "x"}}, "resource_changes": [{"address": "a", "change": 3}]}"#,
        r#"{"format_version": "1", "planned_values": {"root_module": {"resources": [{"address": "a.b", "values": {"x": 1}}]}}, "resource_changes": [{"address": "a.b", "change": {"after_unknown": {"x": [true, {"y": true}], "z": [true]}, "after_sensitive": {"x": [[true]]}}}]}"#,
        r#"{"version": 4, "terraform_version": "1", "resources": [{"instances": [{"index_key": [1], "attributes": 5, "sensitive_attributes": [[{"type": "index", "value": 99999999999}]]}]}]}"#,
    ] {
        let _ = load_str(t, Some(PlanKind::Plan));
        let _ = load_str(t, None);
    }
    let ev = load_str(
        r#"{"format_version": "1", "planned_values": {"root_module": {"resources": [{"address": "a.b", "type": "a", "name": "b", "values": {"x": 1}}]}}, "resource_changes": [{"address": "a.b", "change": {"after_unknown": {"y": true}}}]}"#,
        Some(PlanKind::Plan),
    );
    let r = find(&ev, "a.b");
    assert!(r.body.value("y").is_some_and(Value::is_unknown));
    assert_eq!(r.body.value("x"), Some(&Value::from(1i64)));
}
