//! Whole-configuration evaluation over the fixtures in `tests/eval_fixtures`.

use std::path::{Path, PathBuf};

use rampart_model::{Level, Origin, Resource, ResourceMode, Value};
use rampart_source::SourceMap;
use rampart_terraform::{evaluate_dir, Evaluation, Options};
use serde_json::json;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/eval_fixtures")
        .join(name)
}

fn run(name: &str, opts: &Options) -> (Evaluation, SourceMap) {
    let sm = SourceMap::new();
    let ev = evaluate_dir(&fixture(name), &sm, opts);
    (ev, sm)
}

fn get<'a>(ev: &'a Evaluation, address: &str) -> &'a Resource {
    ev.resources
        .iter()
        .find(|r| r.address == address)
        .unwrap_or_else(|| {
            let all: Vec<&str> = ev.resources.iter().map(|r| r.address.as_str()).collect();
            panic!("no resource {address}; have {all:?}")
        })
}

fn val(r: &Resource, path: &str) -> serde_json::Value {
    r.body
        .lookup(path)
        .map(|l| l.value.to_json())
        .unwrap_or_else(|| panic!("{}: no attribute {path}", r.address))
}

fn addresses(ev: &Evaluation, mode: ResourceMode) -> Vec<&str> {
    ev.resources
        .iter()
        .filter(|r| r.mode == mode)
        .map(|r| r.address.as_str())
        .collect()
}

fn diag_lines(ev: &Evaluation, sm: &SourceMap, code: &str) -> Vec<(String, usize)> {
    ev.diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| {
            let loc = d.span.and_then(|s| sm.locate(s));
            (
                loc.as_ref()
                    .map(|l| l.file.clone())
                    .or(d.path.clone())
                    .unwrap_or_default(),
                loc.map(|l| l.start.line).or(d.line).unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn basic_addresses_and_values() {
    let (ev, _) = run("basic", &Options::default());
    assert_eq!(
        addresses(&ev, ResourceMode::Managed),
        vec![
            "aws_s3_bucket.logs",
            "aws_s3_bucket.per_name[\"a\"]",
            "aws_s3_bucket.per_name[\"b\"]",
            "aws_s3_bucket.counted[0]",
            "aws_s3_bucket.counted[1]",
            "aws_s3_bucket_versioning.logs",
            "aws_s3_bucket_logging.x",
            "aws_security_group.sg",
            "aws_s3_bucket_policy.p",
            "module.b.aws_s3_bucket.this",
            "module.many[\"x\"].aws_s3_bucket.this",
            "module.many[\"y\"].aws_s3_bucket.this",
        ]
    );
    let logs = get(&ev, "aws_s3_bucket.logs");
    assert_eq!(val(logs, "bucket"), json!("us-east-1-app-logs"));
    assert_eq!(
        val(logs, "tags"),
        json!({"Env": "prod", "Name": "us-east-1-app"})
    );
    assert_eq!(logs.module, "");
    assert_eq!(logs.name, "logs");
    assert_eq!(logs.kind, "aws_s3_bucket");
    assert_eq!(
        val(get(&ev, "aws_s3_bucket.per_name[\"b\"]"), "bucket"),
        json!("us-east-1-app-b")
    );
    assert_eq!(
        val(get(&ev, "aws_s3_bucket.counted[1]"), "bucket"),
        json!("counted-1")
    );

    // Computed attribute: unknown, with the reference kept.
    let ver = get(&ev, "aws_s3_bucket_versioning.logs");
    let b = ver.body.attr("bucket").expect("bucket");
    assert!(b.value.is_unknown());
    assert_eq!(b.refs, vec!["aws_s3_bucket.logs"]);
    assert_eq!(
        val(ver, "versioning_configuration.status"),
        json!("Enabled")
    );

    // Config-set attributes of other instances are known; refs name instances.
    let lg = get(&ev, "aws_s3_bucket_logging.x");
    assert_eq!(val(lg, "bucket"), json!("counted-1"));
    assert_eq!(
        lg.body.attr("bucket").map(|a| a.refs.clone()),
        Some(vec!["aws_s3_bucket.counted[1]".to_string()])
    );
    assert_eq!(
        lg.body.attr("target_bucket").map(|a| a.refs.clone()),
        Some(vec!["aws_s3_bucket.per_name[\"a\"]".to_string()])
    );
    // Sensitive variables stay marked.
    assert!(lg
        .body
        .attr("target_prefix")
        .is_some_and(|a| a.value.is_sensitive()));

    // Dynamic blocks expand; lifecycle is left out.
    let sg = get(&ev, "aws_security_group.sg");
    let ports: Vec<serde_json::Value> = sg
        .body
        .blocks("ingress")
        .map(|b| b.value("from_port").map(Value::to_json).unwrap_or_default())
        .collect();
    assert_eq!(ports, vec![json!(22), json!(443)]);
    assert!(sg.body.block("lifecycle").is_none());
    assert!(sg.body.attr("count").is_none());

    // Module outputs flow back, with module-prefixed refs.
    let p = get(&ev, "aws_s3_bucket_policy.p");
    assert_eq!(val(p, "bucket"), json!("mod-us-east-1"));
    assert_eq!(
        p.body.attr("bucket").map(|a| a.refs.clone()),
        Some(vec!["module.b.aws_s3_bucket.this".to_string()])
    );
    let pol = p.body.attr("policy").expect("policy");
    assert!(pol.value.is_unknown());
    assert_eq!(pol.refs, vec!["module.many[\"x\"].aws_s3_bucket.this"]);

    let inner = get(&ev, "module.many[\"y\"].aws_s3_bucket.this");
    assert_eq!(inner.module, "module.many[\"y\"]");
    assert_eq!(inner.module_calls.len(), 1);
    assert_eq!(val(inner, "bucket"), json!("many-y"));
}

#[test]
fn basic_other_modes() {
    let (ev, sm) = run("basic", &Options::default());
    assert_eq!(
        addresses(&ev, ResourceMode::Provider),
        vec!["provider.aws", "provider.aws.west"]
    );
    assert_eq!(val(get(&ev, "provider.aws"), "region"), json!("us-east-1"));
    assert_eq!(
        addresses(&ev, ResourceMode::ModuleCall),
        vec!["module.b", "module.many[\"x\"]", "module.many[\"y\"]"]
    );
    let mc = get(&ev, "module.many[\"x\"]");
    assert_eq!(val(mc, "source"), json!("./modules/bucket"));
    assert_eq!(val(mc, "name"), json!("many-x"));
    assert!(mc.body.attr("for_each").is_none());
    let tf = get(&ev, "terraform");
    assert_eq!(tf.mode, ResourceMode::Settings);
    assert_eq!(val(tf, "required_version"), json!(">= 1.5"));
    assert_eq!(
        val(tf, "required_providers.aws"),
        json!({"source": "hashicorp/aws", "version": "~> 5.0"})
    );
    let v = get(&ev, "var.names");
    assert_eq!(v.mode, ResourceMode::Variable);
    assert_eq!(val(v, "type"), json!("set(string)"));
    assert_eq!(val(v, "default"), json!(["a", "b"]));
    assert_eq!(val(get(&ev, "var.secret"), "sensitive"), json!(true));
    assert!(get(&ev, "module.b.var.name").body.attr("default").is_none());
    // An unset required variable: a warning that names it, on its line.
    let unset: Vec<&str> = ev
        .diagnostics
        .iter()
        .filter(|d| d.code == "variable-unset")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(unset.len(), 1);
    assert!(unset.iter().all(|m| m.contains("required_thing")));
    assert_eq!(
        diag_lines(&ev, &sm, "variable-unset"),
        vec![("main.tf".to_string(), 36)]
    );
    assert!(
        ev.diagnostics.iter().all(|d| d.level != Level::Error),
        "{:?}",
        ev.diagnostics
    );
}

#[test]
fn origins_follow_variables() {
    let (ev, sm) = run("basic", &Options::default());
    let prov = get(&ev, "provider.aws");
    match &prov.body.attr("region").expect("region").origin {
        Origin::Variable {
            name,
            set_at,
            source,
        } => {
            assert_eq!(name, "region");
            assert_eq!(source, "default");
            let loc = set_at.and_then(|s| sm.locate(s)).expect("located");
            assert_eq!((loc.file.as_str(), loc.start.line), ("main.tf", 22));
        }
        o => panic!("unexpected origin {o:?}"),
    }
    assert_eq!(
        get(&ev, "aws_s3_bucket.logs")
            .body
            .attr("bucket")
            .map(|a| a.origin.clone()),
        Some(Origin::Explicit)
    );
    match &get(&ev, "module.b.aws_s3_bucket.this")
        .body
        .attr("bucket")
        .expect("bucket")
        .origin
    {
        Origin::Variable { name, source, .. } => {
            assert_eq!(name, "name");
            assert_eq!(source, "module.b");
        }
        o => panic!("unexpected origin {o:?}"),
    }
}

#[test]
fn variable_sources_and_types() {
    let opts = Options {
        vars: vec![("from_cli".into(), "7".into())],
        ..Options::default()
    };
    let (ev, _) = run("vars", &opts);
    let r = get(&ev, "null_resource.r");
    assert_eq!(
        val(r, "triggers"),
        json!({
            "from_default": "d",
            "from_tfvars": "tfvars",
            "from_auto": "auto-b",
            "from_cli": 7,
            "listy": "1,true,x",
            "size": 10,
            "enabled": "null",
            "flag": true,
            "not_null": "fallback",
        })
    );
    assert!(r.body.attr("pw").is_some_and(|a| a.value.is_sensitive()));
    match &r.body.attr("name").expect("name").origin {
        Origin::Variable { source, set_at, .. } => {
            assert_eq!(source, "terraform.tfvars");
            assert!(set_at.is_some());
        }
        o => panic!("unexpected origin {o:?}"),
    }
    // Without -var the auto file wins over the default.
    let (ev, _) = run("vars", &Options::default());
    assert_eq!(
        val(get(&ev, "null_resource.r"), "triggers.from_cli"),
        json!(2)
    );
    assert!(
        ev.diagnostics.iter().all(|d| d.level != Level::Error),
        "{:?}",
        ev.diagnostics
    );
}

#[test]
fn var_file_and_bad_value() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("main.tf"),
        "variable \"n\" {\n  type = number\n}\nvariable \"l\" {\n  type = list(number)\n}\nresource \"x_y\" \"z\" {\n  n = var.n\n  l = var.l\n}\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("extra.tfvars"), "n = 5\nl = [1, \"2\"]\n").expect("write");
    let sm = SourceMap::new();
    let opts = Options {
        var_files: vec![PathBuf::from("extra.tfvars")],
        vars: vec![("l".into(), "[3, 4]".into())],
        ..Options::default()
    };
    let ev = evaluate_dir(dir.path(), &sm, &opts);
    let r = get(&ev, "x_y.z");
    assert_eq!(val(r, "n"), json!(5));
    assert_eq!(val(r, "l"), json!([3, 4]));
    let opts = Options {
        vars: vec![("n".into(), "five".into())],
        ..Options::default()
    };
    let ev = evaluate_dir(dir.path(), &SourceMap::new(), &opts);
    assert!(get(&ev, "x_y.z")
        .body
        .attr("n")
        .is_some_and(|a| a.value.is_unknown()));
    assert!(ev
        .diagnostics
        .iter()
        .any(|d| d.code == "invalid-variable-value" && d.message.contains("\"n\"")));
}

#[test]
fn local_cycles_are_reported_not_followed() {
    let (ev, sm) = run("locals_cycle", &Options::default());
    let r = get(&ev, "aws_s3_bucket.x");
    assert!(r.body.attr("bucket").is_some_and(|a| a.value.is_unknown()));
    assert_eq!(val(r, "acl"), json!("fine"));
    let cycles: Vec<&str> = ev
        .diagnostics
        .iter()
        .filter(|d| d.code == "cycle")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(cycles, vec!["Cycle: local.a -> local.b -> local.a"]);
    assert_eq!(
        diag_lines(&ev, &sm, "cycle"),
        vec![("main.tf".to_string(), 2)]
    );
}

#[test]
fn parse_errors_keep_other_files() {
    let (ev, sm) = run("parse_error", &Options::default());
    assert_eq!(
        addresses(&ev, ResourceMode::Managed),
        vec!["aws_s3_bucket.good"]
    );
    assert_eq!(
        diag_lines(&ev, &sm, "parse-error"),
        vec![("bad.tf".to_string(), 3)]
    );
    let d = ev
        .diagnostics
        .iter()
        .find(|d| d.code == "parse-error")
        .expect("parse error");
    assert_eq!((d.line, d.col), (Some(3), Some(9)));
    assert_eq!(d.level, Level::Error);
}

#[test]
fn registry_modules_through_modules_json() {
    let (ev, sm) = run("registry", &Options::default());
    assert_eq!(
        addresses(&ev, ResourceMode::Managed),
        vec![
            "aws_flow_log.f",
            "module.net.aws_vpc.this",
            "module.net.module.sub.aws_subnet.s[0]",
            "module.net.module.sub.aws_subnet.s[1]",
        ]
    );
    assert_eq!(
        val(get(&ev, "module.net.aws_vpc.this"), "cidr_block"),
        json!("10.0.0.0/16")
    );
    let s1 = get(&ev, "module.net.module.sub.aws_subnet.s[1]");
    assert_eq!(val(s1, "cidr_block"), json!("10.0.1.0/24"));
    assert_eq!(s1.module, "module.net.module.sub");
    assert_eq!(s1.module_calls.len(), 2);
    assert_eq!(
        s1.body.attr("vpc_id").map(|a| a.refs.clone()),
        Some(vec!["module.net.aws_vpc.this".to_string()])
    );
    let f = get(&ev, "aws_flow_log.f");
    assert_eq!(
        f.body.attr("vpc_id").map(|a| a.refs.clone()),
        Some(vec!["module.net.aws_vpc.this".to_string()])
    );
    assert!(f
        .body
        .attr("log_dest")
        .is_some_and(|a| a.value.is_unknown()));
    let missing: Vec<&str> = ev
        .diagnostics
        .iter()
        .filter(|d| d.code == "module-not-downloaded")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(missing.len(), 1);
    assert!(missing.iter().all(|m| m.contains("module.gone")));
    assert_eq!(
        diag_lines(&ev, &sm, "module-not-downloaded"),
        vec![("main.tf".to_string(), 7)]
    );
}

#[test]
fn unknowns_propagate_with_references() {
    let (ev, sm) = run("unknowns", &Options::default());
    // Unknown count / for_each: one instance under the config address and a warning.
    let pab = get(&ev, "aws_s3_bucket_public_access_block.pab");
    assert_eq!(
        pab.body.attr("bucket").map(|a| a.refs.clone()),
        Some(vec!["aws_s3_bucket.b".to_string()])
    );
    let acl = get(&ev, "aws_s3_bucket_acl.acl");
    assert_eq!(val(acl, "acl"), json!("private"));
    assert_eq!(
        acl.body.attr("bucket").map(|a| a.refs.clone()),
        Some(vec!["aws_s3_bucket.b".to_string()])
    );
    assert_eq!(diag_lines(&ev, &sm, "unknown-expansion").len(), 2);

    let k = get(&ev, "aws_kms_key.k");
    for name in [
        "description",
        "policy",
        "enabled",
        "other",
        "when",
        "mystery",
        "provided",
        "bad",
    ] {
        assert!(
            k.body.attr(name).is_some_and(|a| a.value.is_unknown()),
            "{name} should be unknown"
        );
    }
    assert_eq!(
        k.body.attr("policy").map(|a| a.refs.clone()),
        Some(vec!["aws_s3_bucket.b".to_string()])
    );
    assert_eq!(
        diag_lines(&ev, &sm, "unknown-function"),
        vec![("main.tf".to_string(), 22)]
    );
    assert_eq!(
        diag_lines(&ev, &sm, "provider-function"),
        vec![("main.tf".to_string(), 23)]
    );
    let errs = diag_lines(&ev, &sm, "eval-error");
    assert_eq!(errs, vec![("main.tf".to_string(), 24)]);
    let levels: Vec<Level> = ev
        .diagnostics
        .iter()
        .filter(|d| d.code == "unknown-function" || d.code == "provider-function")
        .map(|d| d.level)
        .collect();
    assert_eq!(levels, vec![Level::Warning, Level::Note]);
}

#[test]
fn json_syntax_files() {
    let (ev, _) = run("json_syntax", &Options::default());
    assert_eq!(
        addresses(&ev, ResourceMode::Managed),
        vec!["aws_s3_bucket.j[0]", "aws_s3_bucket.j[1]"]
    );
    let j = get(&ev, "aws_s3_bucket.j[1]");
    assert_eq!(val(j, "bucket"), json!("from-json-x"));
    assert_eq!(val(j, "tags"), json!({"Team": "a"}));
    assert_eq!(val(j, "versioning.enabled"), json!(true));
}

#[test]
fn nested_modules_with_count_and_for_each() {
    let (ev, _) = run("nested", &Options::default());
    let inner = get(&ev, "module.a[1].module.b[\"k2\"].aws_s3_bucket.b");
    assert_eq!(val(inner, "bucket"), json!("a1-k2-two"));
    assert_eq!(inner.module, "module.a[1].module.b[\"k2\"]");
    assert_eq!(inner.module_calls.len(), 2);
    let uses = get(&ev, "aws_s3_bucket.uses");
    assert_eq!(val(uses, "bucket"), json!("a1-k2-two"));
    let tags = uses.body.attr("tags").expect("tags");
    assert!(!tags.value.is_wholly_known());
    assert_eq!(tags.refs.len(), 4);
    assert_eq!(
        addresses(&ev, ResourceMode::ModuleCall),
        vec![
            "module.a[0]",
            "module.a[0].module.b[\"k1\"]",
            "module.a[0].module.b[\"k2\"]",
            "module.a[1]",
            "module.a[1].module.b[\"k1\"]",
            "module.a[1].module.b[\"k2\"]",
        ]
    );
}

#[test]
fn templates_and_templatefile() {
    let (ev, _) = run("templates", &Options::default());
    let f = get(&ev, "local_file.f");
    assert_eq!(val(f, "other"), json!("hello world[1][2]"));
    // Recorded from terraform 1.11: `~` strips only the adjacent line token,
    // and a directive at a line start (after stripping) prevents dedenting.
    assert_eq!(
        val(f, "content"),
        json!("    users:\n\n      - ann\n\n      - bob\n\n    done\n")
    );
    assert_eq!(val(f, "filename"), json!("./out.txt"));
}

#[test]
fn binary_and_non_utf8_files_are_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.tf"),
        b"resource \"x\" \"y\" {}\n\x00\x01",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("b.tf"),
        b"resource \"x\" \"z\" { v = \"\xff\" }\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("c.tf"), "resource \"x\" \"ok\" {}\n").expect("write");
    let ev = evaluate_dir(dir.path(), &SourceMap::new(), &Options::default());
    assert_eq!(addresses(&ev, ResourceMode::Managed), vec!["x.ok"]);
    let codes: Vec<&str> = ev.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec!["binary-file", "not-utf8"]);
    assert_eq!(
        ev.diagnostics
            .iter()
            .filter_map(|d| d.path.as_deref())
            .collect::<Vec<_>>(),
        vec!["a.tf", "b.tf"]
    );
}

#[test]
fn long_reference_chains_do_not_overflow() {
    let dir = tempfile::tempdir().expect("tempdir");
    // a0 needs a1, which needs a2, ... a2999: evaluated first, the chain is
    // longer than the evaluator follows.
    let mut src = String::from("locals {\n  a2999 = 1\n");
    for i in 0..2999 {
        src.push_str(&format!("  a{i} = local.a{} + 1\n", i + 1));
    }
    src.push_str("}\nresource \"x\" \"y\" {\n  v = local.a0\n  w = local.a2998\n}\n");
    std::fs::write(dir.path().join("main.tf"), src).expect("write");
    let ev = evaluate_dir(dir.path(), &SourceMap::new(), &Options::default());
    let r = get(&ev, "x.y");
    assert_eq!(val(r, "w"), json!(2));
    assert!(r.body.attr("v").is_some_and(|a| a.value.is_unknown()));
    assert!(ev.diagnostics.iter().any(|d| d.code == "too-deep"));
}

#[test]
fn deeply_nested_expressions_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let deep = format!("{}1{}", "[".repeat(5000), "]".repeat(5000));
    std::fs::write(
        dir.path().join("main.tf"),
        format!("resource \"x\" \"y\" {{\n  v = {deep}\n}}\nresource \"x\" \"z\" {{}}\n"),
    )
    .expect("write");
    let ev = evaluate_dir(dir.path(), &SourceMap::new(), &Options::default());
    assert!(ev.diagnostics.iter().any(|d| d.code == "parse-error"));
}

#[test]
fn many_files_evaluate_quickly() {
    let dir = tempfile::tempdir().expect("tempdir");
    for f in 0..1000 {
        let mut src = String::new();
        for r in 0..10 {
            src.push_str(&format!(
                "resource \"aws_s3_bucket\" \"b{f}_{r}\" {{\n  bucket = \"${{local.prefix}}-{f}-{r}\"\n  tags = local.tags\n}}\n\nresource \"aws_s3_bucket_versioning\" \"v{f}_{r}\" {{\n  bucket = aws_s3_bucket.b{f}_{r}.id\n  versioning_configuration {{\n    status = var.status\n  }}\n}}\n"
            ));
        }
        std::fs::write(dir.path().join(format!("f{f}.tf")), src).expect("write");
    }
    std::fs::write(
        dir.path().join("vars.tf"),
        "variable \"status\" {\n  default = \"Enabled\"\n}\nlocals {\n  prefix = \"p\"\n  tags = { for i in range(20) : \"k${i}\" => \"v${i}\" }\n}\n",
    )
    .expect("write");
    let cpu0 = cpu_ticks();
    let start = std::time::Instant::now();
    let ev = evaluate_dir(dir.path(), &SourceMap::new(), &Options::default());
    let took = start.elapsed();
    let cpu = cpu_ticks().zip(cpu0).map(|(a, b)| (a - b) as f64 / 100.0);
    assert_eq!(addresses(&ev, ResourceMode::Managed).len(), 20_000);
    assert_eq!(
        val(get(&ev, "aws_s3_bucket.b999_9"), "bucket"),
        json!("p-999-9")
    );
    // Generous bound for unoptimised test builds; release is far faster.
    assert!(took.as_secs_f64() < 20.0, "took {took:?}");
    eprintln!("20000 resources in 1001 files: {took:?} wall, {cpu:?} s CPU (user+system)");
}

/// User + system CPU time of this process in clock ticks (Linux), to report
/// evaluation cost on a loaded machine.
fn cpu_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

#[test]
fn sensitive_defaults_and_undeclared_values() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("main.tf"),
        "variable \"pw\" {\n  default   = \"hunter2\"\n  sensitive = true\n}\nresource \"x\" \"y\" {\n  p = var.pw\n}\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("terraform.tfvars"), "nope = 1\n").expect("write");
    let sm = SourceMap::new();
    let ev = evaluate_dir(dir.path(), &sm, &Options::default());
    assert!(get(&ev, "var.pw")
        .body
        .attr("default")
        .is_some_and(|a| a.value.is_sensitive()));
    assert!(get(&ev, "x.y")
        .body
        .attr("p")
        .is_some_and(|a| a.value.is_sensitive()));
    assert_eq!(
        diag_lines(&ev, &sm, "undeclared-variable"),
        vec![("terraform.tfvars".to_string(), 1)]
    );
}

mod hostile {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// Configurations assembled from Terraform pieces never panic the evaluator.
        #[test]
        fn assembled_configs_never_panic(parts in proptest::collection::vec(prop_oneof![
            Just("resource \"a\" \"b\" {\n"), Just("module \"m\" {\n source = \"./\"\n"), Just("locals {\n"),
            Just("variable \"v\" {\n"), Just("}\n"), Just("count = 2\n"), Just("for_each = {a = 1}\n"),
            Just("x = a.b.x\n"), Just("y = local.y\n"), Just("y = var.v\n"), Just("z = module.m.o\n"),
            Just("dynamic \"d\" {\n for_each = [1]\n content {\n q = d.value\n }\n}\n"), Just("w = count.index\n"),
            Just("k = each.key\n"), Just("output \"o\" {\n value = a.b\n}\n"), Just("default = [1]\n"),
        ], 0..16)) {
            let dir = tempfile::tempdir().expect("tempdir");
            std::fs::write(dir.path().join("main.tf"), parts.concat()).expect("write");
            let _ = evaluate_dir(dir.path(), &SourceMap::new(), &Options::default());
        }
    }
}

#[test]
fn self_sourcing_modules_stop() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("main.tf"),
        "module \"m\" {\n  source = \"./\"\n  count  = 2\n}\nresource \"x\" \"y\" {}\n",
    )
    .expect("write");
    let sm = SourceMap::new();
    let ev = evaluate_dir(dir.path(), &sm, &Options::default());
    assert_eq!(addresses(&ev, ResourceMode::Managed), vec!["x.y"]);
    assert_eq!(
        diag_lines(&ev, &sm, "module-cycle"),
        vec![("main.tf".to_string(), 1)]
    );
}

#[test]
fn sets_of_objects_use_terraform_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("main.tf"),
        "variable \"r\" {\n  type = set(object({ n = string, p = number }))\n  default = [{ n = \"b\", p = 2 }, { n = \"a\", p = 1 }, { n = \"b\", p = 2 }, { n = \"c\", p = 10 }]\n}\nvariable \"l\" {\n  type = set(list(number))\n  default = [[3], [1], [2, 1], [10]]\n}\nresource \"x\" \"y\" {\n  r = var.r\n  l = var.l\n}\n",
    )
    .expect("write");
    let ev = evaluate_dir(dir.path(), &SourceMap::new(), &Options::default());
    let r = get(&ev, "x.y");
    // Recorded from terraform 1.11 (`jsonencode(toset(...))`).
    assert_eq!(
        val(r, "r"),
        json!([{"n": "a", "p": 1}, {"n": "b", "p": 2}, {"n": "c", "p": 10}])
    );
    assert_eq!(val(r, "l"), json!([[10], [1], [2, 1], [3]]));
}

#[test]
fn override_files_merge() {
    let (ev, sm) = run("overrides", &Options::default());
    let q = get(&ev, "aws_sqs_queue.q");
    assert_eq!(val(q, "name"), json!("q-large-over"));
    assert_eq!(val(q, "delay_seconds"), json!(9));
    assert_eq!(val(q, "tags"), json!({"Source": "override"}));
    let maxes: Vec<serde_json::Value> = q
        .body
        .blocks("redrive")
        .map(|b| b.value("max").map(Value::to_json).unwrap_or_default())
        .collect();
    assert_eq!(maxes, vec![json!(5)]);
    // The overriding argument points into the override file.
    let loc = q
        .body
        .attr("delay_seconds")
        .and_then(|a| sm.locate(a.span))
        .expect("located");
    assert_eq!((loc.file.as_str(), loc.start.line), ("override.tf", 6));
    let loc = q
        .body
        .attr("name")
        .and_then(|a| sm.locate(a.span))
        .expect("located");
    assert_eq!((loc.file.as_str(), loc.start.line), ("main.tf", 10));
}

#[test]
fn data_sources_depending_on_managed_resources_are_deferred() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("main.tf"),
        r#"resource "aws_s3_bucket" "b" {
  bucket = "known-name"
}

data "aws_iam_policy_document" "now" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::fixed/*"]
  }
}

data "aws_iam_policy_document" "later" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::${aws_s3_bucket.b.bucket}/*"]
  }
}

resource "aws_iam_policy" "now" {
  policy = data.aws_iam_policy_document.now.json
}

resource "aws_iam_policy" "later" {
  policy = data.aws_iam_policy_document.later.json
}
"#,
    )
    .expect("write");
    let ev = evaluate_dir(dir.path(), &SourceMap::new(), &Options::default());
    let now = get(&ev, "aws_iam_policy.now")
        .body
        .attr("policy")
        .expect("policy");
    assert!(now
        .value
        .as_str()
        .is_some_and(|s| s.contains("arn:aws:s3:::fixed/*")));
    // The bucket name is known, but terraform reads the document only at
    // apply because it depends on a resource being created.
    let later = get(&ev, "aws_iam_policy.later")
        .body
        .attr("policy")
        .expect("policy");
    assert!(later.value.is_unknown());
    assert_eq!(
        later.refs,
        vec![
            "data.aws_iam_policy_document.later".to_string(),
            "aws_s3_bucket.b".to_string()
        ]
    );
    assert_eq!(
        val(
            get(&ev, "data.aws_iam_policy_document.later"),
            "statement.resources"
        ),
        json!(["arn:aws:s3:::known-name/*"])
    );
}

#[test]
fn override_files_merge_module_calls_providers_and_settings() {
    let sm = SourceMap::new();
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/120-override-modules-providers");
    let ev = evaluate_dir(&dir, &sm, &Options::default());
    // The module call takes the override's source, input and count; the
    // argument the override leaves alone keeps its place in main.tf.
    let call = get(&ev, "module.app[1]");
    assert_eq!(val(call, "source"), json!("./modules/b"));
    assert_eq!(val(call, "name"), json!("overridden"));
    assert_eq!(val(call, "tier"), json!("web"));
    let at = |r: &Resource, a: &str| {
        r.body
            .attr(a)
            .and_then(|x| sm.locate(x.span))
            .map(|l| (l.file.as_str().to_string(), l.start.line))
            .expect("located")
    };
    assert_eq!(at(call, "name"), ("override.tf".to_string(), 3));
    assert_eq!(at(call, "tier"), ("main.tf".to_string(), 18));
    assert_eq!(
        val(get(&ev, "module.app[0].aws_sns_topic.t"), "name"),
        json!("b-overridden-web")
    );
    // Provider arguments merge one by one.
    let p = get(&ev, "provider.aws");
    assert_eq!(val(p, "region"), json!("us-east-1"));
    assert_eq!(val(p, "skip_region_validation"), json!(true));
    // The terraform block keeps required_version; required_providers entries
    // are replaced by the override's.
    let t = get(&ev, "terraform");
    assert_eq!(val(t, "required_version"), json!(">= 1.0"));
    let rp = t
        .body
        .blocks("required_providers")
        .next()
        .and_then(|b| b.value("aws"))
        .map(Value::to_json);
    assert_eq!(
        rp,
        Some(json!({"source": "hashicorp/aws", "version": ">= 5.0"}))
    );
    assert_eq!(t.body.blocks("required_providers").count(), 1);
}

#[test]
fn numbers_beyond_float_range_are_named_in_the_parse_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("big.tf"), "locals {\n  big = 1e400\n}\n").expect("write");
    std::fs::write(
        dir.path().join("long.tf"),
        format!("locals {{\n  long = {}\n}}\n", "9".repeat(400)),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_sqs_queue\" \"q\" {\n  name = \"still-here\"\n}\n",
    )
    .expect("write");
    let sm = SourceMap::new();
    let ev = evaluate_dir(dir.path(), &sm, &Options::default());
    let messages: Vec<&str> = ev
        .diagnostics
        .iter()
        .filter(|d| d.code == "parse-error")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages
            .iter()
            .any(|m| m.contains("the number 1e400 is beyond the float range")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("999999999999… (400 characters)")),
        "{messages:?}"
    );
    assert_eq!(
        val(get(&ev, "aws_sqs_queue.q"), "name"),
        json!("still-here")
    );
}
