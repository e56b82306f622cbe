//! CloudFormation examples for the built-in rules, run through this front end
//! and the shared rules: `rule_examples/<RULE-ID>.<pass|fail>.<n>.<yaml|json>`.
//! A failing example must make its rule fail; a passing one must make it pass
//! and fail nowhere. (The same templates are also documented on the rules.)

use rampart_model::{Level, ResourceMode, Status};
use rampart_rules::Ctx;
use rampart_source::SourceMap;

#[test]
fn rule_examples_behave() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rule_examples");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    let mut problems = Vec::new();
    let mut ran = 0;
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let mut parts = name.split('.');
        let (Some(id), Some(kind)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Some(rule) = rampart_rules::find(id) else {
            problems.push(format!("{name}: no rule {id}"));
            continue;
        };
        let text = std::fs::read_to_string(&path).expect("read example");
        if !rampart_cloudformation::detect(&text) {
            problems.push(format!("{name}: not detected as a template"));
        }
        let sources = SourceMap::new();
        let eval = rampart_cloudformation::load_template(&path, &sources, &Default::default());
        let errors: Vec<_> = eval
            .diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
            .collect();
        if !errors.is_empty() {
            problems.push(format!("{name}: errors {errors:?}"));
        }
        let ctx = Ctx::new(&eval.resources);
        let checks: Vec<_> = eval
            .resources
            .iter()
            .filter(|r| r.mode == ResourceMode::Managed)
            .filter(|r| rule.applies_to(&r.kind))
            .flat_map(|r| (rule.check)(r, &ctx))
            .collect();
        ran += 1;
        let fails = checks.iter().filter(|c| c.status == Status::Fail).count();
        let passes = checks.iter().filter(|c| c.status == Status::Pass).count();
        if kind == "pass" && (fails > 0 || passes == 0) {
            problems.push(format!(
                "{name}: {fails} fail(s), {passes} pass(es): {checks:?}"
            ));
        }
        if kind == "fail" && fails == 0 {
            problems.push(format!("{name}: rule did not fail: {checks:?}"));
        }
    }
    assert!(ran > 0);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
