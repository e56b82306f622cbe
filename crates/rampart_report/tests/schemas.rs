//! The JSON and SARIF outputs of the sample report validate against their
//! schemas: ours (`docs/schema/report.schema.json`) and the official SARIF
//! 2.1.0 schema (a copy in `tests/schema/`, see its README).

mod common;

use rampart_report::{json, sarif, JsonOptions, SarifOptions};
use serde_json::Value;

fn load(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parsing {path}: {e}"))
}

fn assert_valid(schema: &Value, instance: &Value, what: &str) {
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("{what}: schema does not compile: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}:\n{}", errors.join("\n"));
}

fn report_schema() -> Value {
    load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/schema/report.schema.json"
    ))
}

/// The official SARIF schema, with one known upstream defect repaired in
/// memory: in `definitions.region` the `anyOf` (a region needs `startLine`,
/// `charOffset` or `byteOffset`) sits inside `properties`, where it declares a
/// property named "anyOf" instead of the constraint, and a draft 2020-12
/// validator rejects the schema. It is moved up to where it was meant to be,
/// which makes the check stricter, not looser.
fn sarif_schema() -> Value {
    let mut schema = load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/schema/sarif-schema-2.1.0.json"
    ));
    let region = &mut schema["definitions"]["region"];
    if let Some(any_of) = region["properties"]
        .as_object_mut()
        .and_then(|p| p.remove("anyOf"))
    {
        region["anyOf"] = any_of;
    }
    schema
}

#[test]
fn json_output_matches_its_schema() {
    let schema = report_schema();
    let report = common::sample_report();
    for include_passed in [false, true] {
        let out = json::render(&report, &JsonOptions { include_passed });
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_valid(&schema, &v, "report.schema.json");
    }
}

#[test]
fn report_schema_rejects_a_broken_report() {
    let schema = report_schema();
    let out = json::render(&common::sample_report(), &JsonOptions::default());
    let mut v: Value = serde_json::from_str(&out).unwrap();
    v["findings"][0]["severity"] = Value::from("severe");
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(!validator.is_valid(&v));
}

#[test]
fn sarif_output_matches_the_official_schema() {
    let schema = sarif_schema();
    let report = common::sample_report();
    for include_passed in [false, true] {
        let out = sarif::render(&report, &SarifOptions { include_passed });
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_valid(&schema, &v, "sarif-schema-2.1.0.json");
    }
}

#[test]
fn sarif_schema_rejects_a_broken_log() {
    let schema = sarif_schema();
    let mut v = sarif::to_value(&common::sample_report(), &SarifOptions::default());
    v["runs"][0]["results"][0]["level"] = Value::from("fatal");
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(!validator.is_valid(&v));
}
