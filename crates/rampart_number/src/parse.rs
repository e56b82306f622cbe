//! Decimal text to [`Number`], following the steps Go's `big.Float`
//! parser takes so that results match bit for bit: the digits are read
//! into an exact integer, and a decimal exponent is applied as one
//! multiplication or division by a power of five that was itself
//! computed at `prec + 64` bits.

use crate::core::{div_round, mul_round, round_fin, Fin};
use crate::{number_from_fin, Number};
use num_bigint::BigUint;
use num_traits::{One, Zero};

/// Most significant digits read exactly (see [`parse`]).
pub const MAX_DIGITS: usize = 100_000;

/// Decimal magnitude past which a value is outside the binary exponent range
/// kept (2^±65536 is about 10^±19728).
const OUT_OF_RANGE_DIGITS: i128 = 20_000;

pub(crate) fn parse(text: &str, prec: u32) -> Option<Number> {
    match text {
        "Inf" | "inf" | "+Inf" | "+inf" => return Some(Number::infinity(false).with_prec(prec)),
        "-Inf" | "-inf" => return Some(Number::infinity(true).with_prec(prec)),
        _ => {}
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut neg = false;
    if let Some(&c) = bytes.first() {
        if c == b'+' || c == b'-' {
            neg = c == b'-';
            i = 1;
        }
    }
    // Mantissa digits with an optional radix point.
    let mut digits = String::new();
    let mut ndigits = 0usize;
    let mut frac: i64 = 0;
    let mut seen_point = false;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_digit() {
            ndigits += 1;
            if seen_point {
                frac += 1;
            }
            if !(digits.is_empty() && c == b'0') {
                digits.push(c as char);
            }
        } else if c == b'.' && !seen_point {
            seen_point = true;
        } else {
            break;
        }
        i += 1;
    }
    if ndigits == 0 {
        return None;
    }
    // Optional exponent.
    let mut exp: i64 = 0;
    let mut binary = false;
    if i < bytes.len() {
        let c = bytes[i];
        if !matches!(c, b'e' | b'E' | b'p' | b'P') {
            return None;
        }
        binary = matches!(c, b'p' | b'P');
        i += 1;
        let mut eneg = false;
        if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
            eneg = bytes[i] == b'-';
            i += 1;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            exp = exp
                .checked_mul(10)?
                .checked_add(i64::from(bytes[i] - b'0'))?;
            i += 1;
        }
        if i == start || i != bytes.len() {
            return None;
        }
        if eneg {
            exp = -exp;
        }
    }
    // Reading digits into an integer is quadratic in their number, and no
    // value in range needs more than a few hundred of them to round right.
    // Past MAX_DIGITS significant digits (only hostile input has so many) a
    // value beyond the exponent range is decided from its length; any
    // other is refused.
    if digits.len() > MAX_DIGITS {
        let scale = if binary { 0 } else { i128::from(exp) };
        let magnitude = digits.len() as i128 - i128::from(frac) + scale;
        if magnitude > OUT_OF_RANGE_DIGITS {
            return Some(Number::infinity(neg).with_prec(prec));
        }
        if magnitude < -OUT_OF_RANGE_DIGITS {
            return Some(Number::zero_signed(neg, prec));
        }
        return None;
    }
    let mant = if digits.is_empty() {
        BigUint::zero()
    } else {
        BigUint::parse_bytes(digits.as_bytes(), 10)?
    };
    if mant.is_zero() {
        return Some(Number::zero_signed(neg, prec));
    }
    // Exponent bookkeeping as Go does it: the radix point contributes
    // -frac to both the binary and the quinary exponent.
    let (exp2, exp5) = if binary {
        (i128::from(exp) - i128::from(frac), -i128::from(frac))
    } else {
        let e = i128::from(exp) - i128::from(frac);
        (e, e)
    };
    // Go rejects values whose normalized binary exponent overflows int32.
    let norm = exp2 + i128::from(mant.bits() as i64);
    if norm < i128::from(i32::MIN) || norm > i128::from(i32::MAX) {
        return None;
    }
    let z = Fin::new(neg, mant, i64::try_from(exp2).ok()?);
    if exp5 == 0 {
        return Some(number_from_fin(round_fin(z, prec), prec));
    }
    let n = u64::try_from(exp5.unsigned_abs()).ok()?;
    let p = pow5(n, prec + 64);
    let r = if exp5 > 0 {
        mul_round(&z, &p, prec)
    } else {
        div_round(&z, &p, prec)
    };
    Some(number_from_fin(r, prec))
}

/// 5^n the way Go computes it: exact up to 5^27, then binary powering
/// with the accumulator rounded to `prec` bits and the running square
/// rounded to `prec + 64` bits.
fn pow5(n: u64, prec: u32) -> Fin {
    const TAB27: u64 = 7_450_580_596_923_828_125; // 5^27
    if n <= 27 {
        let v = 5u64.pow(n as u32);
        return Fin::new(false, BigUint::from(v), 0).normalize();
    }
    let mut z = Fin::new(false, BigUint::from(TAB27), 0);
    let mut n = n - 27;
    let mut f = Fin::new(false, BigUint::from(5u32), 0);
    while n > 0 {
        if n & 1 == 1 {
            z = mul_round(&z, &f, prec);
        }
        n >>= 1;
        if n > 0 {
            f = mul_round(&f, &f, prec + 64);
        }
    }
    if z.mant.is_zero() {
        z.mant = BigUint::one();
    }
    z
}
