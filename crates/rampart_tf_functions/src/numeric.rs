//! Numeric functions: abs ceil floor log max min parseint pow signum.

use rampart_model::Value;

use crate::args::{arg, bad_param, invalid, want_int, want_num, R};
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

pub(crate) fn log(a: &[Value], _: &FnCtx<'_>) -> R {
    let num = want_num(arg(a, 0), "num")?;
    let base = want_num(arg(a, 1), "base")?;
    finite_or_inf(num.ln() / base.ln())
}

pub(crate) fn pow(a: &[Value], _: &FnCtx<'_>) -> R {
    let num = want_num(arg(a, 0), "num")?;
    let power = want_num(arg(a, 1), "power")?;
    finite_or_inf(num.powf(power))
}

/// Terraform's numbers cannot be NaN: such a result is an error there.
fn finite_or_inf(n: f64) -> R {
    if n.is_nan() {
        return Err(invalid("the result is not a number (NaN)"));
    }
    Ok(Value::Number(n))
}

pub(crate) fn signum(a: &[Value], _: &FnCtx<'_>) -> R {
    let n = want_int(arg(a, 0), "num").map_err(|_| {
        invalid(
            "value must be a whole number, between -9223372036854775808 and 9223372036854775807",
        )
    })? as f64;
    let s = if n > 0.0 {
        1.0
    } else if n < 0.0 {
        -1.0
    } else {
        0.0
    };
    Ok(Value::Number(s))
}

fn extreme(a: &[Value], pick_max: bool) -> R {
    if a.is_empty() {
        return Err(invalid("must pass at least one number"));
    }
    let mut best: Option<f64> = None;
    for v in a {
        let n = want_num(v, "numbers")?;
        best = Some(match best {
            None => n,
            Some(b) if pick_max => b.max(n),
            Some(b) => b.min(n),
        });
    }
    Ok(Value::Number(best.unwrap_or(0.0)))
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
    let mut acc: f64 = 0.0;
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
        acc = acc * base as f64 + d as f64;
    }
    Ok(Value::Number(if neg { -acc } else { acc }))
}

fn cannot_parse(text: &str, base: i64) -> FnErrorAlias {
    invalid(format!(
        "Invalid function argument: cannot parse {text:?} as a base {base} integer"
    ))
}

type FnErrorAlias = crate::FnError;
