//! Decimal formatting with the exact digit choices of Go's
//! `big.Float.Text`.

use crate::{internal_fin, small_parts, Number};
use num_bigint::BigUint;
use num_traits::{One, Zero};

/// A decimal `0.d1d2d3... * 10^exp` with no trailing zero digits; an
/// empty digit list means zero.
#[derive(Clone, Debug)]
struct Decimal {
    mant: Vec<u8>,
    exp: i64,
}

impl Decimal {
    /// Exact decimal expansion of `m * 2^shift`.
    fn from_binary(m: &BigUint, shift: i64) -> Decimal {
        if m.is_zero() {
            return Decimal {
                mant: Vec::new(),
                exp: 0,
            };
        }
        let (s, point_shift) = if shift >= 0 {
            ((m << (shift as u64)).to_str_radix(10), 0)
        } else {
            let k = shift.unsigned_abs();
            let p = BigUint::from(5u32).pow(k as u32);
            ((m * p).to_str_radix(10), k as i64)
        };
        Decimal::from_digits(s.into_bytes(), point_shift)
    }

    /// Decimal of an integer digit string divided by `10^point_shift`.
    fn from_digits(mut s: Vec<u8>, point_shift: i64) -> Decimal {
        let exp = s.len() as i64 - point_shift;
        while s.last() == Some(&b'0') {
            s.pop();
        }
        Decimal { mant: s, exp }
    }

    /// Digit at index `i`, or `'0'` past the end.
    fn at(&self, i: usize) -> u8 {
        self.mant.get(i).copied().unwrap_or(b'0')
    }

    /// Rounds to `n` digits: half up, except an exact half (the `5` being
    /// the final digit) goes to even. Negative `n` leaves it unchanged.
    fn round(&mut self, n: i64) {
        if n < 0 || n as usize >= self.mant.len() {
            return;
        }
        let n = n as usize;
        let up = if self.mant[n] == b'5' && n + 1 == self.mant.len() {
            n > 0 && (self.mant[n - 1] - b'0') & 1 == 1
        } else {
            self.mant[n] >= b'5'
        };
        if up {
            self.round_up(n as i64);
        } else {
            self.round_down(n as i64);
        }
    }

    fn round_up(&mut self, n: i64) {
        if n < 0 || n as usize >= self.mant.len() {
            return;
        }
        let mut n = n as usize;
        while n > 0 && self.mant[n - 1] >= b'9' {
            n -= 1;
        }
        if n == 0 {
            self.mant.clear();
            self.mant.push(b'1');
            self.exp += 1;
            return;
        }
        self.mant[n - 1] += 1;
        self.mant.truncate(n);
    }

    fn round_down(&mut self, n: i64) {
        if n < 0 || n as usize >= self.mant.len() {
            return;
        }
        self.mant.truncate(n as usize);
        while self.mant.last() == Some(&b'0') {
            self.mant.pop();
        }
    }
}

/// Shortest digits that still identify the value at its precision, using
/// half-ulp bounds on both sides (inclusive when the mantissa is even).
/// Digits of the bounds are compared index by index.
fn round_shortest(d: &mut Decimal, mant: &BigUint, exp: i64, prec: u32) {
    if d.mant.is_empty() {
        return;
    }
    // Scale the mantissa so it has exactly prec + 1 bits.
    let bits = mant.bits() as i64;
    let s = bits - (i64::from(prec) + 1);
    let (m, e) = if s < 0 {
        (mant << ((-s) as u64), exp + s)
    } else {
        (mant >> (s as u64), exp + s)
    };
    let lower = Decimal::from_binary(&(&m - BigUint::one()), e);
    let upper = Decimal::from_binary(&(&m + BigUint::one()), e);
    let inclusive = !m.bit(1);
    for i in 0..d.mant.len() {
        let c = d.mant[i];
        let l = lower.at(i);
        let u = upper.at(i);
        let okdown = l != c || (inclusive && i + 1 == lower.mant.len());
        let okup = c != u && (inclusive || c + 1 < u || i + 1 < upper.mant.len());
        let n = i as i64 + 1;
        if okdown && okup {
            d.round(n);
            return;
        } else if okdown {
            d.round_down(n);
            return;
        } else if okup {
            d.round_up(n);
            return;
        }
    }
}

/// Largest number of digits `text` will produce after the point.
pub(crate) const MAX_TEXT_PREC: i64 = 100_000;

pub(crate) fn text(x: &Number, format: char, prec: i32) -> String {
    let mut out = String::new();
    if x.is_sign_negative() {
        out.push('-');
    }
    if x.is_infinite() {
        if !x.is_sign_negative() {
            out.push('+');
        }
        out.push_str("Inf");
        return out;
    }
    if !matches!(format, 'e' | 'E' | 'f' | 'g' | 'G') {
        out.push('%');
        out.push(format);
        return out;
    }
    // Absurd requested precisions are clamped so hostile format strings
    // cannot make us build gigabyte strings.
    let mut prec = i64::from(prec).min(MAX_TEXT_PREC);
    let shortest = prec < 0;
    let mut d = if shortest {
        shortest_decimal(x)
    } else {
        exact_decimal(x)
    };
    if shortest {
        prec = match format {
            'e' | 'E' => d.mant.len() as i64 - 1,
            'f' => (d.mant.len() as i64 - d.exp).max(0),
            _ => d.mant.len() as i64,
        };
    } else {
        match format {
            'e' | 'E' => d.round(1 + prec),
            'f' => d.round(d.exp + prec),
            _ => {
                if prec == 0 {
                    prec = 1;
                }
                d.round(prec);
            }
        }
    }
    match format {
        'e' | 'E' => fmt_e(&mut out, format, prec, &d),
        'f' => fmt_f(&mut out, prec, &d),
        _ => {
            let mut eprec = prec;
            let len = d.mant.len() as i64;
            if eprec > len && len >= d.exp {
                eprec = len;
            }
            if shortest {
                eprec = 6;
            }
            let exp = d.exp - 1;
            let efmt = if format == 'g' { 'e' } else { 'E' };
            if exp < -4 || exp >= eprec {
                if prec > len {
                    prec = len;
                }
                fmt_e(&mut out, efmt, prec - 1, &d);
            } else {
                if prec > d.exp {
                    prec = len;
                }
                fmt_f(&mut out, (prec - d.exp).max(0), &d);
            }
        }
    }
    out
}

fn exact_decimal(x: &Number) -> Decimal {
    if let Some((m, e)) = small_parts(x) {
        if m == 0 {
            return Decimal {
                mant: Vec::new(),
                exp: 0,
            };
        }
        if e >= 0 && e + i64::from(64 - m.leading_zeros()) <= 128 {
            let v = u128::from(m) << e;
            return Decimal::from_digits(v.to_string().into_bytes(), 0);
        }
    }
    match internal_fin(x) {
        Some((f, _)) => Decimal::from_binary(&f.mant, f.exp),
        None => Decimal {
            mant: Vec::new(),
            exp: 0,
        },
    }
}

fn shortest_decimal(x: &Number) -> Decimal {
    let prec = x.prec();
    if let Some((m, e)) = small_parts(x) {
        // An integer whose last mantissa bit weighs at most 1 prints as
        // itself: no shorter decimal lies within half an ulp.
        let top = e + i64::from(64 - m.leading_zeros());
        if m == 0 || (e >= 0 && top <= 128 && top <= i64::from(prec)) {
            return exact_decimal(x);
        }
    }
    let Some((f, prec)) = internal_fin(x) else {
        return Decimal {
            mant: Vec::new(),
            exp: 0,
        };
    };
    let mut d = Decimal::from_binary(&f.mant, f.exp);
    round_shortest(&mut d, &f.mant, f.exp, prec);
    d
}

/// `d.ddd…e±XX` with `prec` fractional digits (at least two exponent
/// digits).
fn fmt_e(out: &mut String, fmt: char, prec: i64, d: &Decimal) {
    out.push(d.mant.first().map(|&c| c as char).unwrap_or('0'));
    if prec > 0 {
        out.push('.');
        let m = d.mant.len().min(prec as usize + 1);
        let mut i = 1usize;
        if i < m {
            for &c in &d.mant[i..m] {
                out.push(c as char);
            }
            i = m;
        }
        while (i as i64) <= prec {
            out.push('0');
            i += 1;
        }
    }
    out.push(fmt);
    let mut exp = if d.mant.is_empty() { 0 } else { d.exp - 1 };
    if exp < 0 {
        out.push('-');
        exp = -exp;
    } else {
        out.push('+');
    }
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
}

/// Fixed notation with exactly `prec` fractional digits.
fn fmt_f(out: &mut String, prec: i64, d: &Decimal) {
    if d.exp > 0 {
        let m = d.mant.len().min(d.exp as usize);
        for &c in &d.mant[..m] {
            out.push(c as char);
        }
        for _ in m as i64..d.exp {
            out.push('0');
        }
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 0..prec {
            let pos = d.exp + i;
            let c = if pos >= 0 { d.at(pos as usize) } else { b'0' };
            out.push(c as char);
        }
    }
}
