//! Property tests: results at precision 53 must agree with IEEE float64
//! arithmetic, shortest text must read back, and decimal parsing must be
//! correctly rounded. Also checks the inline fast paths against the
//! general code by comparing with exact big-integer arithmetic.

use num_bigint::BigInt;
use proptest::prelude::*;
use rampart_number::Number;

fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |v| v.is_finite()),
        (-1000i32..1000).prop_map(f64::from),
        (-1e6f64..1e6f64),
    ]
}

fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

fn num(v: f64) -> Number {
    Number::from_f64(v).expect("finite")
}

fn check(op: &str, a: f64, b: f64, got: Option<Number>, want: f64) -> Result<(), TestCaseError> {
    // IEEE results in the subnormal range keep fewer bits; a 53-bit big float
    // (like Go's) has no subnormals, so those round differently on purpose.
    if want != 0.0 && want.abs() < f64::MIN_POSITIVE {
        return Ok(());
    }
    match got {
        None => prop_assert!(want.is_nan(), "{a} {op} {b}: got NaN, want {want}"),
        Some(n) => prop_assert!(
            same(n.to_f64(), want),
            "{a} {op} {b}: got {}, want {want}",
            n.to_f64()
        ),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn f64_arithmetic_matches_ieee(a in finite(), b in finite()) {
        let (x, y) = (num(a), num(b));
        check("+", a, b, x.add(&y), a + b)?;
        check("-", a, b, x.sub(&y), a - b)?;
        check("*", a, b, x.mul(&y), a * b)?;
        check("/", a, b, x.div(&y), a / b)?;
    }

    #[test]
    fn f64_display_reads_back(a in finite()) {
        let text = num(a).to_string();
        let back = Number::parse(&text).expect("parse");
        prop_assert!(same(back.to_f64(), a) || (a == 0.0 && back.to_f64() == 0.0),
            "{a} printed as {text} reads back as {}", back.to_f64());
        let e = num(a).text('e', -1);
        prop_assert_eq!(Number::parse(&e).expect("parse").to_f64(), a);
    }

    #[test]
    fn parse_matches_std(
        neg in any::<bool>(),
        int in "[0-9]{1,20}",
        frac in proptest::option::of("[0-9]{1,20}"),
        exp in proptest::option::of(-340i32..320),
    ) {
        let mut s = String::new();
        if neg { s.push('-'); }
        s.push_str(&int);
        if let Some(f) = &frac { s.push('.'); s.push_str(f); }
        if let Some(e) = exp { s.push_str(&format!("e{e}")); }
        let want: f64 = s.parse().expect("std parse");
        let got = Number::parse(&s).expect("parse").to_f64();
        prop_assert!(same(got, want) || (got == 0.0 && want == 0.0), "{s}: {got} vs {want}");
    }

    #[test]
    fn parse_and_text_never_panic(
        s in "[-+]?[0-9.]{0,30}([eEpP][-+]?[0-9]{0,12})?|\\PC{0,20}",
        fmt in proptest::sample::select(vec!['f', 'e', 'E', 'g', 'G']),
        prec in -1i32..40,
    ) {
        if let Some(n) = Number::parse(&s) {
            let _ = n.text(fmt, prec);
            let _ = n.rem(&Number::from_i64(7));
            let _ = n.floor();
            let _ = n.to_f64();
        }
    }

    #[test]
    fn integer_fast_paths_are_exact(a in any::<i64>(), b in any::<i64>()) {
        let (x, y) = (Number::from_i64(a), Number::from_i64(b));
        let (ba, bb) = (BigInt::from(a), BigInt::from(b));
        let s = x.add(&y).expect("add");
        prop_assert_eq!(s.prec(), 64);
        prop_assert_eq!(s.to_bigint_exact(), Some(round_int(&ba + &bb, 64)));
        let d = x.sub(&y).expect("sub");
        prop_assert_eq!(d.to_bigint_exact(), Some(round_int(&ba - &bb, 64)));
        // The same sum through the 512-bit general path is exact.
        let wide = Number::parse(&a.to_string()).expect("p")
            .add(&Number::parse(&b.to_string()).expect("p")).expect("add");
        prop_assert_eq!(wide.to_bigint_exact(), Some(&ba + &bb));
        let m = x.mul(&y).expect("mul");
        prop_assert_eq!(m.to_bigint_exact(), Some(&ba * &bb));
        prop_assert_eq!(x.to_string(), a.to_string());
    }
}

/// Rounds an integer to `prec` significant bits, ties to even.
fn round_int(v: BigInt, prec: u64) -> BigInt {
    let neg = v < BigInt::from(0);
    let mag = v.magnitude().clone();
    let bits = mag.bits();
    if bits <= prec {
        return v;
    }
    let shift = bits - prec;
    let mut keep = &mag >> shift;
    let half = mag.bit(shift - 1);
    let rest = mag.trailing_zeros().is_some_and(|tz| tz < shift - 1);
    if half && (rest || keep.bit(0)) {
        keep += 1u32;
    }
    let r = BigInt::from(keep << shift);
    if neg {
        -r
    } else {
        r
    }
}
