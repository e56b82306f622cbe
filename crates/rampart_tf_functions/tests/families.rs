//! Direct calls into the function library, family by family: values,
//! Terraform's error cases, unknown propagation and sensitivity.

use std::collections::BTreeMap;
use std::path::Path;

use rampart_model::Value;
use rampart_tf_functions::{call, exists, names, FnCtx, FnError};

fn render(text: &str, vars: &BTreeMap<String, Value>) -> Result<Value, String> {
    // A tiny stand-in for the evaluator's template engine: ${name} only.
    let mut out = text.to_string();
    for (k, v) in vars {
        let s = v
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| v.to_string());
        out = out.replace(&format!("${{{k}}}"), &s);
    }
    Ok(Value::String(out))
}

fn with_ctx<T>(dir: &Path, confine: &Path, f: impl FnOnce(&FnCtx<'_>) -> T) -> T {
    let r = render;
    let ctx = FnCtx {
        module_dir: dir,
        confine_to: confine,
        render_template: &r,
    };
    f(&ctx)
}

fn c(name: &str, args: Vec<Value>) -> Result<Value, FnError> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    with_ctx(&here, &here, |ctx| call(name, args, ctx))
}

fn ok(name: &str, args: Vec<Value>) -> Value {
    match c(name, args) {
        Ok(v) => v,
        Err(e) => panic!("{name} failed: {e}"),
    }
}

fn invalid(name: &str, args: Vec<Value>) -> String {
    match c(name, args) {
        Err(FnError::Invalid(m)) => m,
        other => panic!("{name}: expected an Invalid error, got {other:?}"),
    }
}

fn s(x: &str) -> Value {
    Value::from(x)
}
fn n(x: f64) -> Value {
    Value::from(x)
}
fn list(items: Vec<Value>) -> Value {
    Value::List(items)
}
fn strs(items: &[&str]) -> Value {
    Value::List(items.iter().map(|x| Value::from(*x)).collect())
}
fn obj(pairs: Vec<(&str, Value)>) -> Value {
    Value::object(pairs)
}
fn unk(r: &str) -> Value {
    Value::unknown_from(vec![r.to_string()])
}

// ------------------------------------------------------------ registry

#[test]
fn registry_covers_at_least_100_functions() {
    assert!(names().len() >= 110, "{}", names().len());
    for f in [
        "abs",
        "cidrsubnets",
        "yamlencode",
        "templatefile",
        "uuidv5",
        "tomap",
    ] {
        assert!(exists(f), "{f}");
    }
    assert_eq!(
        c("nosuch", vec![]),
        Err(FnError::UnknownFunction("nosuch".into()))
    );
    assert!(matches!(
        c("type", vec![n(1.0)]),
        Err(FnError::UnknownFunction(_))
    ));
}

#[test]
fn arity_is_checked() {
    assert!(invalid("abs", vec![]).contains("Not enough"));
    assert!(invalid("abs", vec![n(1.0), n(2.0)]).contains("Too many"));
    assert!(invalid("upper", vec![Value::Null]).contains("null"));
}

// ------------------------------------------------------------ numeric

#[test]
fn numeric_values() {
    assert_eq!(ok("abs", vec![n(-3.5)]), n(3.5));
    assert_eq!(ok("ceil", vec![s("1.2")]), n(2.0));
    assert_eq!(ok("floor", vec![n(-1.2)]), n(-2.0));
    assert_eq!(ok("log", vec![n(16.0), n(2.0)]), n(4.0));
    assert_eq!(ok("max", vec![n(1.0), s("5"), n(3.0)]), n(5.0));
    assert_eq!(ok("min", vec![n(1.0), n(-5.0)]), n(-5.0));
    assert_eq!(ok("pow", vec![n(2.0), n(10.0)]), n(1024.0));
    assert_eq!(ok("signum", vec![n(-7.0)]), n(-1.0));
    assert_eq!(ok("parseint", vec![s("FF"), n(16.0)]), n(255.0));
    assert_eq!(ok("parseint", vec![s("-101"), n(2.0)]), n(-5.0));
}

#[test]
fn numeric_errors() {
    invalid("abs", vec![s("x")]);
    invalid("max", vec![]);
    invalid("parseint", vec![s("12"), n(2.0)]);
    invalid("parseint", vec![n(12.0), n(10.0)]);
    invalid("parseint", vec![s("1"), n(63.0)]);
    invalid("signum", vec![n(1.5)]);
    invalid("pow", vec![n(-8.0), n(1.0 / 3.0)]);
}

// ------------------------------------------------------------ string

#[test]
fn string_values() {
    assert_eq!(ok("chomp", vec![s("x\r\n\n")]), s("x"));
    assert_eq!(ok("indent", vec![n(2.0), s("a\nb")]), s("a\n  b"));
    assert_eq!(
        ok("join", vec![s("-"), strs(&["a"]), list(vec![n(1.0)])]),
        s("a-1")
    );
    assert_eq!(
        ok("title", vec![s("hello-world foo_bar")]),
        s("Hello-World Foo_bar")
    );
    assert_eq!(ok("upper", vec![s("straße")]), s("STRAßE"));
    assert_eq!(ok("strrev", vec![s("añb")]), s("bña"));
    assert_eq!(ok("substr", vec![s("hello"), n(-3.0), n(-1.0)]), s("llo"));
    assert_eq!(ok("trim", vec![s("?!x!?"), s("!?")]), s("x"));
    assert_eq!(ok("trimprefix", vec![s("aab"), s("a")]), s("ab"));
    assert_eq!(ok("trimsuffix", vec![s("abb"), s("b")]), s("ab"));
    assert_eq!(ok("trimspace", vec![s("\u{a0} x\t")]), s("x"));
    assert_eq!(ok("split", vec![s(","), s("a,,b")]), strs(&["a", "", "b"]));
    assert_eq!(ok("startswith", vec![s("abc"), s("ab")]), Value::Bool(true));
    assert_eq!(ok("endswith", vec![s("abc"), s("ab")]), Value::Bool(false));
    assert_eq!(ok("strcontains", vec![s("abc"), s("b")]), Value::Bool(true));
    assert_eq!(ok("lower", vec![s("ÀB")]), s("àb"));
}

#[test]
fn regex_and_replace() {
    assert_eq!(ok("regex", vec![s("[a-z]+"), s("12abc34")]), s("abc"));
    assert_eq!(
        ok("regex", vec![s("(\\d+)-(\\d+)"), s("10-20")]),
        strs(&["10", "20"])
    );
    assert_eq!(
        ok("regex", vec![s("(?P<y>\\d{4})"), s("in 2024")]),
        obj(vec![("y", s("2024"))])
    );
    assert_eq!(
        ok("regex", vec![s("(a)|(b)"), s("b")]),
        list(vec![Value::Null, s("b")])
    );
    assert_eq!(ok("regexall", vec![s("\\d"), s("a1b2")]), strs(&["1", "2"]));
    assert_eq!(
        ok("replace", vec![s("hello world"), s("/(h)(e)/"), s("$2$1")]),
        s("ehllo world")
    );
    assert_eq!(ok("replace", vec![s("a.b"), s("."), s("/")]), s("a/b"));
    invalid("regex", vec![s("x"), s("abc")]);
    invalid("regex", vec![s("["), s("abc")]);
    invalid("regex", vec![s("(?P<a>x)(y)"), s("xy")]);
}

#[test]
fn format_verbs() {
    assert_eq!(ok("format", vec![s("%s=%d"), s("a"), n(4.0)]), s("a=4"));
    assert_eq!(
        ok("format", vec![s("%05.1f|%-4s|"), n(3.25159), s("x")]),
        s("003.3|x   |")
    );
    assert_eq!(
        ok("format", vec![s("%#v"), obj(vec![("b", n(1.0))])]),
        s("{\"b\":1}")
    );
    assert_eq!(ok("format", vec![s("%q"), s("a\"b")]), s("\"a\\\"b\""));
    assert_eq!(
        ok(
            "format",
            vec![s("%x %X %o %b"), n(255.0), n(255.0), n(8.0), n(5.0)]
        ),
        s("ff FF 10 101")
    );
    assert_eq!(ok("format", vec![s("%e"), n(1234.5678)]), s("1.234568e+03"));
    assert_eq!(ok("format", vec![s("%g"), n(0.00001234)]), s("1.234e-05"));
    assert_eq!(
        ok("format", vec![s("%[2]s %[1]s"), s("a"), s("b")]),
        s("b a")
    );
    assert_eq!(ok("format", vec![s("100%%")]), s("100%"));
    assert_eq!(ok("format", vec![s("%t"), s("true")]), s("true"));
    assert_eq!(ok("format", vec![s("%v"), n(1e15)]), s("1e+15"));
    // Terraform: a null argument makes the result unknown.
    assert!(ok("format", vec![s("%s"), Value::Null]).is_unknown());
    invalid("format", vec![s("%s %s"), s("a")]);
    invalid("format", vec![s("%s"), s("a"), s("b")]);
    invalid("format", vec![s("%d"), n(4.5)]);
    invalid("format", vec![s("%z"), n(1.0)]);
    invalid("format", vec![s("%s"), strs(&["a"])]);
}

#[test]
fn formatlist_rows() {
    assert_eq!(
        ok(
            "formatlist",
            vec![s("%s-%d"), s("x"), list(vec![n(1.0), n(2.0)])]
        ),
        strs(&["x-1", "x-2"])
    );
    assert_eq!(ok("formatlist", vec![s("%s"), s("one")]), strs(&["one"]));
    invalid(
        "formatlist",
        vec![s("%s%s"), strs(&["a", "b"]), strs(&["c"])],
    );
}

// ------------------------------------------------------------ collection

#[test]
fn collection_values() {
    assert_eq!(
        ok("alltrue", vec![list(vec![Value::Bool(true), s("true")])]),
        Value::Bool(true)
    );
    assert_eq!(ok("anytrue", vec![list(vec![])]), Value::Bool(false));
    assert_eq!(
        ok("chunklist", vec![strs(&["a", "b", "c"]), n(2.0)]),
        list(vec![strs(&["a", "b"]), strs(&["c"])])
    );
    assert_eq!(ok("coalesce", vec![Value::Null, s(""), s("c")]), s("c"));
    assert_eq!(ok("coalesce", vec![n(1.0), s("x")]), s("1"));
    assert_eq!(
        ok("compact", vec![list(vec![s("a"), s(""), Value::Null])]),
        strs(&["a"])
    );
    assert_eq!(
        ok("distinct", vec![list(vec![n(1.0), s("1")])]),
        strs(&["1"])
    );
    assert_eq!(ok("element", vec![strs(&["a", "b"]), n(3.0)]), s("b"));
    assert_eq!(
        ok(
            "flatten",
            vec![list(vec![strs(&["a"]), list(vec![strs(&["b"])])])]
        ),
        strs(&["a", "b"])
    );
    assert_eq!(ok("index", vec![strs(&["a", "b"]), s("b")]), n(1.0));
    assert_eq!(ok("length", vec![s("héllo")]), n(5.0));
    assert_eq!(
        ok("lookup", vec![obj(vec![("a", n(1.0))]), s("b"), s("d")]),
        s("d")
    );
    assert_eq!(
        ok(
            "matchkeys",
            vec![strs(&["i1", "i2"]), strs(&["x", "y"]), strs(&["y"])]
        ),
        strs(&["i2"])
    );
    assert_eq!(
        ok(
            "merge",
            vec![
                obj(vec![("a", n(1.0))]),
                Value::Null,
                obj(vec![("a", n(2.0))])
            ]
        ),
        obj(vec![("a", n(2.0))])
    );
    assert_eq!(ok("one", vec![list(vec![])]), Value::Null);
    assert_eq!(
        ok("range", vec![n(10.0), n(5.0), n(-2.0)]),
        list(vec![n(10.0), n(8.0), n(6.0)])
    );
    assert_eq!(ok("reverse", vec![strs(&["a", "b"])]), strs(&["b", "a"]));
    assert_eq!(
        ok("setproduct", vec![strs(&["a"]), strs(&["x", "y"])]),
        list(vec![strs(&["a", "x"]), strs(&["a", "y"])])
    );
    assert_eq!(
        ok(
            "setunion",
            vec![list(vec![n(3.0), n(1.0)]), list(vec![n(10.0)])]
        ),
        Value::Set(vec![n(1.0), n(3.0), n(10.0)])
    );
    assert_eq!(
        ok("setsubtract", vec![strs(&["a", "b"]), strs(&["a"])]),
        Value::Set(vec![s("b")])
    );
    assert_eq!(
        ok("setintersection", vec![strs(&["a", "b"]), strs(&["b"])]),
        Value::Set(vec![s("b")])
    );
    assert_eq!(
        ok("slice", vec![strs(&["a", "b", "c"]), n(1.0), n(3.0)]),
        strs(&["b", "c"])
    );
    assert_eq!(
        ok("sort", vec![list(vec![n(11.0), n(2.0)])]),
        strs(&["11", "2"])
    );
    assert_eq!(ok("sum", vec![list(vec![n(1.5), s("2")])]), n(3.5));
    assert_eq!(
        ok(
            "transpose",
            vec![obj(vec![("a", strs(&["1"])), ("b", strs(&["1"]))])]
        ),
        obj(vec![("1", strs(&["a", "b"]))])
    );
    assert_eq!(
        ok("keys", vec![obj(vec![("b", n(1.0)), ("a", n(2.0))])]),
        strs(&["a", "b"])
    );
    assert_eq!(
        ok("values", vec![obj(vec![("b", n(1.0)), ("a", n(2.0))])]),
        list(vec![n(2.0), n(1.0)])
    );
    assert_eq!(
        ok("zipmap", vec![strs(&["a"]), list(vec![n(1.0)])]),
        obj(vec![("a", n(1.0))])
    );
    assert_eq!(
        ok("contains", vec![list(vec![n(1.0)]), s("1")]),
        Value::Bool(false)
    );
}

#[test]
fn collection_errors() {
    invalid("chunklist", vec![strs(&["a"]), n(-1.0)]);
    invalid("coalesce", vec![Value::Null, s("")]);
    invalid("coalescelist", vec![Value::Null, strs(&["x"])]);
    invalid("concat", vec![strs(&["a"]), s("b")]);
    invalid("element", vec![list(vec![]), n(0.0)]);
    invalid("element", vec![strs(&["a"]), n(-1.0)]);
    invalid("index", vec![strs(&["a"]), s("z")]);
    invalid("length", vec![n(5.0)]);
    invalid("lookup", vec![obj(vec![("a", n(1.0))]), s("c")]);
    invalid("merge", vec![obj(vec![]), s("x")]);
    invalid("one", vec![strs(&["a", "b"])]);
    invalid("range", vec![n(0.0), n(1.0), n(0.0)]);
    invalid("range", vec![n(1025.0)]);
    invalid("setproduct", vec![strs(&["a"])]);
    invalid("slice", vec![strs(&["a"]), n(0.0), n(2.0)]);
    invalid("sum", vec![list(vec![])]);
    invalid("zipmap", vec![strs(&["a", "b"]), list(vec![n(1.0)])]);
    invalid("tolist", vec![list(vec![n(1.0), Value::Bool(true)])]);
}

// ------------------------------------------------------------ encoding

#[test]
fn json_encoding_is_terraforms() {
    let v = obj(vec![
        ("b", list(vec![n(1.5), Value::Null, Value::Bool(true)])),
        ("a", s("<&>\n\u{2028}")),
    ]);
    assert_eq!(
        ok("jsonencode", vec![v]),
        s("{\"a\":\"\\u003c\\u0026\\u003e\\n\\u2028\",\"b\":[1.5,null,true]}")
    );
    assert_eq!(ok("jsonencode", vec![n(1e21)]), s("1000000000000000000000"));
    assert_eq!(ok("jsonencode", vec![n(-0.000001)]), s("-0.000001"));
    assert_eq!(
        ok("jsondecode", vec![s("{\"a\":[1,\"x\",null]}")]),
        obj(vec![("a", list(vec![n(1.0), s("x"), Value::Null]))])
    );
    invalid("jsondecode", vec![s("{")]);
    invalid("jsondecode", vec![s("")]);
}

#[test]
fn base64_csv_url_text() {
    assert_eq!(
        ok("base64encode", vec![s("Hello World")]),
        s("SGVsbG8gV29ybGQ=")
    );
    assert_eq!(
        ok("base64decode", vec![s("SGVsbG8gV29ybGQ=")]),
        s("Hello World")
    );
    invalid("base64decode", vec![s("/w==")]);
    invalid("base64decode", vec![s("SGVsbG8")]);
    assert_eq!(
        ok("base64gzip", vec![s("hello world")]),
        s("H4sIAAAAAAAA/8pIzcnJVyjPL8pJAQAAAP//AQAA//+FEUoNCwAAAA==")
    );
    assert_eq!(
        ok("csvdecode", vec![s("a,b\n1,\"x,y\"\n")]),
        list(vec![obj(vec![("a", s("1")), ("b", s("x,y"))])])
    );
    invalid("csvdecode", vec![s("a,b\n1")]);
    invalid("csvdecode", vec![s("a,a\n1,2")]);
    assert_eq!(
        ok("urlencode", vec![s("a b&c/日")]),
        s("a+b%26c%2F%E6%97%A5")
    );
    assert_eq!(
        ok("textencodebase64", vec![s("Hi"), s("UTF-16LE")]),
        s("SABpAA==")
    );
    assert_eq!(
        ok("textdecodebase64", vec![s("SABpAA=="), s("utf-16le")]),
        s("Hi")
    );
    invalid("textencodebase64", vec![s("Hi"), s("NOPE")]);
    invalid("textencodebase64", vec![s("Hi"), s("utf8")]);
    assert_eq!(
        ok("textencodebase64", vec![s("Hi€"), s("windows-1252")]),
        s("SGmA")
    );
    invalid("textdecodebase64", vec![s("gQ=="), s("windows-1252")]);
    invalid("textencodebase64", vec![s("日"), s("ISO-8859-1")]);
}

#[test]
fn yaml_both_ways() {
    assert_eq!(
        ok(
            "yamldecode",
            vec![s("a: yes\nb: 0x10\nc: 010\nd: ~\ne: '1'")]
        ),
        obj(vec![
            ("a", Value::Bool(true)),
            ("b", n(16.0)),
            ("c", n(10.0)),
            ("d", Value::Null),
            ("e", s("1")),
        ])
    );
    assert_eq!(
        ok("yamldecode", vec![s("b: &x {k: 1}\nc:\n  <<: *x\n  j: 2")]),
        obj(vec![
            ("b", obj(vec![("k", n(1.0))])),
            ("c", obj(vec![("j", n(2.0)), ("k", n(1.0))])),
        ])
    );
    invalid("yamldecode", vec![s("")]);
    invalid("yamldecode", vec![s("a: [1")]);
    invalid("yamldecode", vec![s("---\na: 1\n---\nb: 2")]);
    invalid("yamldecode", vec![s("a: !custom x")]);
    assert_eq!(
        ok(
            "yamlencode",
            vec![obj(vec![
                (
                    "foo",
                    list(vec![n(1.0), obj(vec![("a", s("b")), ("c", s("d"))])])
                ),
                ("bar", s("x\ny")),
            ])]
        ),
        s("\"bar\": |-\n  x\n  y\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n")
    );
    assert_eq!(ok("yamlencode", vec![n(1.0)]), s("1\n...\n"));
    assert_eq!(ok("yamlencode", vec![list(vec![])]), s("[]\n"));
}

// ------------------------------------------------------------ filesystem

#[test]
fn files_relative_to_module_dir() {
    assert_eq!(ok("file", vec![s("files/hello.txt")]), s("Hello, world!\n"));
    assert_eq!(
        ok("fileexists", vec![s("files/hello.txt")]),
        Value::Bool(true)
    );
    assert_eq!(ok("fileexists", vec![s("files/nope")]), Value::Bool(false));
    assert_eq!(
        ok("filemd5", vec![s("files/hello.txt")]),
        s("746308829575e17c3331bbcb00c0898b")
    );
    assert_eq!(
        ok("fileset", vec![s("files"), s("sub/*.txt")]),
        Value::Set(vec![s("sub/a.txt"), s("sub/c.txt")])
    );
    assert_eq!(
        ok("templatefile", vec![s("files/hello.txt"), obj(vec![])]),
        s("Hello, world!\n")
    );
    invalid("file", vec![s("files/missing.txt")]);
    invalid("file", vec![s("files/binary.bin")]);
    invalid("fileexists", vec![s("files/sub")]);
    invalid(
        "templatefile",
        vec![s("files/hello.txt"), obj(vec![("bad name", n(1.0))])],
    );
    assert_eq!(ok("dirname", vec![s("a/b/c.txt")]), s("a/b"));
    assert_eq!(ok("basename", vec![s("a/b/")]), s("b"));
    assert_eq!(ok("abspath", vec![s("/a/b/../c")]), s("/a/c"));
    invalid("pathexpand", vec![s("~user/x")]);
}

#[test]
fn files_outside_the_confinement_are_refused() {
    let outer = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let inner = outer.path().join("module");
    std::fs::create_dir_all(&inner).unwrap_or_else(|e| panic!("mkdir: {e}"));
    std::fs::write(outer.path().join("secret.txt"), "top secret")
        .unwrap_or_else(|e| panic!("write: {e}"));
    std::fs::write(inner.join("ok.txt"), "fine").unwrap_or_else(|e| panic!("write: {e}"));
    with_ctx(&inner, &inner, |ctx| {
        assert_eq!(call("file", vec![s("ok.txt")], ctx), Ok(s("fine")));
        for f in ["file", "filebase64", "filesha256", "fileexists"] {
            let r = call(f, vec![s("../secret.txt")], ctx);
            assert!(matches!(r, Err(FnError::Invalid(_))), "{f}: {r:?}");
        }
        let abs = outer.path().join("secret.txt");
        let r = call("file", vec![s(&abs.to_string_lossy())], ctx);
        assert!(matches!(r, Err(FnError::Invalid(_))), "{r:?}");
        let r = call("fileset", vec![s(".."), s("*")], ctx);
        assert!(matches!(r, Err(FnError::Invalid(_))), "{r:?}");
    });
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(outer.path().join("secret.txt"), inner.join("link.txt"))
            .unwrap_or_else(|e| panic!("symlink: {e}"));
        with_ctx(&inner, &inner, |ctx| {
            let r = call("file", vec![s("link.txt")], ctx);
            assert!(
                matches!(r, Err(FnError::Invalid(_))),
                "symlink escape: {r:?}"
            );
        });
    }
}

// ------------------------------------------------------------ date and time

#[test]
fn dates() {
    assert_eq!(
        ok(
            "formatdate",
            vec![
                s("EEE, DD MMM YYYY hh:mm:ss ZZZ"),
                s("2018-01-02T23:12:01-08:00")
            ]
        ),
        s("Tue, 02 Jan 2018 23:12:01 -0800")
    );
    assert_eq!(
        ok(
            "formatdate",
            vec![s("HH:mmaa 'at' D"), s("2018-01-02T23:12:01Z")]
        ),
        s("11:12pm at 2")
    );
    assert_eq!(
        ok("timeadd", vec![s("2017-12-31T23:00:00Z"), s("1h30m")]),
        s("2018-01-01T00:30:00Z")
    );
    assert_eq!(
        ok("timeadd", vec![s("2017-11-22T00:00:00+05:00"), s("-1.5h")]),
        s("2017-11-21T22:30:00+05:00")
    );
    assert_eq!(
        ok(
            "timecmp",
            vec![s("2017-11-22T01:00:00+01:00"), s("2017-11-22T00:00:00Z")]
        ),
        n(0.0)
    );
    invalid("formatdate", vec![s("YYYY"), s("2018-01-02")]);
    invalid("formatdate", vec![s("Q"), s("2018-01-02T00:00:00Z")]);
    invalid("timeadd", vec![s("2018-01-02T00:00:00Z"), s("1d")]);
    invalid(
        "timecmp",
        vec![s("2024-02-30T00:00:00Z"), s("2018-01-02T00:00:00Z")],
    );
    assert!(matches!(
        c("timestamp", vec![]),
        Err(FnError::NotKnowable(_))
    ));
    assert!(matches!(
        c("plantimestamp", vec![]),
        Err(FnError::NotKnowable(_))
    ));
}

// ------------------------------------------------------------ hash and crypto

#[test]
fn hashes() {
    assert_eq!(
        ok("md5", vec![s("hello world")]),
        s("5eb63bbbe01eeed093cb22bb8f5acdc3")
    );
    assert_eq!(
        ok("sha1", vec![s("hello world")]),
        s("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed")
    );
    assert_eq!(
        ok("sha256", vec![s("")]),
        s("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    );
    assert_eq!(
        ok("base64sha256", vec![s("hello world")]),
        s("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=")
    );
    assert_eq!(
        ok("uuidv5", vec![s("dns"), s("www.terraform.io")]),
        s("a5008fae-b28c-5ba5-96cd-82b4c53552d6")
    );
    invalid("uuidv5", vec![s("bogus"), s("x")]);
    invalid("bcrypt", vec![s("x"), n(50.0)]);
    assert!(matches!(c("uuid", vec![]), Err(FnError::NotKnowable(_))));
    assert!(matches!(
        c("bcrypt", vec![s("pw")]),
        Err(FnError::NotKnowable(_))
    ));
}

// ------------------------------------------------------------ IP networks

#[test]
fn cidr_math() {
    assert_eq!(
        ok("cidrhost", vec![s("10.12.112.0/20"), n(-1.0)]),
        s("10.12.127.255")
    );
    assert_eq!(
        ok(
            "cidrhost",
            vec![s("fd00:fd12:3456:7890:00a2::/72"), n(34.0)]
        ),
        s("fd00:fd12:3456:7890::22")
    );
    assert_eq!(
        ok("cidrnetmask", vec![s("172.16.0.0/12")]),
        s("255.240.0.0")
    );
    assert_eq!(
        ok("cidrsubnet", vec![s("172.16.0.0/12"), n(4.0), n(2.0)]),
        s("172.18.0.0/16")
    );
    assert_eq!(
        ok(
            "cidrsubnets",
            vec![s("10.1.0.0/16"), n(4.0), n(4.0), n(8.0), n(4.0)]
        ),
        strs(&[
            "10.1.0.0/20",
            "10.1.16.0/20",
            "10.1.32.0/24",
            "10.1.48.0/20"
        ])
    );
    invalid("cidrhost", vec![s("10.0.0.0/32"), n(1.0)]);
    invalid("cidrnetmask", vec![s("fd00::/64")]);
    invalid("cidrsubnet", vec![s("10.1.2.0/24"), n(9.0), n(0.0)]);
    invalid(
        "cidrsubnets",
        vec![s("10.1.0.0/16"), n(1.0), n(1.0), n(1.0)],
    );
    invalid("cidrhost", vec![s("not a cidr"), n(1.0)]);
}

// ------------------------------------------------------------ conversion

#[test]
fn conversions() {
    assert_eq!(ok("tostring", vec![n(1.5)]), s("1.5"));
    assert_eq!(ok("tostring", vec![Value::Null]), Value::Null);
    assert_eq!(ok("tonumber", vec![s("1.5e2")]), n(150.0));
    assert_eq!(ok("tobool", vec![s("false")]), Value::Bool(false));
    assert_eq!(
        ok("tolist", vec![list(vec![s("a"), n(1.0)])]),
        strs(&["a", "1"])
    );
    assert_eq!(
        ok("toset", vec![strs(&["b", "a", "b"])]),
        Value::Set(vec![s("a"), s("b")])
    );
    assert_eq!(
        ok("tomap", vec![obj(vec![("a", s("x")), ("b", n(1.0))])]),
        obj(vec![("a", s("x")), ("b", s("1"))])
    );
    invalid("tostring", vec![list(vec![])]);
    invalid("tonumber", vec![s(" 1")]);
    invalid("tobool", vec![s("yes")]);
    invalid("tomap", vec![obj(vec![("a", s("x")), ("b", list(vec![]))])]);
}

// ------------------------------------------------------------ sensitivity

#[test]
fn sensitivity_marks() {
    let secret = ok("sensitive", vec![s("hunter2")]);
    assert!(secret.is_sensitive());
    let up = ok("upper", vec![secret.clone()]);
    assert_eq!(up, s("HUNTER2").mark(true));
    // Counting or picking elements does not reveal a marked element.
    let inside = ok("length", vec![list(vec![s("a"), secret.clone()])]);
    assert_eq!(inside, n(2.0));
    let picked = ok("element", vec![list(vec![secret.clone(), s("b")]), n(1.0)]);
    assert_eq!(picked, s("b"));
    let picked = ok("element", vec![list(vec![secret.clone(), s("b")]), n(0.0)]);
    assert!(picked.is_sensitive());
    let joined = ok("join", vec![s(","), list(vec![secret.clone(), s("b")])]);
    assert_eq!(joined, s("hunter2,b").mark(true));
    assert_eq!(ok("nonsensitive", vec![up]), s("HUNTER2"));
    assert_eq!(ok("issensitive", vec![secret.clone()]), Value::Bool(true));
    // Only the value's own mark counts.
    assert_eq!(
        ok("issensitive", vec![list(vec![secret.clone()])]),
        Value::Bool(false)
    );
    assert!(ok("nonsensitive", vec![list(vec![secret])]).has_sensitive());
    assert_eq!(ok("issensitive", vec![s("x")]), Value::Bool(false));
    assert!(c("sensitive", vec![]).is_err());
}

// ------------------------------------------------------------ unknowns

#[test]
fn unknowns_propagate_with_their_references() {
    let r = ok("upper", vec![unk("aws_s3_bucket.a")]);
    assert_eq!(r, unk("aws_s3_bucket.a"));
    let r = ok("join", vec![s(","), list(vec![unk("a.b"), unk("c.d")])]);
    let mut refs = vec![];
    r.unknown_refs(&mut refs);
    assert!(r.is_unknown());
    assert_eq!(refs, vec!["a.b", "c.d"]);
    let r = ok("format", vec![s("%s"), unk("x.y")]);
    assert!(r.is_unknown());
    let r = ok("jsonencode", vec![obj(vec![("a", unk("x.y"))])]);
    assert!(r.is_unknown());
}

#[test]
fn unknowns_where_terraform_knows_the_answer() {
    assert_eq!(
        ok("length", vec![list(vec![unk("a.b"), unk("a.c")])]),
        n(2.0)
    );
    assert_eq!(
        ok("keys", vec![obj(vec![("x", unk("a.b")), ("y", n(1.0))])]),
        strs(&["x", "y"])
    );
    assert_eq!(
        ok("coalesce", vec![Value::Null, s("a"), unk("a.b")]),
        s("a")
    );
    assert!(ok("coalesce", vec![Value::Null, unk("a.b"), s("a")]).is_unknown());
    assert_eq!(
        ok("contains", vec![list(vec![s("a"), unk("a.b")]), s("a")]),
        Value::Bool(true)
    );
    assert!(ok("contains", vec![list(vec![s("a"), unk("a.b")]), s("z")]).is_unknown());
    assert_eq!(
        ok(
            "lookup",
            vec![obj(vec![("a", s("k")), ("b", unk("a.b"))]), s("a")]
        ),
        s("k")
    );
    assert!(ok("lookup", vec![obj(vec![("a", s("k"))]), unk("a.b")]).is_unknown());
    assert_eq!(
        ok("concat", vec![strs(&["a"]), list(vec![unk("a.b")])]),
        list(vec![s("a"), unk("a.b")])
    );
    assert_eq!(
        ok("element", vec![list(vec![s("a"), unk("a.b")]), n(0.0)]),
        s("a")
    );
    assert!(ok("concat", vec![strs(&["a"]), unk("a.b")]).is_unknown());
    assert_eq!(
        ok(
            "merge",
            vec![obj(vec![("a", unk("x.y"))]), obj(vec![("b", n(1.0))])]
        ),
        obj(vec![("a", unk("x.y")), ("b", n(1.0))])
    );
    assert!(ok("zipmap", vec![list(vec![unk("a.b")]), list(vec![n(1.0)])]).is_unknown());
}

#[test]
fn nothing_panics_on_odd_input() {
    let odd = [
        Value::Null,
        s(""),
        s("\u{0}\u{ffff}"),
        n(f64::INFINITY),
        n(-1e300),
        n(f64::NAN),
        list(vec![list(vec![]), obj(vec![])]),
        obj(vec![("", Value::Null)]),
        Value::Set(vec![unk("a.b")]),
        unk("x.y").mark(true),
    ];
    for name in names() {
        for a in &odd {
            for b in &odd {
                let _ = c(name, vec![a.clone()]);
                let _ = c(name, vec![a.clone(), b.clone()]);
                let _ = c(name, vec![s("%[99]d"), a.clone(), b.clone()]);
            }
        }
    }
}

#[test]
fn large_collections_stay_fast() {
    let started = std::time::Instant::now();
    let big: Vec<Value> = (0..100_000)
        .map(|i| s(&format!("item-{}", i % 50_000)))
        .collect();
    let set = ok("toset", vec![list(big.clone())]);
    assert_eq!(set.as_list().map(<[Value]>::len), Some(50_000));
    let d = ok("distinct", vec![list(big.clone())]);
    assert_eq!(d.as_list().map(<[Value]>::len), Some(50_000));
    let sub = ok(
        "setsubtract",
        vec![list(big.clone()), list(big[..10].to_vec())],
    );
    assert_eq!(sub.as_list().map(<[Value]>::len), Some(49_990));
    let inter = ok("setintersection", vec![list(big.clone()), list(big)]);
    assert_eq!(inter.as_list().map(<[Value]>::len), Some(50_000));
    // Generous bound for an unoptimised debug build on a busy machine.
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn hostile_yaml_and_json_are_refused_or_bounded() {
    let laughs =
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n\
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n\
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n\
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n\
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n\
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n\
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n\
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n\
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
    let started = std::time::Instant::now();
    let _ = c("yamldecode", vec![s(laughs)]);
    assert!(started.elapsed().as_secs() < 20);
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(c("yamldecode", vec![s(&deep)]).is_err());
    assert!(c("jsondecode", vec![s(&deep)]).is_err());
}

#[test]
fn format_widths_are_not_clipped() {
    // Terraform pads to any width; 70000 used to be clipped to 65535 here.
    let wide = ok("format", vec![s("%70000d"), n(1.0)]);
    assert_eq!(wide.as_str().map(str::len), Some(70000));
    let digits = ok("format", vec![s("%.70000f"), n(1.0)]);
    assert_eq!(digits.as_str().map(str::len), Some(70002));
    // Beyond what rampart builds, an error says so rather than a wrong value.
    let err = c("format", vec![s("%1000001d"), n(1.0)]).expect_err("too wide");
    assert!(err.to_string().contains("not supported"), "{err}");
    assert!(c("format", vec![s("%.100001f"), n(1.0)]).is_err());
}
