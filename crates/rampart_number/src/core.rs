//! Exact binary-float helpers shared by the arithmetic, parsing and
//! formatting code. Everything here works on magnitudes `mant * 2^exp`
//! with an arbitrary-size `BigUint` mantissa.

use num_bigint::BigUint;
use num_traits::{One, Zero};

/// A finite signed value `(-1)^neg * mant * 2^exp`. `mant` may be zero.
#[derive(Clone, Debug)]
pub(crate) struct Fin {
    pub neg: bool,
    pub mant: BigUint,
    pub exp: i64,
}

impl Fin {
    pub fn new(neg: bool, mant: BigUint, exp: i64) -> Fin {
        Fin { neg, mant, exp }
    }

    /// Exponent just above the top bit: the value lies in
    /// `[2^(top-1), 2^top)`. Only meaningful for nonzero values.
    pub fn top(&self) -> i64 {
        self.exp + self.mant.bits() as i64
    }

    /// Strips trailing zero bits so the mantissa is odd (or zero).
    pub fn normalize(mut self) -> Fin {
        if self.mant.is_zero() {
            self.exp = 0;
            return self;
        }
        if let Some(tz) = self.mant.trailing_zeros() {
            if tz > 0 {
                self.mant >>= tz;
                self.exp += tz as i64;
            }
        }
        self
    }
}

/// Rounds `mant * 2^exp` to at most `prec` significant bits, ties to even.
/// `sticky` says that the true value is slightly larger than `mant * 2^exp`
/// (some nonzero bits below the lowest bit of `mant` were dropped); callers
/// only pass `true` when `mant` has at least `prec + 2` bits.
pub(crate) fn round_big(mant: BigUint, exp: i64, prec: u32, sticky: bool) -> (BigUint, i64) {
    let bits = mant.bits();
    let prec = u64::from(prec.max(1));
    if bits <= prec {
        return (mant, exp);
    }
    let shift = bits - prec;
    let half = mant.bit(shift - 1);
    let rest = sticky
        || match mant.trailing_zeros() {
            Some(tz) => tz < shift - 1,
            None => false,
        };
    let mut keep = mant >> shift;
    if half && (rest || keep.bit(0)) {
        keep += 1u32;
    }
    (keep, exp + shift as i64)
}

/// Rounds a `u128` magnitude to `prec` bits, ties to even; returns the
/// rounded mantissa with trailing zeros removed and the adjusted exponent.
pub(crate) fn round_u128(mag: u128, exp: i64, prec: u32) -> (u128, i64) {
    if mag == 0 {
        return (0, 0);
    }
    let bits = 128 - mag.leading_zeros();
    let (mut m, mut e) = (mag, exp);
    if bits > prec.max(1) {
        let shift = bits - prec.max(1);
        let half = (m >> (shift - 1)) & 1 == 1;
        let rest = m & ((1u128 << (shift - 1)) - 1) != 0;
        let mut keep = m >> shift;
        if half && (rest || keep & 1 == 1) {
            keep += 1;
        }
        m = keep;
        e += i64::from(shift);
    }
    let tz = m.trailing_zeros();
    (m >> tz, e + i64::from(tz))
}

/// Exact sum of two finite values. Operands far below the rounding
/// position of the larger one are replaced by a tiny sticky value so the
/// alignment shift stays bounded by about `prec` bits.
pub(crate) fn add_exact(a: &Fin, b: &Fin, prec: u32) -> Fin {
    let (hi, lo) = if a.top() >= b.top() { (a, b) } else { (b, a) };
    let limit = hi.exp.min(hi.top() - i64::from(prec) - 2);
    let tiny;
    let lo = if lo.top() <= limit {
        tiny = Fin::new(lo.neg, BigUint::one(), limit - 1);
        &tiny
    } else {
        lo
    };
    let e = hi.exp.min(lo.exp);
    let mh = &hi.mant << ((hi.exp - e) as u64);
    let ml = &lo.mant << ((lo.exp - e) as u64);
    if hi.neg == lo.neg {
        return Fin::new(hi.neg, mh + ml, e);
    }
    match mh.cmp(&ml) {
        std::cmp::Ordering::Equal => Fin::new(false, BigUint::zero(), 0),
        std::cmp::Ordering::Greater => Fin::new(hi.neg, mh - ml, e),
        std::cmp::Ordering::Less => Fin::new(lo.neg, ml - mh, e),
    }
}

/// Product of two finite values, rounded to `prec` bits.
pub(crate) fn mul_round(a: &Fin, b: &Fin, prec: u32) -> Fin {
    let (m, e) = round_big(&a.mant * &b.mant, a.exp + b.exp, prec, false);
    Fin::new(a.neg != b.neg, m, e).normalize()
}

/// Quotient of two finite values (divisor nonzero), correctly rounded to
/// `prec` bits.
pub(crate) fn div_round(a: &Fin, b: &Fin, prec: u32) -> Fin {
    if a.mant.is_zero() {
        return Fin::new(a.neg != b.neg, BigUint::zero(), 0);
    }
    let want = i64::from(prec) + 3;
    let have = a.mant.bits() as i64 - b.mant.bits() as i64;
    let shift = (want - have).max(0);
    let num = &a.mant << (shift as u64);
    let (q, r) = num_integer::Integer::div_rem(&num, &b.mant);
    let (m, e) = round_big(q, a.exp - b.exp - shift, prec, !r.is_zero());
    Fin::new(a.neg != b.neg, m, e).normalize()
}

/// Rounds an exact value to `prec` bits.
pub(crate) fn round_fin(f: Fin, prec: u32) -> Fin {
    let (m, e) = round_big(f.mant, f.exp, prec, false);
    Fin::new(f.neg, m, e).normalize()
}
