//! Property tests for the conversion functions and the JSON encoder.

use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;
use rampart_model::Value;
use rampart_tf_functions::{call, FnCtx, FnError};

fn c(name: &str, args: Vec<Value>) -> Result<Value, FnError> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let r = |_: &str, _: &BTreeMap<String, Value>| -> Result<Value, String> {
        Err("no templates".into())
    };
    let ctx = FnCtx {
        module_dir: here,
        confine_to: here,
        render_template: &r,
    };
    call(name, args, &ctx)
}

/// A number literal's value, as Terraform parses `f`'s shortest text.
fn literal(f: f64) -> Value {
    rampart_model::Number::parse(&f.to_string()).map_or(Value::Null, Value::Number)
}

/// Known values of the kinds Terraform can write in JSON.
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-1_000_000_000i64..1_000_000_000).prop_map(Value::from),
        // Decimals as written in configuration (512-bit, as Terraform reads them).
        (-1.0e12f64..1.0e12).prop_map(literal),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::List),
            prop::collection::btree_map(any::<String>(), inner, 0..6).prop_map(Value::Object),
        ]
    })
}

proptest! {
    #[test]
    fn tostring_tonumber_round_trip(n in -1.0e15f64..1.0e15) {
        let n = literal(n);
        let text = c("tostring", vec![n.clone()]);
        prop_assert!(matches!(text, Ok(Value::String(_))));
        let back = c("tonumber", vec![text.unwrap_or_default()]);
        prop_assert_eq!(back, Ok(n));
    }

    #[test]
    fn integers_print_without_fraction(n in -1_000_000_000_000i64..1_000_000_000_000) {
        prop_assert_eq!(c("tostring", vec![Value::from(n)]), Ok(Value::String(n.to_string())));
    }

    #[test]
    fn tonumber_tostring_keeps_decimal_text(int in -100_000i64..100_000, frac in 0u32..1000) {
        let text = if frac == 0 { int.to_string() } else { format!("{int}.{}", format!("{frac:03}").trim_end_matches('0')) };
        let n = c("tonumber", vec![Value::String(text.clone())]);
        let back = c("tostring", vec![n.unwrap_or_default()]);
        prop_assert_eq!(back, Ok(Value::String(text)));
    }

    #[test]
    fn toset_is_idempotent(items in prop::collection::vec("[a-c]{0,2}", 0..8)) {
        let list = Value::List(items.iter().map(|s| Value::from(s.as_str())).collect());
        let once = c("toset", vec![list]);
        prop_assert!(once.is_ok());
        let once = once.unwrap_or_default();
        let twice = c("toset", vec![once.clone()]);
        prop_assert_eq!(twice, Ok(once.clone()));
        if let Value::Set(elems) = &once {
            let mut sorted = elems.clone();
            sorted.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
            sorted.dedup();
            prop_assert_eq!(&sorted, elems);
        } else {
            prop_assert!(false, "toset gave {:?}", once);
        }
    }

    #[test]
    fn toset_of_numbers_is_idempotent(items in prop::collection::vec(-50i64..50, 0..10)) {
        let list = Value::List(items.iter().map(|n| Value::from(*n)).collect());
        let once = c("toset", vec![list]).unwrap_or_default();
        prop_assert_eq!(c("toset", vec![once.clone()]), Ok(once));
    }

    #[test]
    fn jsonencode_jsondecode_round_trip(v in value()) {
        let text = c("jsonencode", vec![v.clone()]);
        prop_assert!(matches!(text, Ok(Value::String(_))), "{:?}", text);
        let text = text.unwrap_or_default();
        // The text is plain JSON: serde_json agrees.
        let parsed: Result<serde_json::Value, _> = serde_json::from_str(text.as_str().unwrap_or(""));
        prop_assert!(parsed.is_ok());
        let back = c("jsondecode", vec![text]);
        prop_assert_eq!(back, Ok(v));
    }

    #[test]
    fn jsonencode_escapes_html_and_has_no_spaces(s in "[<>& a-z\"\\\\]{0,12}") {
        let text = c("jsonencode", vec![Value::String(s.clone())]).unwrap_or_default();
        let text = text.as_str().unwrap_or("");
        prop_assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let back: Result<String, _> = serde_json::from_str(text);
        prop_assert_eq!(back.ok(), Some(s));
    }

    #[test]
    fn yamlencode_yamldecode_round_trip(v in value()) {
        // YAML has no way to tell a float like 1.0 from 1; numbers stay equal.
        let text = c("yamlencode", vec![v.clone()]).unwrap_or_default();
        let back = c("yamldecode", vec![text.clone()]);
        prop_assert_eq!(back, Ok(v), "yaml was {:?}", text);
    }
}

/// Any value, including unknown and sensitive ones and strings that look
/// like format strings, patterns, paths, timestamps or CIDR prefixes.
fn any_value() -> impl Strategy<Value = Value> {
    let text = prop_oneof![
        "[a-z%.*?/\\[\\]{}()\\\\$~: -]{0,8}",
        Just("2018-01-02T23:12:01Z".to_string()),
        Just("10.0.0.0/8".to_string()),
        Just("fd00::/64".to_string()),
        Just("%5.2f %[2]s %q %v".to_string()),
        Just("files/hello.txt".to_string()),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        Just(Value::unknown_from(vec!["aws_s3_bucket.b".into()])),
        any::<bool>().prop_map(Value::Bool),
        (-300i64..300).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text.prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::List),
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::set),
            prop::collection::btree_map("[a-c]{1,2}", inner.clone(), 0..4).prop_map(Value::Object),
            inner.prop_map(|v| v.mark(true)),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_function_panics(
        idx in 0usize..200,
        args in prop::collection::vec(any_value(), 0..4),
    ) {
        let names = rampart_tf_functions::names();
        let name = names[idx % names.len()];
        let _ = c(name, args);
    }
}
