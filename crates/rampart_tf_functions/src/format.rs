//! `format` and `formatlist`: Terraform's printf-like verbs
//! (`%v %#v %t %b %d %o %x %X %e %E %f %g %G %s %q %%`) with flags
//! (`+ - # space 0`), widths, precisions and explicit argument indexes
//! (`%[2]s`).

use rampart_model::Value;

use crate::args::{invalid, prim_to_string, unknown_of, want_str, R};
use crate::encoding::json_encode;
use crate::{FnCtx, FnError};

#[derive(Default, Clone, Copy)]
struct Flags {
    plus: bool,
    minus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
}

pub(crate) fn format(a: &[Value], _: &FnCtx<'_>) -> R {
    let fmt = want_str(a.first().unwrap_or(&Value::Null), "format")?;
    let rest = a.get(1..).unwrap_or(&[]);
    if !a.iter().all(Value::is_wholly_known) || rest.iter().any(|v| matches!(v, Value::Null)) {
        // Terraform gives an unknown result for null arguments too.
        return Ok(unknown_of(a));
    }
    format_one(&fmt, rest).map(Value::String)
}

pub(crate) fn formatlist(a: &[Value], _: &FnCtx<'_>) -> R {
    let fmt = want_str(a.first().unwrap_or(&Value::Null), "format")?;
    let rest = a.get(1..).unwrap_or(&[]);
    if !a.iter().all(Value::is_wholly_known) || rest.iter().any(|v| matches!(v, Value::Null)) {
        return Ok(unknown_of(a));
    }
    let mut n: Option<usize> = None;
    for (i, v) in rest.iter().enumerate() {
        if let Value::List(items) | Value::Set(items) = v {
            match n {
                None => n = Some(items.len()),
                Some(m) if m != items.len() => {
                    return Err(invalid(format!(
                        "Invalid function argument: argument {} has length {}, which is inconsistent with argument {} of length {m}",
                        i + 1,
                        items.len(),
                        i
                    )))
                }
                _ => {}
            }
        }
    }
    let count = n.unwrap_or(1);
    let mut out = Vec::with_capacity(count);
    for idx in 0..count {
        let row: Vec<Value> = rest
            .iter()
            .map(|v| match v {
                Value::List(items) | Value::Set(items) => {
                    items.get(idx).cloned().unwrap_or(Value::Null)
                }
                other => other.clone(),
            })
            .collect();
        out.push(Value::String(format_one(&fmt, &row)?));
    }
    Ok(Value::List(out))
}

/// Apply one format string to the arguments.
pub(crate) fn format_one(fmt: &str, args: &[Value]) -> Result<String, FnError> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut next_arg = 0usize;
    let mut used = vec![false; args.len()];
    let mut verbs = 0usize;
    while let Some(&c) = chars.get(i) {
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let mut flags = Flags::default();
        while let Some(&f) = chars.get(i) {
            match f {
                '+' => flags.plus = true,
                '-' => flags.minus = true,
                '#' => flags.sharp = true,
                ' ' => flags.space = true,
                '0' => flags.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut explicit: Option<usize> = parse_index(&chars, &mut i)?;
        let width = parse_digits(&chars, &mut i);
        let mut prec = None;
        if chars.get(i) == Some(&'.') {
            i += 1;
            prec = Some(parse_digits(&chars, &mut i).unwrap_or(0));
        }
        if let Some(ix) = parse_index(&chars, &mut i)? {
            explicit = Some(ix);
        }
        let Some(&verb) = chars.get(i) else {
            return Err(invalid(
                "Error in format string: unterminated format verb at the end of the string",
            ));
        };
        i += 1;
        if verb == '%' {
            out.push('%');
            continue;
        }
        verbs += 1;
        let idx = match explicit {
            Some(n) => n,
            None => next_arg,
        };
        next_arg = idx + 1;
        let Some(val) = args.get(idx) else {
            return Err(invalid(format!(
                "Error in format string: not enough arguments for \"%{verb}\" at {}: need index {} but have {} total",
                verbs,
                idx + 1,
                args.len()
            )));
        };
        if let Some(u) = used.get_mut(idx) {
            *u = true;
        }
        let piece = format_verb(verb, flags, prec, val, idx)?;
        // Terraform writes %t without padding.
        let width = if verb == 't' { None } else { width };
        // Zero padding goes after the sign for numeric verbs only (%05v of
        // -1 is "000-1" in Terraform).
        pad_into(&mut out, &piece, width, flags, is_numeric_verb(verb));
    }
    if let Some(unused) = used.iter().position(|u| !u) {
        let _ = unused;
        return Err(invalid(format!(
            "Invalid function argument: too many arguments; only {} used by format string",
            used.iter().filter(|u| **u).count()
        )));
    }
    Ok(out)
}

fn is_numeric_verb(v: char) -> bool {
    matches!(v, 'b' | 'd' | 'o' | 'x' | 'X' | 'e' | 'E' | 'f' | 'g' | 'G')
}

/// Widths and precisions are clipped here: Rust's formatter panics on a
/// precision over `u16::MAX`, and wider padding would only waste memory.
const MAX_WIDTH: usize = u16::MAX as usize;

fn parse_digits(chars: &[char], i: &mut usize) -> Option<usize> {
    let start = *i;
    let mut n: usize = 0;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        n = n
            .saturating_mul(10)
            .saturating_add(d as usize)
            .min(MAX_WIDTH);
        *i += 1;
    }
    (*i > start).then_some(n)
}

fn parse_index(chars: &[char], i: &mut usize) -> Result<Option<usize>, FnError> {
    if chars.get(*i) != Some(&'[') {
        return Ok(None);
    }
    *i += 1;
    let n = parse_digits(chars, i);
    if chars.get(*i) != Some(&']') {
        return Err(invalid(
            "Error in format string: unterminated argument index",
        ));
    }
    *i += 1;
    match n {
        Some(n) if n >= 1 => Ok(Some(n - 1)),
        _ => Err(invalid("Error in format string: invalid argument index")),
    }
}

fn pad_into(out: &mut String, piece: &str, width: Option<usize>, flags: Flags, numeric: bool) {
    let len = piece.chars().count();
    let Some(w) = width.filter(|w| *w > len) else {
        out.push_str(piece);
        return;
    };
    let fill = w - len;
    if flags.minus {
        out.push_str(piece);
        out.extend(std::iter::repeat_n(' ', fill));
    } else if flags.zero && numeric {
        let (sign, digits) = match piece.chars().next() {
            Some(c @ ('+' | '-' | ' ')) => (Some(c), piece.get(1..).unwrap_or("")),
            _ => (None, piece),
        };
        if let Some(s) = sign {
            out.push(s);
        }
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(digits);
    } else if flags.zero {
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(piece);
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(piece);
    }
}

fn verb_err(verb: char, idx: usize, why: &str) -> FnError {
    invalid(format!(
        "Error in format string: unsupported value for \"%{verb}\" at {}: {why}",
        idx + 1
    ))
}

fn to_num(v: &Value, verb: char, idx: usize) -> Result<f64, FnError> {
    match v {
        Value::Number(n) => Ok(*n),
        Value::String(s) => {
            crate::args::parse_number(s).ok_or_else(|| verb_err(verb, idx, "a number is required"))
        }
        Value::Null => Err(verb_err(verb, idx, "null value cannot be formatted")),
        _ => Err(verb_err(verb, idx, "number required")),
    }
}

fn sign_prefix(neg: bool, flags: Flags) -> &'static str {
    if neg {
        "-"
    } else if flags.plus {
        "+"
    } else if flags.space {
        " "
    } else {
        ""
    }
}

fn format_verb(
    verb: char,
    flags: Flags,
    prec: Option<usize>,
    v: &Value,
    idx: usize,
) -> Result<String, FnError> {
    match verb {
        'v' if flags.sharp => json_encode(v),
        'v' => match v {
            Value::Null => Ok("null".to_string()),
            Value::Number(n) => {
                // Terraform formats a number's default form like Go's %g.
                // `+` and space do not apply to %v.
                let body = fmt_g(n.abs(), None, false);
                let sign = if n.is_sign_negative() { "-" } else { "" };
                Ok(format!("{sign}{body}"))
            }
            Value::String(_) | Value::Bool(_) => Ok(prim_to_string(v).unwrap_or_default()),
            other => json_encode(other),
        },
        's' => {
            let s = match v {
                Value::Null => return Err(verb_err(verb, idx, "null value cannot be formatted")),
                other => {
                    prim_to_string(other).ok_or_else(|| verb_err(verb, idx, "string required"))?
                }
            };
            // A precision of zero means "none" in Terraform's parser.
            Ok(match prec {
                Some(p) if p > 0 => s.chars().take(p).collect(),
                _ => s,
            })
        }
        'q' => {
            let s = match v {
                Value::Null => return Err(verb_err(verb, idx, "null value cannot be formatted")),
                other => {
                    prim_to_string(other).ok_or_else(|| verb_err(verb, idx, "string required"))?
                }
            };
            json_encode(&Value::String(s))
        }
        't' => match v {
            Value::Bool(b) => Ok(b.to_string()),
            Value::String(s) if s == "true" || s == "false" => Ok(s.clone()),
            Value::Null => Err(verb_err(verb, idx, "null value cannot be formatted")),
            _ => Err(verb_err(verb, idx, "bool required")),
        },
        'b' | 'd' | 'o' | 'x' | 'X' => {
            let n = to_num(v, verb, idx)?;
            if n.fract() != 0.0 || !n.is_finite() {
                return Err(verb_err(verb, idx, "an integer is required"));
            }
            let m = n.abs() as u128;
            let digits = match verb {
                'b' => format!("{m:b}"),
                'o' if flags.sharp => format!("0{m:o}"),
                'o' => format!("{m:o}"),
                'x' if flags.sharp => format!("0x{m:x}"),
                'x' => format!("{m:x}"),
                'X' if flags.sharp => format!("0X{m:X}"),
                'X' => format!("{m:X}"),
                _ => m.to_string(),
            };
            let digits = match prec {
                Some(p) if p > digits.len() => format!("{}{digits}", "0".repeat(p - digits.len())),
                _ => digits,
            };
            Ok(format!("{}{digits}", sign_prefix(n < 0.0, flags)))
        }
        'f' | 'e' | 'E' | 'g' | 'G' => {
            let n = to_num(v, verb, idx)?;
            let body = match verb {
                'f' => fixed(n.abs(), prec.unwrap_or(6)),
                'e' => fmt_e(n.abs(), prec.unwrap_or(6), false),
                'E' => fmt_e(n.abs(), prec.unwrap_or(6), true),
                'g' => fmt_g(n.abs(), prec, false),
                _ => fmt_g(n.abs(), prec, true),
            };
            Ok(format!(
                "{}{body}",
                sign_prefix(n.is_sign_negative() && n != 0.0, flags)
            ))
        }
        other => Err(invalid(format!(
            "Error in format string: unrecognized format verb '{other}' at {}",
            idx + 1
        ))),
    }
}

/// `%f` as Terraform computes it. Terraform holds a number written as a
/// decimal in 512-bit binary; a decimal tie at the rounding position (such
/// as 0.0005 to three places) therefore rounds the way that 512-bit value
/// lies, which can differ from the f64 value. Everything else rounds as the
/// f64 does.
fn fixed(n: f64, prec: usize) -> String {
    let plain = format!("{n:.prec$}");
    let Some((digits, exp)) = decimal_digits(n) else {
        return plain;
    };
    // Position of the first dropped digit in `digits`.
    let keep = exp + 1 + prec as i64;
    if keep < 0 || keep >= digits.len() as i64 {
        return plain;
    }
    let tail = digits.get(keep as usize..).unwrap_or("");
    if tail != "5" {
        return plain;
    }
    let up = match wide_binary_above(&digits, exp) {
        Some(std::cmp::Ordering::Greater) => true,
        Some(std::cmp::Ordering::Less) => false,
        _ => return plain,
    };
    // Round the decimal digit string by hand.
    let kept: Vec<u8> = digits
        .bytes()
        .take(keep as usize)
        .map(|b| b - b'0')
        .collect();
    let mut num: Vec<u8> = kept;
    if up {
        let mut i = num.len();
        loop {
            if i == 0 {
                num.insert(0, 1);
                break;
            }
            i -= 1;
            if let Some(d) = num.get_mut(i) {
                if *d == 9 {
                    *d = 0;
                } else {
                    *d += 1;
                    break;
                }
            }
        }
    }
    let carried = (num.len() as i64) > keep;
    let int_len = exp + 1 + i64::from(carried);
    let text: String = num.iter().map(|d| char::from(b'0' + d)).collect();
    let (int_part, frac_part) = if int_len <= 0 {
        let zeros = "0".repeat((-int_len) as usize);
        ("0".to_string(), format!("{zeros}{text}"))
    } else {
        let cut = (int_len as usize).min(text.len());
        let int_part = text.get(..cut).unwrap_or("").to_string();
        let frac = text.get(cut..).unwrap_or("").to_string();
        (
            if int_part.is_empty() {
                "0".into()
            } else {
                int_part
            },
            frac,
        )
    };
    let mut frac_part = frac_part;
    while frac_part.len() < prec {
        frac_part.push('0');
    }
    let frac_part: String = frac_part.chars().take(prec).collect();
    if prec == 0 {
        int_part
    } else {
        format!("{int_part}.{frac_part}")
    }
}

/// Shortest decimal digits of `n` (no leading zeros) and the decimal
/// exponent of the first digit.
fn decimal_digits(n: f64) -> Option<(String, i64)> {
    if n == 0.0 || !n.is_finite() {
        return None;
    }
    let (m, e) = split_exp(&format!("{n:e}"));
    let digits: String = m.chars().filter(char::is_ascii_digit).collect();
    Some((digits, i64::from(e)))
}

/// Compare the 512-bit binary value nearest to the decimal
/// `0.d1d2d3... × 10^(exp+1)` with the decimal itself.
fn wide_binary_above(digits: &str, exp: i64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    // value = m / 10^k  (or m * 10^j, an integer: then it is exact).
    let m: u128 = digits.parse().ok()?;
    let k = digits.len() as i64 - 1 - exp;
    if k <= 0 {
        return Some(Ordering::Equal);
    }
    if k > 36 {
        return None;
    }
    let den: u128 = 10u128.checked_pow(k as u32)?;
    // Integer part, then binary long division of the remainder.
    let int = m / den;
    let mut rem = m % den;
    let int_bits = 128 - int.leading_zeros();
    let mut sig_bits = int_bits;
    // Skip leading zero fraction bits when there is no integer part.
    let mut guard = 0u32;
    while sig_bits == 0 {
        rem *= 2;
        if rem >= den {
            rem -= den;
            sig_bits = 1;
        }
        guard += 1;
        if guard > 2000 {
            return None;
        }
    }
    // Take fraction bits until 512 significant bits are held.
    while sig_bits < 512 {
        rem *= 2;
        if rem >= den {
            rem -= den;
        }
        sig_bits += 1;
        if rem == 0 {
            return Some(Ordering::Equal);
        }
    }
    // Next bit decides rounding to nearest (no exact ties: the expansion of
    // a non-dyadic fraction never ends).
    rem *= 2;
    if rem >= den {
        Some(Ordering::Greater)
    } else {
        Some(Ordering::Less)
    }
}

/// A number as Go's `%.10g` writes it (sign included).
pub(crate) fn fmt_g_signed(n: f64) -> String {
    let body = fmt_g(n.abs(), Some(10), false);
    if n.is_sign_negative() && n != 0.0 {
        format!("-{body}")
    } else {
        body
    }
}

/// Split Rust's `{:e}` output into mantissa and exponent.
/// `format!("{:.*e}", prec, n)` without the formatter's limit (it panics on
/// a thousand digits or more): an f64 has at most 767 significant decimal
/// digits, so the ones after that are zeros.
fn exp_exact(n: f64, prec: usize) -> String {
    const MAX: usize = 800;
    if prec <= MAX {
        return format!("{:.*e}", prec, n);
    }
    let s = format!("{:.*e}", MAX, n);
    match s.split_once('e') {
        Some((m, e)) => format!("{m}{}e{e}", "0".repeat(prec - MAX)),
        None => s,
    }
}

fn split_exp(s: &str) -> (String, i32) {
    match s.split_once('e') {
        Some((m, e)) => (m.to_string(), e.parse().unwrap_or(0)),
        None => (s.to_string(), 0),
    }
}

fn exp_suffix(e: i32, upper: bool) -> String {
    let sign = if e < 0 { '-' } else { '+' };
    let ch = if upper { 'E' } else { 'e' };
    format!("{ch}{sign}{:02}", e.abs())
}

fn fmt_e(n: f64, prec: usize, upper: bool) -> String {
    let (m, e) = split_exp(&exp_exact(n, prec));
    format!("{m}{}", exp_suffix(e, upper))
}

pub(crate) fn fmt_g(n: f64, prec: Option<usize>, upper: bool) -> String {
    if n == 0.0 {
        return "0".to_string();
    }
    if !n.is_finite() {
        return if n.is_nan() {
            "NaN".into()
        } else {
            "+Inf".into()
        };
    }
    let (mant, exp, eprec) = match prec {
        None => {
            let (m, e) = split_exp(&format!("{n:e}"));
            (m, e, 6)
        }
        Some(p) => {
            let p = p.max(1);
            let (m, e) = split_exp(&exp_exact(n, p - 1));
            let m = if m.contains('.') {
                m.trim_end_matches('0').trim_end_matches('.').to_string()
            } else {
                m
            };
            (m, e, p as i32)
        }
    };
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    if exp < -4 || exp >= eprec {
        return format!("{mant}{}", exp_suffix(exp, upper));
    }
    // Plain notation with the same significant digits.
    if exp >= 0 {
        let e = exp as usize;
        if digits.len() > e + 1 {
            format!(
                "{}.{}",
                digits.get(..=e).unwrap_or(""),
                digits.get(e + 1..).unwrap_or("")
            )
        } else {
            format!("{digits}{}", "0".repeat(e + 1 - digits.len()))
        }
    } else {
        format!("0.{}{digits}", "0".repeat((-exp - 1) as usize))
    }
}
