//! Expressions evaluated in an empty root module.

use std::path::Path;

use rampart_model::Value;
use rampart_terraform::eval_expression;

fn ev(src: &str) -> Value {
    match eval_expression(src, Path::new("/m")) {
        Ok(v) => v,
        Err(e) => panic!("{src}: {e}"),
    }
}

fn err(src: &str) -> String {
    match eval_expression(src, Path::new("/m")) {
        Ok(v) => panic!("{src}: expected an error, got {v}"),
        Err(e) => e,
    }
}

fn j(src: &str) -> serde_json::Value {
    ev(src).to_json()
}

#[test]
fn arithmetic_and_comparison() {
    assert_eq!(j("1 + 2 * 3"), serde_json::json!(7));
    assert_eq!(j("(1 + 2) * 3"), serde_json::json!(9));
    assert_eq!(j("7 % 3"), serde_json::json!(1));
    assert_eq!(j("-7 % 3"), serde_json::json!(-1));
    assert_eq!(j("10 / 4"), serde_json::json!(2.5));
    assert_eq!(j("-(3)"), serde_json::json!(-3));
    assert_eq!(j("\"5\" + 1"), serde_json::json!(6));
    assert_eq!(j("3 >= 3 && 2 < 1"), serde_json::json!(false));
    assert_eq!(j("!true || 1 > 0"), serde_json::json!(true));
    assert!(err("1 / 0").contains("divide by zero"));
    assert!(err("\"a\" + 1").contains("Invalid operand"));
    assert!(err("true + 1").contains("Invalid operand"));
}

#[test]
fn equality_across_types() {
    assert_eq!(j("1 == \"1\""), serde_json::json!(false));
    assert_eq!(j("[1, 2] == [1, 2]"), serde_json::json!(true));
    assert_eq!(j("{a = 1} != {a = 1}"), serde_json::json!(false));
    assert_eq!(j("null == null"), serde_json::json!(true));
    assert_eq!(j("\"x\" == null"), serde_json::json!(false));
}

#[test]
fn conditionals_unify_primitive_branches() {
    assert_eq!(ev("true ? 1 : \"a\""), Value::from("1"));
    assert_eq!(ev("false ? 1 : 2"), Value::from(2i64));
    assert_eq!(ev("false ? null.x : \"ok\""), Value::from("ok"));
    assert!(err("\"maybe\" ? 1 : 2").contains("condition"));
}

#[test]
fn for_expressions() {
    assert_eq!(
        j("[for x in [1, 2, 3] : x * 2 if x != 2]"),
        serde_json::json!([2, 6])
    );
    assert_eq!(
        j("{for k, v in {a = 1, b = 2} : v => k}"),
        serde_json::json!({"1": "a", "2": "b"})
    );
    assert_eq!(
        j("{for s in [\"ab\", \"ac\", \"b\"] : substr_key(s) => s...}"
            .replace("substr_key(s)", "s == \"b\" ? \"b\" : \"a\"")
            .as_str()),
        serde_json::json!({"a": ["ab", "ac"], "b": ["b"]})
    );
    assert_eq!(
        j("[for i, x in [\"a\", \"b\"] : \"${i}=${x}\"]"),
        serde_json::json!(["0=a", "1=b"])
    );
    assert!(err("{for x in [\"a\", \"a\"] : x => 1}").contains("Duplicate object key"));
    assert!(err("[for x in null : x]").contains("null"));
}

#[test]
fn splats_and_indexing() {
    assert_eq!(j("[{a = 1}, {a = 2}][*].a"), serde_json::json!([1, 2]));
    assert_eq!(
        j("[{a = {b = 1}}, {a = {b = 2}}].*.a.b"),
        serde_json::json!([1, 2])
    );
    assert_eq!(j("{a = 1}[*].a"), serde_json::json!([1]));
    assert_eq!(j("null[*]"), serde_json::json!([]));
    assert_eq!(j("[[1, 2], [3]][0][1]"), serde_json::json!(2));
    assert_eq!(j("{a = {b = \"c\"}}[\"a\"].b"), serde_json::json!("c"));
    assert_eq!(j("[10, 20].1"), serde_json::json!(20));
    assert!(err("[1][3]").contains("Invalid index"));
    assert!(err("{a = 1}.b").contains("Unsupported attribute"));
    assert!(err("{a = 1}[\"b\"]").contains("Invalid index"));
    assert!(err("null.a").contains("null"));
}

#[test]
fn templates_and_directives() {
    assert_eq!(j("\"a-${1 + 1}-${true}\""), serde_json::json!("a-2-true"));
    assert_eq!(j("\"${[1, 2]}\""), serde_json::json!([1, 2]));
    assert_eq!(
        j("\"%{if true}yes%{else}no%{endif}\""),
        serde_json::json!("yes")
    );
    assert_eq!(
        j("\"%{for x in [\"a\", \"b\"]}${x},%{endfor}\""),
        serde_json::json!("a,b,")
    );
    assert_eq!(j("\"a  ${~ \"b\" ~}   c\""), serde_json::json!("abc"));
    assert_eq!(j("\"$${x} %%{y}\""), serde_json::json!("${x} %{y}"));
    assert_eq!(
        j("<<-EOT\n    hello\n      ${\"world\"}\n    EOT\n"),
        serde_json::json!("hello\n  world\n")
    );
    assert_eq!(
        j("<<EOT\nx\n%{for i in [1, 2] ~}\n${i}\n%{~ endfor}\nEOT\n"),
        serde_json::json!("x\n12\n")
    );
    // Recorded from terraform 1.11 (`terraform console`).
    assert_eq!(
        j("<<-EOT\n    a\n      b ${1}\n    %{ if true }\n      c\n    %{ endif }\n  EOT\n"),
        serde_json::json!("a\n  b 1\n\n  c\n\n")
    );
    assert_eq!(
        j("<<-EOT\n      %{~for p in [80, 443]~}\n      port ${p}\n      %{~endfor~}\n    EOT\n"),
        serde_json::json!("      port 80\n      port 443\n")
    );
    assert!(err("\"a${null}\"").contains("null"));
    assert_eq!(ev("\"${null}\""), Value::Null);
    assert!(err("\"a${[1]}\"").contains("string"));
}

#[test]
fn try_and_can_are_lazy() {
    assert_eq!(
        j("try({a = 1}.b, \"fallback\")"),
        serde_json::json!("fallback")
    );
    assert_eq!(j("try([1][0], 5)"), serde_json::json!(1));
    assert_eq!(j("can([1][4])"), serde_json::json!(false));
    assert_eq!(j("can([1][0])"), serde_json::json!(true));
    assert!(err("try({}.a, {}.b)").contains("try"));
}

#[test]
fn string_literals_are_nfc() {
    // e + U+0301 (combining acute) becomes the precomposed é, as in HCL.
    assert_eq!(ev("\"e\\u0301t\\u00e9\""), Value::from("\u{e9}t\u{e9}"));
    assert_eq!(ev("\"x-e\u{301}-${1}\""), Value::from("x-\u{e9}-1"));
}

#[test]
fn templatestring_renders_a_string_template() {
    assert_eq!(
        ev("templatestring(\"Hello, $${name}! %%{ for i in xs }$${i}%%{ endfor }\", { name = \"Ann\", xs = [1, 2] })"),
        Value::from("Hello, Ann! 12")
    );
    assert!(err("templatestring(\"$${nope}\", {})").contains("templatestring"));
}

#[test]
fn paths_and_workspace() {
    assert_eq!(j("path.module"), serde_json::json!("/m"));
    assert_eq!(
        j("\"${terraform.workspace}\""),
        serde_json::json!("default")
    );
    assert!(err("var.x").contains("undeclared"));
}

#[test]
fn provider_functions() {
    assert_eq!(
        j("provider::aws::arn_parse(\"arn:aws:iam::123456789012:role/a/b\")"),
        serde_json::json!({"partition": "aws", "service": "iam", "region": "", "account_id": "123456789012", "resource": "role/a/b"})
    );
    assert_eq!(
        j("provider::aws::arn_build(\"aws\", \"s3\", \"\", \"\", \"b\")"),
        serde_json::json!("arn:aws:s3:::b")
    );
    assert_eq!(
        j("provider::aws::trim_iam_role_path(\"arn:aws:iam::1:role/p/q/r\")"),
        serde_json::json!("arn:aws:iam::1:role/r")
    );
    assert!(err("provider::aws::arn_parse(\"nope\")").contains("invalid ARN"));
    assert!(ev("provider::other::thing(1)").is_unknown());
}

#[test]
fn function_errors_and_unknown_functions_are_errors_here() {
    assert!(err("element([], 0)").contains("element"));
    assert!(err("no_such_function(1)").contains("no_such_function"));
    assert!(ev("timestamp()").is_unknown());
    // Errors inside try() are caught.
    assert_eq!(j("try(element([], 0), \"d\")"), serde_json::json!("d"));
}

#[test]
fn sensitivity_propagates() {
    assert!(ev("\"a-${sensitive(\"s\")}\"").is_sensitive());
    assert!(ev("sensitive(1) + 1").is_sensitive());
    assert!(ev("sensitive(true) ? 1 : 2").is_sensitive());
    assert!(ev("[for x in sensitive([1]) : x]").is_sensitive());
}

#[test]
fn syntax_errors_are_errors() {
    assert!(err("1 +").contains("Invalid expression"));
}

mod hostile {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        /// Arbitrary text never panics the parser or the evaluator.
        #[test]
        fn arbitrary_text_never_panics(src in "\\PC{0,80}") {
            let _ = eval_expression(&src, Path::new("/m"));
        }

        /// Expressions built from HCL pieces never panic either.
        #[test]
        fn assembled_expressions_never_panic(parts in proptest::collection::vec(prop_oneof![
            Just("1"), Just("\"s\""), Just("null"), Just("true"), Just("[1, \"a\"]"), Just("{a = 1}"),
            Just(" + "), Just(" == "), Just(" && "), Just(" ? "), Just(" : "), Just("[*]"), Just(".a"),
            Just("[0]"), Just("("), Just(")"), Just("[for x in "), Just(" : x]"), Just("${"), Just("}"),
            Just("%{if true}"), Just("%{endif}"), Just("try("), Just("can("), Just(", "), Just("!"), Just("-"),
        ], 0..24)) {
            let src = parts.concat();
            let _ = eval_expression(&src, Path::new("/m"));
            let _ = eval_expression(&format!("\"{src}\""), Path::new("/m"));
        }
    }
}
