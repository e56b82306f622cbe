//! `format` and `formatlist`: Terraform's printf-like verbs
//! (`%v %#v %t %b %d %o %x %X %e %E %f %g %G %s %q %%`) with flags
//! (`+ - # space 0`), widths, precisions and explicit argument indexes
//! (`%[2]s`).

use num_bigint::Sign;
use rampart_model::{Number, Value};

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
        // Terraform pads and prints digits without limit; past these sizes
        // we say so instead of building the string.
        if width.is_some_and(|w| w > MAX_WIDTH) || prec.is_some_and(|p| p > MAX_PRECISION) {
            return Err(invalid(format!(
                "Error in format string: a width over {MAX_WIDTH} or a precision over {MAX_PRECISION} is not supported by rampart"
            )));
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

/// Largest width evaluated (a one-megabyte string).
const MAX_WIDTH: usize = 1_000_000;
/// Largest precision evaluated (what the number formatter prints).
const MAX_PRECISION: usize = 100_000;

fn parse_digits(chars: &[char], i: &mut usize) -> Option<usize> {
    let start = *i;
    let mut n: usize = 0;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        n = n.saturating_mul(10).saturating_add(d as usize);
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

fn to_num(v: &Value, verb: char, idx: usize) -> Result<Number, FnError> {
    match v {
        Value::Number(n) => Ok(n.clone()),
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
                Ok(n.text('g', -1))
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
            let Some(int) = n.to_bigint_exact() else {
                return Err(verb_err(verb, idx, "an integer is required"));
            };
            let m = int.magnitude();
            let digits = match verb {
                'b' => m.to_str_radix(2),
                'o' if flags.sharp => format!("0{}", m.to_str_radix(8)),
                'o' => m.to_str_radix(8),
                'x' if flags.sharp => format!("0x{}", m.to_str_radix(16)),
                'x' => m.to_str_radix(16),
                'X' if flags.sharp => format!("0X{}", m.to_str_radix(16).to_uppercase()),
                'X' => m.to_str_radix(16).to_uppercase(),
                _ => m.to_string(),
            };
            let digits = match prec {
                Some(p) if p > digits.len() => format!("{}{digits}", "0".repeat(p - digits.len())),
                _ => digits,
            };
            Ok(format!(
                "{}{digits}",
                sign_prefix(int.sign() == Sign::Minus, flags)
            ))
        }
        'f' | 'e' | 'E' | 'g' | 'G' => {
            let n = to_num(v, verb, idx)?;
            // Go formats the big float itself: %f and %e default to six
            // digits, %g to the shortest form.
            let default = if matches!(verb, 'g' | 'G') { -1 } else { 6 };
            let digits = prec.map_or(default, |p| i32::try_from(p).unwrap_or(i32::MAX));
            let body = n.abs().text(verb, digits);
            Ok(format!(
                "{}{body}",
                sign_prefix(n.is_sign_negative() && !n.is_zero(), flags)
            ))
        }
        other => Err(invalid(format!(
            "Error in format string: unrecognized format verb '{other}' at {}",
            idx + 1
        ))),
    }
}
