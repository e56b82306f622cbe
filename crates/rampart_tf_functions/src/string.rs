//! String functions: chomp endswith indent join lower regex regexall replace
//! split startswith strcontains strrev substr title trim trimprefix trimspace
//! trimsuffix upper (format and formatlist live in `format.rs`).

use std::collections::BTreeMap;

use rampart_model::Value;
use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

use crate::args::{
    arg, bad_param, invalid, too_large, want_int, want_list, want_str, MAX_OUTPUT, R,
};
use crate::FnCtx;

fn s0(a: &[Value]) -> Result<String, crate::FnError> {
    want_str(arg(a, 0), "str")
}

pub(crate) fn chomp(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = s0(a)?;
    let mut end = s.len();
    loop {
        let head = s.get(..end).unwrap_or("");
        if head.ends_with("\r\n") {
            end -= 2;
        } else if head.ends_with('\n') || head.ends_with('\r') {
            end -= 1;
        } else {
            break;
        }
    }
    Ok(Value::String(s.get(..end).unwrap_or("").to_string()))
}

pub(crate) fn endswith(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = s0(a)?;
    let suffix = want_str(arg(a, 1), "suffix")?;
    Ok(Value::Bool(s.ends_with(&suffix)))
}

pub(crate) fn startswith(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = s0(a)?;
    let prefix = want_str(arg(a, 1), "prefix")?;
    Ok(Value::Bool(s.starts_with(&prefix)))
}

pub(crate) fn strcontains(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = s0(a)?;
    let sub = want_str(arg(a, 1), "substr")?;
    Ok(Value::Bool(s.contains(&sub)))
}

pub(crate) fn indent(a: &[Value], _: &FnCtx<'_>) -> R {
    let n = want_int(arg(a, 0), "spaces")?;
    let s = want_str(arg(a, 1), "str")?;
    if n < 0 {
        return Err(bad_param("spaces", "must not be negative"));
    }
    let width = usize::try_from(n).unwrap_or(usize::MAX);
    let lines = s.matches('\n').count();
    if width.saturating_mul(lines).saturating_add(s.len()) > MAX_OUTPUT {
        return Err(too_large());
    }
    let pad = " ".repeat(width);
    Ok(Value::String(s.replace('\n', &format!("\n{pad}"))))
}

pub(crate) fn join(a: &[Value], _: &FnCtx<'_>) -> R {
    let sep = want_str(arg(a, 0), "separator")?;
    if a.len() < 2 {
        return Err(invalid("at least one list is required"));
    }
    let mut parts = Vec::new();
    for (i, list) in a.iter().enumerate().skip(1) {
        for (j, v) in want_list(list, "lists")?.iter().enumerate() {
            match v {
                Value::Null => {
                    return Err(invalid(format!(
                        "Invalid function argument: element {j} of list {} is null; cannot concatenate null values",
                        i - 1
                    )))
                }
                other => parts.push(
                    crate::args::prim_to_string(other)
                        .ok_or_else(|| bad_param("lists", "list of string required"))?,
                ),
            }
        }
    }
    Ok(Value::String(parts.join(&sep)))
}

/// Go's one-rune-to-one-rune case mapping: where Unicode's full mapping
/// gives several characters (`ß` to `SS`), the rune is kept.
fn simple_case(c: char, upper: bool) -> char {
    let mut it: Box<dyn Iterator<Item = char>> = if upper {
        Box::new(c.to_uppercase())
    } else {
        Box::new(c.to_lowercase())
    };
    match (it.next(), it.next()) {
        (Some(x), None) => x,
        (Some(x), Some(_)) if !upper => x,
        _ => c,
    }
}

/// Title case differs from upper case only for the Latin digraphs.
fn title_case(c: char) -> char {
    match c {
        'Ǆ' | 'ǅ' | 'ǆ' => 'ǅ',
        'Ǉ' | 'ǈ' | 'ǉ' => 'ǈ',
        'Ǌ' | 'ǋ' | 'ǌ' => 'ǋ',
        'Ǳ' | 'ǲ' | 'ǳ' => 'ǲ',
        c => simple_case(c, true),
    }
}

pub(crate) fn lower(a: &[Value], _: &FnCtx<'_>) -> R {
    Ok(Value::String(
        s0(a)?.chars().map(|c| simple_case(c, false)).collect(),
    ))
}

pub(crate) fn upper(a: &[Value], _: &FnCtx<'_>) -> R {
    Ok(Value::String(
        s0(a)?.chars().map(|c| simple_case(c, true)).collect(),
    ))
}

fn title_separator(c: char) -> bool {
    if c.is_ascii() {
        return !(c.is_ascii_alphanumeric() || c == '_');
    }
    if c.is_alphanumeric() {
        return false;
    }
    c.is_whitespace()
}

pub(crate) fn title(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = s0(a)?;
    let mut out = String::with_capacity(s.len());
    let mut prev = ' ';
    for c in s.chars() {
        if title_separator(prev) {
            out.push(title_case(c));
        } else {
            out.push(c);
        }
        prev = c;
    }
    Ok(Value::String(out))
}

pub(crate) fn strrev(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = s0(a)?;
    Ok(Value::String(s.graphemes(true).rev().collect()))
}

pub(crate) fn substr(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = s0(a)?;
    let mut offset = want_int(arg(a, 1), "offset")?;
    let length = want_int(arg(a, 2), "length")?;
    let g: Vec<&str> = s.graphemes(true).collect();
    let total = g.len() as i64;
    if offset < 0 {
        offset = (offset + total).max(0);
    }
    if offset >= total {
        return Ok(Value::String(String::new()));
    }
    let start = offset as usize;
    let end = if length < 0 {
        g.len()
    } else {
        (start as i64).saturating_add(length).min(total) as usize
    };
    Ok(Value::String(
        g.get(start..end).map(|x| x.concat()).unwrap_or_default(),
    ))
}

pub(crate) fn trim(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = s0(a)?;
    let cut = want_str(arg(a, 1), "cutset")?;
    Ok(Value::String(
        s.trim_matches(|c: char| cut.contains(c)).to_string(),
    ))
}

pub(crate) fn trimprefix(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = s0(a)?;
    let p = want_str(arg(a, 1), "prefix")?;
    Ok(Value::String(
        s.strip_prefix(p.as_str()).unwrap_or(&s).to_string(),
    ))
}

pub(crate) fn trimsuffix(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = s0(a)?;
    let p = want_str(arg(a, 1), "suffix")?;
    Ok(Value::String(
        s.strip_suffix(p.as_str()).unwrap_or(&s).to_string(),
    ))
}

pub(crate) fn trimspace(a: &[Value], _: &FnCtx<'_>) -> R {
    Ok(Value::String(s0(a)?.trim().to_string()))
}

pub(crate) fn split(a: &[Value], _: &FnCtx<'_>) -> R {
    let sep = want_str(arg(a, 0), "separator")?;
    let s = want_str(arg(a, 1), "str")?;
    let parts: Vec<Value> = if sep.is_empty() {
        s.chars().map(|c| Value::String(c.to_string())).collect()
    } else {
        s.split(sep.as_str()).map(Value::from).collect()
    };
    Ok(Value::List(parts))
}

/// Rewrite an RE2 pattern (Terraform's regex dialect) into Rust `regex`
/// syntax where the two differ: `\d \w \s \b` and their negations are
/// ASCII-only in RE2, `\Q...\E` quotes a literal, a `{` that does not start
/// a repetition is a literal, and `[` inside a class is a literal.
pub(crate) fn re2_to_rust(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut i = 0;
    let mut in_class = false;
    let mut class_start = false;
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        if c == '\\' {
            let Some(n) = next else {
                out.push('\\');
                i += 1;
                continue;
            };
            match (n, in_class) {
                ('Q', false) => {
                    let start = i + 2;
                    let mut end = start;
                    while end < chars.len()
                        && !(chars.get(end) == Some(&'\\') && chars.get(end + 1) == Some(&'E'))
                    {
                        end += 1;
                    }
                    let lit: String = chars.get(start..end).unwrap_or(&[]).iter().collect();
                    out.push_str(&regex::escape(&lit));
                    i = end + 2;
                    continue;
                }
                ('d', true) => out.push_str("0-9"),
                ('d', false) => out.push_str("[0-9]"),
                ('D', _) => out.push_str("[^0-9]"),
                ('w', true) => out.push_str("0-9A-Za-z_"),
                ('w', false) => out.push_str("[0-9A-Za-z_]"),
                ('W', _) => out.push_str("[^0-9A-Za-z_]"),
                ('s', true) => out.push_str("\\t\\n\\f\\r "),
                ('s', false) => out.push_str("[\\t\\n\\f\\r ]"),
                ('S', _) => out.push_str("[^\\t\\n\\f\\r ]"),
                ('b', false) => out.push_str("(?-u:\\b)"),
                ('B', false) => out.push_str("(?-u:\\B)"),
                (other, _) => {
                    out.push('\\');
                    out.push(other);
                }
            }
            class_start = false;
            i += 2;
            continue;
        }
        if in_class {
            if c == '[' && next == Some(':') {
                // A POSIX class such as [:alpha:]: copy it whole.
                let mut j = i;
                while j < chars.len()
                    && !(chars.get(j) == Some(&':') && chars.get(j + 1) == Some(&']'))
                {
                    j += 1;
                }
                let end = (j + 2).min(chars.len());
                out.extend(chars.get(i..end).unwrap_or(&[]).iter());
                i = end;
                class_start = false;
                continue;
            }
            match c {
                ']' if !class_start => {
                    in_class = false;
                    out.push(']');
                }
                '[' => out.push_str("\\["),
                '&' | '~' if next == Some(c) => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
            class_start = false;
            i += 1;
            continue;
        }
        match c {
            '[' => {
                in_class = true;
                class_start = true;
                out.push('[');
                if next == Some('^') {
                    out.push('^');
                    i += 1;
                }
            }
            '{' if !is_repetition(&chars, i + 1) => out.push_str("\\{"),
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// Whether `{` at `from - 1` opens a repetition `{n}`, `{n,}` or `{n,m}`.
fn is_repetition(chars: &[char], from: usize) -> bool {
    let mut j = from;
    let digits = |j: &mut usize| {
        let start = *j;
        while chars.get(*j).is_some_and(char::is_ascii_digit) {
            *j += 1;
        }
        *j > start
    };
    if !digits(&mut j) {
        return false;
    }
    if chars.get(j) == Some(&',') {
        j += 1;
        digits(&mut j);
    }
    chars.get(j) == Some(&'}')
}

/// Compile a pattern with RE2 syntax.
pub(crate) fn compile(pattern: &str) -> Result<Regex, crate::FnError> {
    Regex::new(&re2_to_rust(pattern)).map_err(|e| {
        bad_param(
            "pattern",
            format!(
                "invalid regular expression pattern: {}",
                first_line(&e.to_string())
            ),
        )
    })
}

fn first_line(s: &str) -> &str {
    s.lines().last().unwrap_or(s).trim()
}

enum Shape {
    Whole,
    Named(Vec<(usize, String)>),
    Positional(usize),
}

fn shape(re: &Regex) -> Result<Shape, crate::FnError> {
    let mut named = Vec::new();
    let mut unnamed = 0;
    for (i, n) in re.capture_names().enumerate().skip(1) {
        match n {
            Some(name) => named.push((i, name.to_string())),
            None => unnamed += 1,
        }
    }
    match (named.is_empty(), unnamed) {
        (true, 0) => Ok(Shape::Whole),
        (true, n) => Ok(Shape::Positional(n)),
        (false, 0) => Ok(Shape::Named(named)),
        _ => Err(bad_param(
            "pattern",
            "invalid regular expression pattern: cannot mix both named and unnamed capture groups",
        )),
    }
}

fn capture_value(shape: &Shape, caps: &regex::Captures<'_>) -> Value {
    let text = |i: usize| match caps.get(i) {
        Some(m) => Value::String(m.as_str().to_string()),
        None => Value::Null,
    };
    match shape {
        Shape::Whole => text(0),
        Shape::Positional(n) => Value::List((1..=*n).map(text).collect()),
        Shape::Named(names) => {
            let map: BTreeMap<String, Value> =
                names.iter().map(|(i, n)| (n.clone(), text(*i))).collect();
            Value::Object(map)
        }
    }
}

pub(crate) fn regex_fn(a: &[Value], _: &FnCtx<'_>) -> R {
    let pattern = want_str(arg(a, 0), "pattern")?;
    let s = want_str(arg(a, 1), "string")?;
    let re = compile(&pattern)?;
    let shape = shape(&re)?;
    match re.captures(&s) {
        Some(caps) => Ok(capture_value(&shape, &caps)),
        None => Err(invalid(
            "Invalid function argument: pattern did not match any part of the given string",
        )),
    }
}

pub(crate) fn regexall(a: &[Value], _: &FnCtx<'_>) -> R {
    let pattern = want_str(arg(a, 0), "pattern")?;
    let s = want_str(arg(a, 1), "string")?;
    let re = compile(&pattern)?;
    let shape = shape(&re)?;
    Ok(Value::List(
        re.captures_iter(&s)
            .map(|c| capture_value(&shape, &c))
            .collect(),
    ))
}

pub(crate) fn replace(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = want_str(arg(a, 0), "str")?;
    let sub = want_str(arg(a, 1), "substr")?;
    let rep = want_str(arg(a, 2), "replace")?;
    if sub.len() > 1 && sub.starts_with('/') && sub.ends_with('/') {
        let pattern = sub.get(1..sub.len() - 1).unwrap_or("");
        let re = compile(pattern)?;
        let count = re.find_iter(&s).count();
        let per = if rep.contains('$') {
            rep.len().saturating_mul(s.len().saturating_add(1))
        } else {
            rep.len()
        };
        if count.saturating_mul(per) > MAX_OUTPUT {
            return Err(too_large());
        }
        return Ok(Value::String(re.replace_all(&s, rep.as_str()).into_owned()));
    }
    let growth = if sub.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(sub.as_str()).count()
    };
    if growth.saturating_mul(rep.len()).saturating_add(s.len()) > MAX_OUTPUT {
        return Err(too_large());
    }
    if sub.is_empty() {
        // Go inserts the replacement around every rune.
        let mut out = String::new();
        out.push_str(&rep);
        for c in s.chars() {
            out.push(c);
            out.push_str(&rep);
        }
        return Ok(Value::String(out));
    }
    Ok(Value::String(s.replace(&sub, &rep)))
}

#[cfg(test)]
mod tests {
    use super::re2_to_rust;

    #[test]
    fn re2_patterns_are_rewritten() {
        assert_eq!(re2_to_rust(r"\d+"), "[0-9]+");
        assert_eq!(re2_to_rust(r"[\d.]"), "[0-9.]");
        assert_eq!(re2_to_rust(r"\Qa.b\E+"), r"a\.b+");
        assert_eq!(re2_to_rust(r"a{,2}"), r"a\{,2}");
        assert_eq!(re2_to_rust(r"a{2,3}"), "a{2,3}");
        assert_eq!(re2_to_rust(r"[[:alpha:]x]"), "[[:alpha:]x]");
        assert_eq!(re2_to_rust(r"[a[]"), r"[a\[]");
        assert_eq!(re2_to_rust(r"\bx"), r"(?-u:\b)x");
        assert_eq!(re2_to_rust("\\"), "\\");
    }
}
