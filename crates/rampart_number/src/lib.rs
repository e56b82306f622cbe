//! Terraform's numbers.
//!
//! Terraform (through cty) stores every number as an arbitrary-precision
//! binary floating point value in the style of Go's `math/big.Float`: a
//! sign, an integer mantissa, a binary exponent and a precision in bits,
//! always rounding to nearest with ties to even. [`Number`] reproduces
//! those semantics, including the exact decimal text Terraform prints.
//!
//! Where cty does something other than plain `big.Float` arithmetic the
//! cty behaviour wins: [`Number::mul`] rounds at 512 bits and widens the
//! precision to fit the product, [`Number::floor`]/[`Number::ceil`] keep
//! the operand's precision, and [`Number::rem`] works at the dividend's
//! precision. All of this was checked against Terraform 1.11 (see
//! `tests/fixtures`).
//!
//! Deviation: finite values are limited to binary exponents within
//! ±65536 (about 1e±19728). Larger results become ±Inf and smaller ones
//! become ±0, which keeps formatting cheap on hostile input.

mod core;
mod format;
mod parse;

use crate::core::{add_exact, div_round, mul_round, round_fin, round_u128, Fin};
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{ToPrimitive, Zero};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

/// Largest allowed `top` exponent of a finite value (value < 2^EXP_LIMIT).
pub(crate) const EXP_LIMIT: i64 = 1 << 16;

/// Precision cty gives to number literals and parsed strings.
pub const PARSE_PREC: u32 = 512;

/// An arbitrary-precision binary floating point number with Go
/// `big.Float` semantics (see the crate documentation).
#[derive(Clone)]
pub struct Number(Repr);

#[derive(Clone)]
enum Repr {
    /// Finite value `(-1)^neg * mant * 2^exp`, mantissa odd (or zero with
    /// `exp == 0`). Used whenever the mantissa fits in 64 bits and the
    /// precision fits in 16 bits.
    Small {
        neg: bool,
        prec: u16,
        exp: i32,
        mant: u64,
    },
    /// Any other finite value.
    Big(Box<BigRepr>),
    /// Signed infinity.
    Inf { neg: bool, prec: u32 },
}

#[derive(Clone)]
struct BigRepr {
    prec: u32,
    fin: Fin,
}

/// Borrowed view of a finite value's magnitude.
enum Mag<'a> {
    Small(u64),
    Big(&'a BigUint),
}

impl Number {
    // ----- construction -------------------------------------------------

    /// Builds a number from an already rounded, finite value; applies the
    /// exponent range limit and picks the compact representation.
    fn from_fin(f: Fin, prec: u32) -> Number {
        let f = f.normalize();
        if f.mant.is_zero() {
            return Number::zero_with(f.neg, prec);
        }
        let top = f.top();
        if top > EXP_LIMIT {
            return Number(Repr::Inf { neg: f.neg, prec });
        }
        if top < -EXP_LIMIT {
            return Number::zero_with(f.neg, prec);
        }
        if let (Some(m), Ok(p)) = (f.mant.to_u64(), u16::try_from(prec)) {
            if let Ok(e) = i32::try_from(f.exp) {
                return Number(Repr::Small {
                    neg: f.neg,
                    prec: p,
                    exp: e,
                    mant: m,
                });
            }
        }
        Number(Repr::Big(Box::new(BigRepr { prec, fin: f })))
    }

    /// Builds from a small exact magnitude (u128) with rounding to `prec`.
    fn from_u128(neg: bool, mag: u128, exp: i64, prec: u32) -> Number {
        let (m, e) = round_u128(mag, exp, prec);
        if m == 0 {
            return Number::zero_with(neg, prec);
        }
        let bits = 128 - i64::from(m.leading_zeros());
        if let (Ok(mant), Ok(p), Ok(exp)) =
            (u64::try_from(m), u16::try_from(prec), i32::try_from(e))
        {
            let top = e + bits;
            if (-EXP_LIMIT..=EXP_LIMIT).contains(&top) {
                return Number(Repr::Small {
                    neg,
                    prec: p,
                    exp,
                    mant,
                });
            }
        }
        Number::from_fin(Fin::new(neg, BigUint::from(m), e), prec)
    }

    fn zero_with(neg: bool, prec: u32) -> Number {
        match u16::try_from(prec) {
            Ok(p) => Number(Repr::Small {
                neg,
                prec: p,
                exp: 0,
                mant: 0,
            }),
            Err(_) => Number(Repr::Big(Box::new(BigRepr {
                prec,
                fin: Fin::new(neg, BigUint::zero(), 0),
            }))),
        }
    }

    pub(crate) fn zero_signed(neg: bool, prec: u32) -> Number {
        Number::zero_with(neg, prec)
    }

    /// Same value with the precision field replaced (infinities and
    /// zeros only; used by the parser).
    pub(crate) fn with_prec(self, prec: u32) -> Number {
        match self.0 {
            Repr::Inf { neg, .. } => Number(Repr::Inf { neg, prec }),
            _ => self,
        }
    }

    /// Positive zero with precision 64 (what a fresh Go `big.Float` holding
    /// an integer zero has).
    pub fn zero() -> Number {
        Number::zero_with(false, 64)
    }

    /// Positive or negative infinity.
    pub fn infinity(negative: bool) -> Number {
        Number(Repr::Inf {
            neg: negative,
            prec: 64,
        })
    }

    /// An integer with precision 64, like Go's `SetInt64`.
    pub fn from_i64(v: i64) -> Number {
        Number::from_u128(v < 0, u128::from(v.unsigned_abs()), 0, 64)
    }

    /// An unsigned integer with precision 64, like Go's `SetUint64`.
    pub fn from_u64(v: u64) -> Number {
        Number::from_u128(false, u128::from(v), 0, 64)
    }

    /// The exact value of a float64 with precision 53; `None` for NaN.
    pub fn from_f64(v: f64) -> Option<Number> {
        if v.is_nan() {
            return None;
        }
        let neg = v.is_sign_negative();
        if v.is_infinite() {
            return Some(Number(Repr::Inf { neg, prec: 53 }));
        }
        let bits = v.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1u64 << 52) - 1);
        let (mant, exp) = if biased == 0 {
            (frac, -1074)
        } else {
            (frac | (1u64 << 52), biased - 1075)
        };
        Some(Number::from_u128(neg, u128::from(mant), exp, 53))
    }

    /// An integer with precision `max(bit length, 64)`, like Go's `SetInt`.
    pub fn from_bigint(v: &BigInt) -> Number {
        let mag = v.magnitude();
        let prec = u32::try_from(mag.bits()).unwrap_or(u32::MAX).max(64);
        Number::from_fin(Fin::new(v.sign() == Sign::Minus, mag.clone(), 0), prec)
    }

    /// Parses decimal text the way cty's `ParseNumberVal` does (precision
    /// 512, correctly following Go's `big.ParseFloat`). Accepts an optional
    /// sign, digits with an optional point, an optional `e`/`E` decimal or
    /// `p`/`P` binary exponent, and `Inf`/`inf` with optional sign.
    /// Returns `None` for anything else.
    pub fn parse(text: &str) -> Option<Number> {
        parse::parse(text, PARSE_PREC)
    }

    // ----- accessors ----------------------------------------------------

    /// Precision in bits.
    pub fn prec(&self) -> u32 {
        match &self.0 {
            Repr::Small { prec, .. } => u32::from(*prec),
            Repr::Big(b) => b.prec,
            Repr::Inf { prec, .. } => *prec,
        }
    }

    /// Sign bit; true for negative values including -0 and -Inf.
    pub fn is_sign_negative(&self) -> bool {
        match &self.0 {
            Repr::Small { neg, .. } | Repr::Inf { neg, .. } => *neg,
            Repr::Big(b) => b.fin.neg,
        }
    }

    /// True for +Inf and -Inf.
    pub fn is_infinite(&self) -> bool {
        matches!(self.0, Repr::Inf { .. })
    }

    /// True for +0 and -0.
    pub fn is_zero(&self) -> bool {
        match &self.0 {
            Repr::Small { mant, .. } => *mant == 0,
            Repr::Big(b) => b.fin.mant.is_zero(),
            Repr::Inf { .. } => false,
        }
    }

    /// True for finite values without a fractional part (zero included).
    pub fn is_integer(&self) -> bool {
        match &self.0 {
            Repr::Small { exp, mant, .. } => *mant == 0 || *exp >= 0,
            Repr::Big(b) => b.fin.mant.is_zero() || b.fin.exp >= 0,
            Repr::Inf { .. } => false,
        }
    }

    /// The finite parts `(neg, magnitude, exp)`, or `None` for infinities.
    fn parts(&self) -> Option<(bool, Mag<'_>, i64)> {
        match &self.0 {
            Repr::Small { neg, exp, mant, .. } => Some((*neg, Mag::Small(*mant), i64::from(*exp))),
            Repr::Big(b) => Some((b.fin.neg, Mag::Big(&b.fin.mant), b.fin.exp)),
            Repr::Inf { .. } => None,
        }
    }

    /// The finite value as an owned [`Fin`], or `None` for infinities.
    fn fin(&self) -> Option<Fin> {
        match &self.0 {
            Repr::Small { neg, exp, mant, .. } => {
                Some(Fin::new(*neg, BigUint::from(*mant), i64::from(*exp)))
            }
            Repr::Big(b) => Some(b.fin.clone()),
            Repr::Inf { .. } => None,
        }
    }

    // ----- arithmetic ---------------------------------------------------

    /// Sum rounded to the larger precision; `None` for `+Inf + -Inf`.
    pub fn add(&self, other: &Number) -> Option<Number> {
        self.add_signed(other, false)
    }

    /// Difference rounded to the larger precision; `None` for
    /// `Inf - Inf` with equal signs.
    pub fn sub(&self, other: &Number) -> Option<Number> {
        self.add_signed(other, true)
    }

    fn add_signed(&self, other: &Number, negate_other: bool) -> Option<Number> {
        let prec = self.prec().max(other.prec());
        let xneg = self.is_sign_negative();
        let yneg = other.is_sign_negative() != negate_other;
        match (self.is_infinite(), other.is_infinite()) {
            (true, true) => {
                return if xneg == yneg {
                    Some(Number(Repr::Inf { neg: xneg, prec }))
                } else {
                    None
                };
            }
            (true, false) => return Some(Number(Repr::Inf { neg: xneg, prec })),
            (false, true) => return Some(Number(Repr::Inf { neg: yneg, prec })),
            (false, false) => {}
        }
        if self.is_zero() && other.is_zero() {
            return Some(Number::zero_with(xneg && yneg, prec));
        }
        if self.is_zero() {
            return Some(other.with_sign_prec(yneg, prec));
        }
        if other.is_zero() {
            return Some(self.with_sign_prec(xneg, prec));
        }
        // Fast path: both mantissas inline and the aligned sum fits i128.
        if let (
            Repr::Small {
                exp: ea, mant: ma, ..
            },
            Repr::Small {
                exp: eb, mant: mb, ..
            },
        ) = (&self.0, &other.0)
        {
            let e = (*ea).min(*eb);
            let (da, db) = ((ea - e) as u32, (eb - e) as u32);
            if da <= 62 && db <= 62 {
                let a = i128::from(*ma) << da;
                let b = i128::from(*mb) << db;
                let a = if xneg { -a } else { a };
                let b = if yneg { -b } else { b };
                let s = a + b;
                if s == 0 {
                    return Some(Number::zero_with(false, prec));
                }
                return Some(Number::from_u128(
                    s < 0,
                    s.unsigned_abs(),
                    i64::from(e),
                    prec,
                ));
            }
        }
        let mut a = self.fin()?;
        let mut b = other.fin()?;
        a.neg = xneg;
        b.neg = yneg;
        let s = add_exact(&a, &b, prec);
        Some(Number::from_fin(round_fin(s, prec), prec))
    }

    /// Same value rounded to `prec` (never needed to lose bits when `prec`
    /// is at least the current precision) with the given sign.
    fn with_sign_prec(&self, neg: bool, prec: u32) -> Number {
        match &self.0 {
            Repr::Inf { .. } => Number(Repr::Inf { neg, prec }),
            _ => match self.fin() {
                Some(mut f) => {
                    f.neg = neg;
                    Number::from_fin(round_fin(f, prec), prec)
                }
                None => Number::zero_with(neg, prec),
            },
        }
    }

    /// Product as cty's `Multiply` computes it: the exact product is
    /// rounded to 512 bits, and the result keeps the larger operand
    /// precision or, if larger, the bits the rounded product needs.
    /// `None` for `0 * Inf`.
    pub fn mul(&self, other: &Number) -> Option<Number> {
        let prec = self.prec().max(other.prec());
        let neg = self.is_sign_negative() != other.is_sign_negative();
        if self.is_infinite() || other.is_infinite() {
            if self.is_zero() || other.is_zero() {
                return None;
            }
            return Some(Number(Repr::Inf { neg, prec }));
        }
        if self.is_zero() || other.is_zero() {
            return Some(Number::zero_with(neg, prec));
        }
        if let (
            Repr::Small {
                exp: ea, mant: ma, ..
            },
            Repr::Small {
                exp: eb, mant: mb, ..
            },
        ) = (&self.0, &other.0)
        {
            // Odd mantissas: the product is odd and at most 128 bits, so
            // it is exact at 512 bits.
            let p = u128::from(*ma) * u128::from(*mb);
            let bits = 128 - p.leading_zeros();
            let prec = prec.max(bits);
            return Some(Number::from_u128(
                neg,
                p,
                i64::from(*ea) + i64::from(*eb),
                prec,
            ));
        }
        let a = self.fin()?;
        let b = other.fin()?;
        let r = mul_round(&a, &b, PARSE_PREC);
        let prec = prec.max(u32::try_from(r.mant.bits()).unwrap_or(u32::MAX));
        Some(Number::from_fin(r, prec))
    }

    /// Go's plain `Mul`: the product rounded to `prec` bits.
    fn mul_at(&self, other: &Number, prec: u32) -> Option<Number> {
        let neg = self.is_sign_negative() != other.is_sign_negative();
        if self.is_infinite() || other.is_infinite() {
            if self.is_zero() || other.is_zero() {
                return None;
            }
            return Some(Number(Repr::Inf { neg, prec }));
        }
        if self.is_zero() || other.is_zero() {
            return Some(Number::zero_with(neg, prec));
        }
        let a = self.fin()?;
        let b = other.fin()?;
        Some(Number::from_fin(mul_round(&a, &b, prec), prec))
    }

    /// Quotient rounded to the larger precision. `x / 0` is ±Inf for
    /// nonzero `x`; `0 / 0` and `Inf / Inf` give `None`.
    pub fn div(&self, other: &Number) -> Option<Number> {
        let prec = self.prec().max(other.prec());
        let neg = self.is_sign_negative() != other.is_sign_negative();
        match (self.is_infinite(), other.is_infinite()) {
            (true, true) => return None,
            (true, false) => return Some(Number(Repr::Inf { neg, prec })),
            (false, true) => return Some(Number::zero_with(neg, prec)),
            (false, false) => {}
        }
        match (self.is_zero(), other.is_zero()) {
            (true, true) => return None,
            (false, true) => return Some(Number(Repr::Inf { neg, prec })),
            (true, false) => return Some(Number::zero_with(neg, prec)),
            (false, false) => {}
        }
        if let (
            Repr::Small {
                exp: ea, mant: ma, ..
            },
            Repr::Small {
                exp: eb, mant: mb, ..
            },
        ) = (&self.0, &other.0)
        {
            let e = i64::from(*ea) - i64::from(*eb);
            // Exact quotient (odd mantissas, so the quotient is odd).
            if ma % mb == 0 {
                return Some(Number::from_u128(neg, u128::from(ma / mb), e, prec));
            }
            // Enough quotient bits in u128 to round correctly.
            let shift = ma.leading_zeros() + 64;
            let bits_b = 64 - mb.leading_zeros();
            if prec + 3 + bits_b <= 127 {
                let num = u128::from(*ma) << shift;
                let den = u128::from(*mb);
                let (q, r) = (num / den, num % den);
                // q has at least prec + 2 bits; fold the remainder into a
                // sticky bit below them.
                let q = (q << 1) | u128::from(r != 0);
                return Some(Number::from_u128(neg, q, e - i64::from(shift) - 1, prec));
            }
        }
        let a = self.fin()?;
        let b = other.fin()?;
        Some(Number::from_fin(div_round(&a, &b, prec), prec))
    }

    /// cty's modulo: `self - other * trunc(self / other)`, where the
    /// integer, the product and the difference are all rounded to
    /// `self`'s precision. Infinite operands give `self * other`; a zero
    /// divisor gives `self`.
    pub fn rem(&self, other: &Number) -> Option<Number> {
        if self.is_infinite() || other.is_infinite() {
            return self.mul(other);
        }
        if other.is_zero() {
            return Some(self.clone());
        }
        let q = self.div(other)?;
        let t = q.trunc_int()?;
        let prec = self.prec();
        let (tsign, tmag) = t.into_parts();
        let w = round_fin(Fin::new(tsign == Sign::Minus, tmag, 0), prec);
        let w = Number::from_fin(w, prec);
        let w = other.mul_at(&w, prec)?;
        // Both operands now carry at most `prec`, so the difference is
        // rounded once at `self`'s precision as cty does.
        self.sub(&w)
    }

    /// Negation (keeps the precision; `-(0)` is `-0`).
    pub fn neg(&self) -> Number {
        let mut n = self.clone();
        match &mut n.0 {
            Repr::Small { neg, .. } | Repr::Inf { neg, .. } => *neg = !*neg,
            Repr::Big(b) => b.fin.neg = !b.fin.neg,
        }
        n
    }

    /// Absolute value (keeps the precision).
    pub fn abs(&self) -> Number {
        let mut n = self.clone();
        match &mut n.0 {
            Repr::Small { neg, .. } | Repr::Inf { neg, .. } => *neg = false,
            Repr::Big(b) => b.fin.neg = false,
        }
        n
    }

    /// Integer part, truncated toward zero; `None` for infinities.
    pub fn trunc_int(&self) -> Option<BigInt> {
        let (neg, mag, exp) = self.parts()?;
        let sign = if neg { Sign::Minus } else { Sign::Plus };
        if let Mag::Small(m) = mag {
            if (0..64).contains(&exp) && (m >> (63 - exp)) == 0 {
                let v = BigInt::from(m << exp);
                return Some(if neg { -v } else { v });
            }
            if exp < 0 {
                let v = if exp <= -64 { 0 } else { m >> (-exp) };
                let v = BigInt::from(v);
                return Some(if neg { -v } else { v });
            }
        }
        let m = match mag {
            Mag::Small(m) => BigUint::from(m),
            Mag::Big(b) => b.clone(),
        };
        let m = if exp >= 0 {
            m << (exp as u64)
        } else {
            m >> (exp.unsigned_abs())
        };
        Some(BigInt::from_biguint(sign, m))
    }

    /// cty's `floor`: the largest integer not above the value, rounded to
    /// (and keeping) this number's precision. Infinities are unchanged.
    pub fn floor(&self) -> Number {
        self.round_integer(false)
    }

    /// cty's `ceil`: the smallest integer not below the value, rounded to
    /// (and keeping) this number's precision. Infinities are unchanged.
    pub fn ceil(&self) -> Number {
        self.round_integer(true)
    }

    fn round_integer(&self, up: bool) -> Number {
        let Some(mut t) = self.trunc_int() else {
            return self.clone();
        };
        if !self.is_integer() {
            if up && !self.is_sign_negative() {
                t += 1;
            } else if !up && self.is_sign_negative() {
                t -= 1;
            }
        }
        let prec = self.prec();
        let (sign, mag) = t.into_parts();
        let f = Fin::new(sign == Sign::Minus, mag, 0);
        Number::from_fin(round_fin(f, prec), prec)
    }

    /// Numeric comparison (exposed through [`Ord::cmp`]).
    fn cmp_value(&self, other: &Number) -> Ordering {
        let rank = |n: &Number| -> i8 {
            match &n.0 {
                Repr::Inf { neg: true, .. } => -2,
                Repr::Inf { neg: false, .. } => 2,
                _ if n.is_zero() => 0,
                _ if n.is_sign_negative() => -1,
                _ => 1,
            }
        };
        let (ra, rb) = (rank(self), rank(other));
        if ra != rb || ra.abs() != 1 {
            return ra.cmp(&rb);
        }
        let mag = cmp_mag(self, other);
        if ra < 0 {
            mag.reverse()
        } else {
            mag
        }
    }

    // ----- conversions --------------------------------------------------

    /// Nearest float64 (ties to even, subnormals honoured, overflow to
    /// infinity).
    pub fn to_f64(&self) -> f64 {
        let Some((neg, mag, exp)) = self.parts() else {
            return if self.is_sign_negative() {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            };
        };
        let sign = if neg { -1.0 } else { 1.0 };
        let bits = match &mag {
            Mag::Small(0) => return sign * 0.0,
            Mag::Small(m) => u64::from(64 - m.leading_zeros()),
            Mag::Big(b) => b.bits(),
        };
        let top = exp + bits as i64;
        if top > 1025 {
            return sign * f64::INFINITY;
        }
        if top < -1080 {
            return sign * 0.0;
        }
        // Round to a multiple of 2^q.
        let q = (top - 53).max(-1074);
        let n: u64 = if exp >= q {
            match mag {
                Mag::Small(m) => m << (exp - q),
                Mag::Big(b) => (b << ((exp - q) as u64)).to_u64().unwrap_or(u64::MAX),
            }
        } else {
            let m = match mag {
                Mag::Small(m) => BigUint::from(m),
                Mag::Big(b) => b.clone(),
            };
            let shift = (q - exp) as u64;
            let half = m.bit(shift - 1);
            let rest = m.trailing_zeros().is_some_and(|tz| tz < shift - 1);
            let keep = (&m >> shift).to_u64().unwrap_or(u64::MAX);
            if half && (rest || keep & 1 == 1) {
                keep + 1
            } else {
                keep
            }
        };
        sign * (n as f64) * pow2(q)
    }

    /// The value as `i64` if it is an integer in range.
    pub fn to_i64(&self) -> Option<i64> {
        if !self.is_integer() {
            return None;
        }
        if let Repr::Small { neg, exp, mant, .. } = self.0 {
            if exp < 64 && (mant >> (63 - exp)) == 0 {
                let v = (mant << exp) as i64;
                return Some(if neg { -v } else { v });
            }
        }
        self.trunc_int()?.to_i64()
    }

    /// The value as a `BigInt` if it is a finite integer.
    pub fn to_bigint_exact(&self) -> Option<BigInt> {
        if !self.is_integer() {
            return None;
        }
        self.trunc_int()
    }

    /// Go's `Text(format, prec)` for formats `f`, `e`, `E`, `g`, `G`;
    /// `prec < 0` asks for the shortest text that reads back as the same
    /// value at this number's precision. Requested precisions above
    /// 100000 digits are clamped to 100000.
    pub fn text(&self, format: char, prec: i32) -> String {
        format::text(self, format, prec)
    }

    /// Shortest decimal text without exponent (`Text('f', -1)`), which is
    /// how Terraform prints numbers.
    pub fn to_text_shortest(&self) -> String {
        self.text('f', -1)
    }
}

/// `2^q` for `q` in the float64 range (subnormals included).
fn pow2(q: i64) -> f64 {
    if q >= -1022 {
        f64::from_bits(((q + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (q + 1074))
    }
}

/// Compares magnitudes of two finite nonzero numbers.
fn cmp_mag(a: &Number, b: &Number) -> Ordering {
    let (Some((_, ma, ea)), Some((_, mb, eb))) = (a.parts(), b.parts()) else {
        return Ordering::Equal;
    };
    let bits = |m: &Mag| match m {
        Mag::Small(v) => u64::from(64 - v.leading_zeros()),
        Mag::Big(b) => b.bits(),
    };
    let ta = ea + bits(&ma) as i64;
    let tb = eb + bits(&mb) as i64;
    if ta != tb {
        return ta.cmp(&tb);
    }
    let to_big = |m: Mag| match m {
        Mag::Small(v) => BigUint::from(v),
        Mag::Big(b) => b.clone(),
    };
    if let (Mag::Small(x), Mag::Small(y)) = (&ma, &mb) {
        let e = ea.min(eb);
        let x = u128::from(*x) << (ea - e);
        let y = u128::from(*y) << (eb - e);
        return x.cmp(&y);
    }
    let e = ea.min(eb);
    let x = to_big(ma) << ((ea - e) as u64);
    let y = to_big(mb) << ((eb - e) as u64);
    x.cmp(&y)
}

pub(crate) fn internal_fin(n: &Number) -> Option<(Fin, u32)> {
    Some((n.fin()?, n.prec()))
}

pub(crate) fn small_parts(n: &Number) -> Option<(u64, i64)> {
    match n.0 {
        Repr::Small { exp, mant, .. } => Some((mant, i64::from(exp))),
        _ => None,
    }
}

pub(crate) fn number_from_fin(f: Fin, prec: u32) -> Number {
    Number::from_fin(f, prec)
}

impl Number {
    /// A text that identifies the exact value (not the precision): equal
    /// numbers give equal keys, `-0` and `0` included. Cheap for the inline
    /// form; for hashing into string-keyed maps.
    pub fn exact_key(&self) -> String {
        match self.parts() {
            None => if self.is_sign_negative() {
                "-inf"
            } else {
                "+inf"
            }
            .to_string(),
            Some(_) if self.is_zero() => "0".to_string(),
            Some((neg, mag, exp)) => {
                let sign = if neg { "-" } else { "" };
                match mag {
                    Mag::Small(m) => format!("{sign}{m:x}p{exp}"),
                    Mag::Big(b) => format!("{sign}{}p{exp}", b.to_str_radix(16)),
                }
            }
        }
    }
}

impl Default for Number {
    fn default() -> Number {
        Number::zero()
    }
}

impl PartialEq for Number {
    fn eq(&self, other: &Number) -> bool {
        self.cmp_value(other) == Ordering::Equal
    }
}

impl Eq for Number {}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Number) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Numeric order: `-0 == 0`, `-Inf` below and `+Inf` above every finite
/// value; the precision is ignored.
impl Ord for Number {
    fn cmp(&self, other: &Number) -> Ordering {
        self.cmp_value(other)
    }
}

impl Hash for Number {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self.parts() {
            None => {
                2u8.hash(state);
                self.is_sign_negative().hash(state);
            }
            Some(_) if self.is_zero() => 0u8.hash(state),
            Some((neg, mag, exp)) => {
                1u8.hash(state);
                neg.hash(state);
                exp.hash(state);
                match mag {
                    Mag::Small(m) => [m].as_slice().hash(state),
                    Mag::Big(b) => b.to_u64_digits().as_slice().hash(state),
                }
            }
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text_shortest())
    }
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Number({}, prec={})",
            self.to_text_shortest(),
            self.prec()
        )
    }
}
