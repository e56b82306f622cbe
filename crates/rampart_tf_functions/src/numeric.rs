//! Numeric functions: abs ceil floor log max min parseint pow signum.

use num_bigint::BigInt;
use rampart_model::{Number, Value};

use crate::args::{arg, bad_param, invalid, want_f64, want_int, want_num, R};
use crate::FnCtx;

pub(crate) fn abs(a: &[Value], _: &FnCtx<'_>) -> R {
    Ok(Value::Number(want_num(arg(a, 0), "num")?.abs()))
}

pub(crate) fn ceil(a: &[Value], _: &FnCtx<'_>) -> R {
    Ok(Value::Number(want_num(arg(a, 0), "num")?.ceil()))
}

pub(crate) fn floor(a: &[Value], _: &FnCtx<'_>) -> R {
    Ok(Value::Number(want_num(arg(a, 0), "num")?.floor()))
}

// log and pow compute in float64, as Terraform does.
pub(crate) fn log(a: &[Value], _: &FnCtx<'_>) -> R {
    let num = want_f64(arg(a, 0), "num")?;
    let base = want_f64(arg(a, 1), "base")?;
    finite_or_inf(num.ln() / base.ln())
}

pub(crate) fn pow(a: &[Value], _: &FnCtx<'_>) -> R {
    let num = want_f64(arg(a, 0), "num")?;
    let power = want_f64(arg(a, 1), "power")?;
    finite_or_inf(num.powf(power))
}

/// Terraform's numbers cannot be NaN: such a result is an error there.
fn finite_or_inf(n: f64) -> R {
    Number::from_f64(n)
        .map(Value::Number)
        .ok_or_else(|| invalid("the result is not a number (NaN)"))
}

pub(crate) fn signum(a: &[Value], _: &FnCtx<'_>) -> R {
    let n = want_int(arg(a, 0), "num").map_err(|_| {
        invalid(
            "value must be a whole number, between -9223372036854775808 and 9223372036854775807",
        )
    })?;
    Ok(Value::from(n.signum()))
}

fn extreme(a: &[Value], pick_max: bool) -> R {
    if a.is_empty() {
        return Err(invalid("must pass at least one number"));
    }
    // The first of equal extremes wins, with its own precision (as Terraform).
    let mut best: Option<Number> = None;
    for v in a {
        let n = want_num(v, "numbers")?;
        best = Some(match best {
            Some(b) if (pick_max && n > b) || (!pick_max && n < b) => n,
            Some(b) => b,
            None => n,
        });
    }
    Ok(best.map_or(Value::Null, Value::Number))
}

pub(crate) fn max(a: &[Value], _: &FnCtx<'_>) -> R {
    extreme(a, true)
}

pub(crate) fn min(a: &[Value], _: &FnCtx<'_>) -> R {
    extreme(a, false)
}

pub(crate) fn parseint(a: &[Value], _: &FnCtx<'_>) -> R {
    let text = match arg(a, 0) {
        Value::String(s) => s.clone(),
        Value::Null => return Err(bad_param("number", "argument must not be null")),
        other => {
            return Err(invalid(format!(
                "Invalid function argument: first argument must be a string, not {}",
                other.type_name()
            )))
        }
    };
    let base = want_int(arg(a, 1), "base")?;
    if !(2..=62).contains(&base) {
        return Err(bad_param(
            "base",
            "base must be a whole number between 2 and 62 inclusive",
        ));
    }
    let (neg, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..).unwrap_or("")),
        Some(b'+') => (false, text.get(1..).unwrap_or("")),
        _ => (false, text.as_str()),
    };
    if digits.is_empty() {
        return Err(cannot_parse(&text, base));
    }
    let mut acc = BigInt::from(0);
    for c in digits.chars() {
        let d = match c {
            '0'..='9' => c as i64 - '0' as i64,
            'a'..='z' => c as i64 - 'a' as i64 + 10,
            'A'..='Z' if base <= 36 => c as i64 - 'A' as i64 + 10,
            'A'..='Z' => c as i64 - 'A' as i64 + 36,
            _ => return Err(cannot_parse(&text, base)),
        };
        if d >= base {
            return Err(cannot_parse(&text, base));
        }
        acc = acc * base + d;
    }
    if neg {
        acc = -acc;
    }
    Ok(Value::Number(Number::from_bigint(&acc)))
}

fn cannot_parse(text: &str, base: i64) -> FnErrorAlias {
    invalid(format!(
        "Invalid function argument: cannot parse {text:?} as a base {base} integer"
    ))
}

type FnErrorAlias = crate::FnError;
