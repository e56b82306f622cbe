//! Every documented example runs: a failing example makes its rule fail, a
//! passing example makes it pass (and fail nowhere).

use rampart_model::Status;
use rampart_rules::{all, Ctx, ExampleFormat, Rule};
use rampart_source::SourceMap;

fn run(rule: &Rule, code: &str) -> Vec<rampart_rules::Check> {
    let dir = tempfile::tempdir().expect("temp dir");
    write_example_files(dir.path(), code);
    let sources = SourceMap::new();
    let eval = rampart_terraform::evaluate_dir(dir.path(), &sources, &Default::default());
    let errors: Vec<_> = eval
        .diagnostics
        .iter()
        .filter(|d| d.level == rampart_model::Level::Error)
        .collect();
    assert!(
        errors.is_empty(),
        "{}: example does not evaluate cleanly: {errors:?}",
        rule.meta.id
    );
    let ctx = Ctx::new(&eval.resources);
    eval.resources
        .iter()
        .filter(|r| r.mode != rampart_model::ResourceMode::Variable)
        .filter(|r| rule.applies_to(&r.kind))
        .flat_map(|r| (rule.check)(r, &ctx))
        .collect()
}

/// An example is `main.tf`, unless it contains lines `# file: NAME`, which
/// start further files (a lock file, a module, a tfvars file).
fn write_example_files(dir: &std::path::Path, code: &str) {
    let mut name = "main.tf".to_string();
    let mut text = String::new();
    let flush = |name: &str, text: &str| {
        let p = dir.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("example dir");
        }
        std::fs::write(p, text).expect("write example");
    };
    for line in code.lines() {
        if let Some(next) = line.strip_prefix("# file: ") {
            flush(&name, &text);
            name = next.trim().to_string();
            text.clear();
        } else {
            text.push_str(line);
            text.push('\n');
        }
    }
    flush(&name, &text);
}

#[test]
fn examples_behave_as_documented() {
    let mut problems = Vec::new();
    let mut ran = 0;
    for rule in all() {
        for (i, ex) in rule.meta.examples.iter().enumerate() {
            if ex.format != ExampleFormat::Terraform {
                continue;
            }
            ran += 1;
            let checks = run(rule, ex.code);
            let fails = checks.iter().filter(|c| c.status == Status::Fail).count();
            let passes = checks.iter().filter(|c| c.status == Status::Pass).count();
            if ex.pass && (fails > 0 || passes == 0) {
                problems.push(format!(
                    "{} example #{i} (pass): {fails} fail(s), {passes} pass(es): {checks:?}",
                    rule.meta.id
                ));
            }
            if !ex.pass && fails == 0 {
                problems.push(format!(
                    "{} example #{i} (fail): rule did not fail: {checks:?}",
                    rule.meta.id
                ));
            }
        }
    }
    assert!(ran > 0, "no examples ran");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
