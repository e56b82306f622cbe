//! Unit tests for the number type: construction, arithmetic, rounding,
//! special values, formatting and trait consistency.

use num_bigint::BigInt;
use rampart_number::Number;
use std::cmp::Ordering;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

fn p(s: &str) -> Number {
    Number::parse(s).expect(s)
}

fn f(v: f64) -> Number {
    Number::from_f64(v).expect("not NaN")
}

fn hash_of(n: &Number) -> u64 {
    let mut h = DefaultHasher::new();
    n.hash(&mut h);
    h.finish()
}

#[test]
fn size_is_at_most_16_bytes() {
    assert!(std::mem::size_of::<Number>() <= 16);
    assert!(std::mem::size_of::<Option<Number>>() <= 16);
}

#[test]
fn constructor_precisions() {
    assert_eq!(p("1").prec(), 512);
    assert_eq!(Number::from_i64(-5).prec(), 64);
    assert_eq!(Number::from_u64(u64::MAX).prec(), 64);
    assert_eq!(f(0.5).prec(), 53);
    assert_eq!(Number::from_bigint(&BigInt::from(7)).prec(), 64);
    let big = BigInt::from(1) << 100u32;
    assert_eq!(Number::from_bigint(&big).prec(), 101);
    assert_eq!(Number::zero().prec(), 64);
    assert_eq!(Number::default(), Number::zero());
}

#[test]
fn integer_round_trips() {
    for v in [0i64, 1, -1, 42, i64::MAX, i64::MIN, 1 << 62, -(1 << 40) + 3] {
        let n = Number::from_i64(v);
        assert_eq!(n.to_i64(), Some(v));
        assert_eq!(n.to_string(), v.to_string());
        assert_eq!(n.to_bigint_exact(), Some(BigInt::from(v)));
    }
    assert_eq!(Number::from_u64(u64::MAX).to_string(), u64::MAX.to_string());
    assert_eq!(Number::from_u64(u64::MAX).to_i64(), None);
    assert_eq!(p("0.5").to_i64(), None);
    assert_eq!(p("0.5").to_bigint_exact(), None);
    assert_eq!(p("1e30").to_i64(), None);
}

#[test]
fn parse_accepts_go_forms() {
    assert_eq!(p("+1.5").to_f64(), 1.5);
    assert_eq!(p("-.5").to_f64(), -0.5);
    assert_eq!(p("5.").to_f64(), 5.0);
    assert_eq!(p("1E3").to_f64(), 1000.0);
    assert_eq!(p("1e+3").to_f64(), 1000.0);
}

#[test]
fn parse_rejects_bad_text() {
    for s in [
        "",
        ".",
        "-",
        "+",
        "e5",
        "1e",
        "1e+",
        "abc",
        " 1",
        "1 ",
        "--1",
        "1.2.3",
        "0x10",
        "1_000",
        "1e5x",
        "Infinity",
        "NaN",
        "+-1",
        "1e99999999999999999999",
    ] {
        assert!(Number::parse(s).is_none(), "{s:?} should be rejected");
    }
}

#[test]
fn parse_special_and_hostile() {
    assert!(p("Inf").is_infinite() && !p("Inf").is_sign_negative());
    assert!(p("+inf").is_infinite());
    assert!(p("-Inf").is_sign_negative());
    assert_eq!(p("1e999999999").to_string(), "+Inf");
    assert_eq!(p("-1e999999999").to_string(), "-Inf");
    assert_eq!(p("1e-999999999").to_string(), "0");
    // Go rejects exponents that overflow int32.
    assert!(Number::parse("1e9999999999").is_none());
    let n = p("-0");
    assert!(n.is_zero() && n.is_sign_negative());
    assert_eq!(n.to_string(), "-0");
    assert_eq!(p("0.000").to_string(), "0");
}

#[test]
fn shortest_examples() {
    let third = p("1").div(&p("3")).expect("div");
    let s = third.to_string();
    assert!(s.starts_with("0.3333") && s.ends_with('5'));
    assert_eq!(s.len(), 157);
    assert_eq!(p("0.1").add(&p("0.2")).expect("add").to_string(), "0.3");
    assert_eq!(p("9007199254740993").to_string(), "9007199254740993");
    assert_eq!(p("1e-3").to_string(), "0.001");
    let e300 = p("1e300").to_string();
    assert_eq!(e300.len(), 301);
    assert!(e300.starts_with('1') && e300[1..].bytes().all(|b| b == b'0'));
    assert_eq!(Number::infinity(false).to_string(), "+Inf");
    assert_eq!(Number::infinity(true).to_string(), "-Inf");
    assert_eq!(f(0.1).to_string(), "0.1");
    assert_eq!(f(1e23).to_string(), "100000000000000000000000");
    // big.Float has no subnormals: 2^-1074 is a full 53-bit mantissa.
    assert_eq!(f(5e-324).text('e', -1), "4.940656458412465e-324");
}

#[test]
fn text_formats() {
    let x = p("1").div(&p("7")).expect("div");
    assert_eq!(x.text('f', 3), "0.143");
    assert_eq!(x.text('e', 3), "1.429e-01");
    assert_eq!(x.text('E', 0), "1E-01");
    assert_eq!(x.text('g', 3), "0.143");
    assert_eq!(p("1234567").text('g', 3), "1.23e+06");
    assert_eq!(p("1234567").text('G', 3), "1.23E+06");
    assert_eq!(p("1e21").text('g', -1), "1e+21");
    assert_eq!(p("100000").text('g', -1), "100000");
    assert_eq!(p("0.00001").text('g', -1), "1e-05");
    assert_eq!(p("0").text('e', -1), "0e+00");
    assert_eq!(p("0").text('e', 2), "0.00e+00");
    assert_eq!(p("-0").text('f', 2), "-0.00");
    assert_eq!(p("2.5").text('f', 0), "2");
    assert_eq!(p("3.5").text('f', 0), "4");
    assert_eq!(p("0.5").text('f', 0), "0");
    assert_eq!(p("0.09").text('f', 0), "0");
    assert_eq!(p("9.96").text('f', 1), "10.0");
    assert_eq!(p("12").text('x', 1), "%x");
    assert_eq!(Number::infinity(true).text('e', 3), "-Inf");
}

#[test]
fn rounding_ties_to_even() {
    let two53 = f(9007199254740992.0);
    // 2^53 + 1 is a tie at 53 bits: rounds to the even 2^53.
    assert_eq!(
        two53.add(&f(1.0)).expect("add").to_f64(),
        9007199254740992.0
    );
    // 2^53 + 3 is a tie: rounds up to the even 2^53 + 4.
    assert_eq!(
        two53.add(&f(3.0)).expect("add").to_f64(),
        9007199254740996.0
    );
    // At 64 bits the same sums are exact.
    let i = Number::from_i64(1 << 53);
    assert_eq!(
        i.add(&Number::from_i64(1)).expect("add").to_i64(),
        Some((1 << 53) + 1)
    );
    // 64-bit ties: 2^64 + 1 rounds down, 2^64 + 3 rounds up (mixed prec 64).
    let two64 = Number::from_bigint(&(BigInt::from(1) << 64u32)); // prec 65
    let r = two64.add(&Number::from_i64(1)).expect("add");
    assert_eq!(r.prec(), 65);
    assert_eq!(r.to_bigint_exact(), Some((BigInt::from(1) << 64u32) + 1));
    let a = Number::from_u64(u64::MAX); // 2^64-1 at prec 64
    let s = a.add(&Number::from_i64(2)).expect("add"); // 2^64+1, tie at 64 bits
    assert_eq!(s.to_bigint_exact(), Some(BigInt::from(1) << 64u32));
}

#[test]
fn decimal_parse_is_rounded_at_512_bits() {
    let a = p("0.1");
    let b = f(0.1);
    assert_ne!(a, b);
    assert_eq!(a.to_f64(), 0.1);
    assert_eq!(a.prec(), 512);
}

#[test]
fn signed_zero() {
    let z = Number::zero();
    let nz = z.neg();
    assert!(nz.is_sign_negative() && nz.is_zero());
    assert_eq!(z, nz);
    assert_eq!(hash_of(&z), hash_of(&nz));
    assert_eq!(nz.to_string(), "-0");
    assert!(!z.add(&nz).expect("add").is_sign_negative());
    assert!(nz.add(&nz).expect("add").is_sign_negative());
    assert!(nz.sub(&z).expect("sub").is_sign_negative());
    let x = p("1.5");
    assert!(!x.sub(&x).expect("sub").is_sign_negative());
    assert!(z.mul(&p("-3")).expect("mul").is_sign_negative());
    assert!(nz.div(&p("3")).expect("div").is_sign_negative());
    assert_eq!(nz.abs().to_string(), "0");
    assert_eq!(nz.to_f64().to_bits(), (-0.0f64).to_bits());
    assert!(p("-0.5").ceil().to_string() == "0");
    assert_eq!(p("-0.5").floor().to_string(), "-1");
}

#[test]
fn infinities_and_nan_cases() {
    let inf = Number::infinity(false);
    let ninf = Number::infinity(true);
    let one = p("1");
    let zero = p("0");
    assert!(inf.add(&ninf).is_none());
    assert!(inf.sub(&inf).is_none());
    assert!(zero.mul(&inf).is_none());
    assert!(inf.mul(&zero).is_none());
    assert!(zero.div(&zero).is_none());
    assert!(inf.div(&ninf).is_none());
    assert_eq!(one.div(&zero).expect("div"), inf);
    assert_eq!(one.neg().div(&zero).expect("div"), ninf);
    assert_eq!(one.div(&zero.neg()).expect("div"), ninf);
    assert_eq!(one.div(&inf).expect("div"), zero);
    assert_eq!(inf.add(&one).expect("add"), inf);
    assert_eq!(inf.add(&inf).expect("add"), inf);
    assert_eq!(ninf.mul(&ninf).expect("mul"), inf);
    assert!(inf.trunc_int().is_none());
    assert_eq!(inf.floor(), inf);
    assert_eq!(ninf.ceil(), ninf);
    assert!(!inf.is_integer());
    assert_eq!(inf.to_f64(), f64::INFINITY);
    assert_eq!(ninf.to_f64(), f64::NEG_INFINITY);
    assert!(Number::from_f64(f64::NAN).is_none());
    assert_eq!(f(f64::NEG_INFINITY), ninf);
    assert_eq!(inf.rem(&one).expect("rem"), inf);
    assert_eq!(one.rem(&ninf).expect("rem"), ninf);
    assert!(zero.rem(&inf).is_none());
    assert_eq!(ninf.cmp(&p("-1e300")), Ordering::Less);
    assert_eq!(inf.cmp(&p("1e300")), Ordering::Greater);
    assert_ne!(hash_of(&inf), hash_of(&ninf));
}

#[test]
fn remainder() {
    let r = |a: &str, b: &str| p(a).rem(&p(b)).expect("rem").to_string();
    assert_eq!(r("7", "3"), "1");
    assert_eq!(r("-7", "3"), "-1");
    assert_eq!(r("7", "-3"), "1");
    assert_eq!(r("7.5", "2"), "1.5");
    assert_eq!(r("1e20", "7"), "2");
    assert_eq!(r("5", "0"), "5");
    assert_eq!(r("0", "5"), "0");
    let seven = Number::from_i64(7);
    assert_eq!(seven.rem(&Number::from_i64(3)).expect("rem").prec(), 64);
}

#[test]
fn floor_ceil_trunc() {
    let x = p("10").div(&p("3")).expect("div");
    assert_eq!(x.floor().to_string(), "3");
    assert_eq!(x.ceil().to_string(), "4");
    assert_eq!(x.floor().prec(), 512);
    assert_eq!(x.neg().floor().to_string(), "-4");
    assert_eq!(x.neg().ceil().to_string(), "-3");
    assert_eq!(x.trunc_int(), Some(BigInt::from(3)));
    assert_eq!(x.neg().trunc_int(), Some(BigInt::from(-3)));
    assert_eq!(f(1.5).floor().prec(), 53);
    assert_eq!(p("1e30").trunc_int(), Some(BigInt::from(10).pow(30)));
    assert!(p("3").is_integer() && !x.is_integer());
}

#[test]
fn multiply_precision_follows_cty() {
    let r = f(2f64.sqrt()).mul(&f(2f64.sqrt())).expect("mul");
    assert_eq!(r.to_string(), "2.00000000000000027343234630647693");
    assert_eq!(r.prec(), 106);
    let big = p("123456789012345678901234567890");
    let sq = big.mul(&big).expect("mul");
    assert_eq!(
        sq.to_string(),
        "15241578753238836750495351562536198787501905199875019052100"
    );
}

#[test]
fn equality_and_hash_ignore_precision_and_representation() {
    let a = Number::from_i64(3);
    let b = p("3");
    let c = f(3.0);
    assert_eq!(a, b);
    assert_eq!(b, c);
    assert_eq!(hash_of(&a), hash_of(&b));
    assert_eq!(hash_of(&a), hash_of(&c));
    // A precision too large for the inline form forces the boxed form.
    let huge = Number::from_bigint(&(BigInt::from(1) << 65535u32));
    let three_big = huge.add(&a).expect("add").sub(&huge).expect("sub");
    assert_eq!(three_big.prec(), 65536);
    assert_eq!(three_big, a);
    assert_eq!(hash_of(&three_big), hash_of(&a));
    let half = p("0.5");
    assert_eq!(half, f(0.5));
    assert_eq!(hash_of(&half), hash_of(&f(0.5)));
    assert!(p("0.1") < p("0.2"));
    assert!(p("-2") < p("-1"));
    assert_eq!(p("-0"), Number::zero());
}

#[test]
fn to_f64_edges() {
    assert_eq!(p("1e400").to_f64(), f64::INFINITY);
    assert_eq!(p("-1e400").to_f64(), f64::NEG_INFINITY);
    assert_eq!(p("1e-400").to_f64(), 0.0);
    assert_eq!(p("4.9406564584124654e-324").to_f64(), 5e-324);
    assert_eq!(p("2.4703282292062328e-324").to_f64(), 5e-324);
    assert_eq!(p("2.4703282292062327e-324").to_f64(), 0.0);
    assert_eq!(p("1.7976931348623158e308").to_f64(), f64::MAX);
    assert_eq!(p("1.7976931348623159e308").to_f64(), f64::INFINITY);
    assert_eq!(
        p("2.2250738585072011e-308").to_f64(),
        2.225073858507201e-308
    );
}

#[test]
fn exponent_range_limit() {
    let big = p("1e19000");
    let r = big.mul(&big).expect("mul");
    assert!(r.is_infinite());
    let tiny = p("1e-19000");
    let r = tiny.mul(&tiny).expect("mul");
    assert!(r.is_zero());
}

#[test]
fn sticky_add_far_apart() {
    // 1 + 2^-600 at 512 bits rounds to 1; 1 - 2^-600 also rounds to 1.
    let one = p("1");
    let tiny = p("1e-200");
    assert_eq!(one.add(&tiny).expect("add"), one);
    assert_eq!(one.sub(&tiny).expect("sub"), one);
    // But at a precision large enough it is kept.
    let big = Number::from_bigint(&(BigInt::from(1) << 2000u32));
    let wide = big.mul(&Number::from_i64(1)).expect("mul"); // prec 2001
    let s = wide.add(&one).expect("add");
    assert_eq!(s.sub(&wide).expect("sub"), one);
}

#[test]
fn huge_text_precision_is_clamped() {
    let s = p("1").div(&p("3")).expect("div").text('f', i32::MAX);
    assert_eq!(s.len(), 100_002);
    assert!(p("1").text('e', i32::MAX).len() < 100_010);
}

#[test]
fn small_division_fast_path_matches_general_path() {
    // 64-bit integer operands take the inline quotient path; 512-bit
    // operands take the big path. Both are correctly rounded, so they
    // agree once narrowed to float64.
    for (a, b) in [
        (1i64, 3i64),
        (2, 3),
        (22, 7),
        (-1, 7),
        (1 << 40, 3),
        (355, -113),
    ] {
        let fast = Number::from_i64(a).div(&Number::from_i64(b)).expect("div");
        assert_eq!(fast.prec(), 64);
        let wide = p(&a.to_string()).div(&p(&b.to_string())).expect("div");
        assert_eq!(fast.to_f64(), wide.to_f64());
    }
    let third = Number::from_i64(1).div(&Number::from_i64(3)).expect("div");
    assert_eq!(third.to_string(), "0.33333333333333333334");
    let ten_fourths = Number::from_i64(10).div(&Number::from_i64(4)).expect("div");
    assert_eq!(ten_fourths.to_string(), "2.5");
}

#[test]
fn exact_key_ignores_precision_and_zero_sign() {
    let p = |t: &str| Number::parse(t).expect("number");
    assert_eq!(
        p("0.5").exact_key(),
        Number::from_f64(0.5).expect("f64").exact_key()
    );
    assert_eq!(p("3").exact_key(), Number::from_i64(3).exact_key());
    assert_eq!(p("-0").exact_key(), p("0").exact_key());
    assert_ne!(
        p("0.1").exact_key(),
        Number::from_f64(0.1).expect("f64").exact_key()
    );
    let third = p("1").div(&p("3")).expect("quotient");
    assert_eq!(third.exact_key(), third.clone().exact_key());
    assert_ne!(third.exact_key(), p("0.3333333333").exact_key());
}

#[test]
fn very_long_digit_strings_are_bounded() {
    let huge = "7".repeat(300_000);
    let started = std::time::Instant::now();
    assert!(Number::parse(&huge).expect("parses").is_infinite());
    let tiny = format!("0.{}1", "0".repeat(300_000));
    assert!(Number::parse(&tiny).expect("parses").is_zero());
    let long_in_range = format!("0.{}", "3".repeat(300_000));
    assert!(Number::parse(&long_in_range).is_none());
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    // Up to the cap, digits are read exactly.
    let exact = format!("0.{}", "3".repeat(1_000));
    assert_eq!(Number::parse(&exact).map(|n| n.to_f64()), Some(1.0 / 3.0));
}
