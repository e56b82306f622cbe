//! Exact decimal arithmetic for the few functions that add numbers
//! (`sum`, `range`). Terraform computes with 512-bit floats, so
//! `sum([0.1, 0.2])` is `0.3` there; adding the f64 values would give
//! `0.30000000000000004`. Numbers written as short decimals are added
//! exactly here and only the result is rounded to f64. Anything that does
//! not fit falls back to f64 arithmetic.

/// `mant × 10^-scale`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Dec {
    mant: i128,
    scale: u32,
}

const MAX_SCALE: u32 = 22;

impl Dec {
    /// The shortest decimal that reads back as `n`, if it is small enough.
    pub(crate) fn from_f64(n: f64) -> Option<Dec> {
        if !n.is_finite() {
            return None;
        }
        if n == 0.0 {
            return Some(Dec { mant: 0, scale: 0 });
        }
        let text = format!("{n:e}");
        let (m, e) = text.split_once('e')?;
        let exp: i32 = e.parse().ok()?;
        let neg = m.starts_with('-');
        let digits: String = m.chars().filter(char::is_ascii_digit).collect();
        let mut mant: i128 = digits.parse().ok()?;
        if neg {
            mant = -mant;
        }
        // value = 0.d1d2... scaled: digits × 10^(exp - (len - 1))
        let shift = exp - (digits.len() as i32 - 1);
        if shift >= 0 {
            let f = 10i128.checked_pow(u32::try_from(shift).ok()?)?;
            Some(Dec {
                mant: mant.checked_mul(f)?,
                scale: 0,
            })
        } else {
            let scale = u32::try_from(-shift).ok()?;
            (scale <= MAX_SCALE).then_some(Dec { mant, scale })
        }
    }

    fn rescale(self, scale: u32) -> Option<i128> {
        let f = 10i128.checked_pow(scale.checked_sub(self.scale)?)?;
        self.mant.checked_mul(f)
    }

    pub(crate) fn add(self, other: Dec) -> Option<Dec> {
        let scale = self.scale.max(other.scale);
        Some(Dec {
            mant: self.rescale(scale)?.checked_add(other.rescale(scale)?)?,
            scale,
        })
    }

    pub(crate) fn mul_int(self, k: i128) -> Option<Dec> {
        Some(Dec {
            mant: self.mant.checked_mul(k)?,
            scale: self.scale,
        })
    }

    pub(crate) fn cmp(self, other: Dec) -> Option<std::cmp::Ordering> {
        let scale = self.scale.max(other.scale);
        Some(self.rescale(scale)?.cmp(&other.rescale(scale)?))
    }

    /// The f64 nearest the decimal (exact division when the mantissa fits
    /// in 53 bits).
    pub(crate) fn to_f64(self) -> f64 {
        let m = self.mant as f64;
        if self.scale == 0 {
            m
        } else {
            m / 10f64.powi(self.scale as i32)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Dec;

    #[test]
    fn adds_decimals_exactly() {
        let a = Dec::from_f64(0.1);
        let b = Dec::from_f64(0.2);
        let sum = a.zip(b).and_then(|(a, b)| a.add(b)).map(Dec::to_f64);
        assert_eq!(sum, Some(0.3));
        assert_eq!(Dec::from_f64(1e300), None);
        assert_eq!(Dec::from_f64(-2.5).map(Dec::to_f64), Some(-2.5));
    }
}
