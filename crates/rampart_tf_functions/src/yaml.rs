//! YAML for `yamldecode` (parsed with saphyr, resolved with the YAML 1.2 core
//! schema as Terraform does) and `yamlencode` (Terraform's block layout:
//! every string double-quoted, sequences not indented under their key).

use std::collections::BTreeMap;

use rampart_model::{Number, Value};
use saphyr::{Scalar, ScalarStyle, Tag, Yaml, YamlLoader};

use crate::args::{invalid, R};
use crate::encoding::number_text;
use crate::FnError;

pub(crate) fn decode(src: &str) -> R {
    // Terraform's YAML parser knows only version 1.1 documents.
    for line in src.lines() {
        if let Some(rest) = line.strip_prefix("%YAML") {
            if rest.split_whitespace().next() != Some("1.1") {
                return Err(invalid(
                    "Invalid function argument: found incompatible YAML document",
                ));
            }
        }
    }
    let mut parser = saphyr_parser::Parser::new_from_str(src);
    let mut loader: YamlLoader<'_, Yaml<'_>> = YamlLoader::default();
    loader.early_parse(false);
    loader.allow_duplicate_keys(true);
    let scan_err = |e: &saphyr::ScanError| {
        invalid(format!(
            "Invalid function argument: on line {}, column {}: {}",
            e.marker().line(),
            e.marker().col() + 1,
            e.info()
        ))
    };
    parser.load(&mut loader, true).map_err(|e| scan_err(&e))?;
    if let Some(e) = loader.error() {
        return Err(scan_err(e));
    }
    let docs = loader.into_documents();
    match docs.len() {
        0 => Err(invalid(
            "Invalid function argument: on line 1, column 1: missing start of document",
        )),
        1 => docs.first().map_or(Ok(Value::Null), |d| convert(d, 0)),
        _ => Err(invalid(
            "Invalid function argument: unexpected extra content after value",
        )),
    }
}

/// Resolve a plain scalar the way Terraform's YAML decoder does (YAML 1.1
/// booleans such as `yes`/`on`, `0x`/`0o` integers, date-only timestamps).
fn resolve_plain(s: &str) -> Result<Value, FnError> {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Ok(Value::Null),
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            return Ok(Value::Bool(true))
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            return Ok(Value::Bool(false))
        }
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF"
        | ".nan" | ".NaN" | ".NAN" => {
            return Err(invalid(
                "Invalid function argument: infinity and NaN cannot be represented",
            ))
        }
        _ => {}
    }
    if let Some(n) = resolve_int(s) {
        return Ok(Value::Number(n));
    }
    if let Some(f) = crate::args::parse_number(s) {
        return Ok(Value::Number(f));
    }
    if let Some(ts) = resolve_date(s) {
        return Ok(Value::String(ts));
    }
    Ok(Value::String(s.to_string()))
}

/// YAML 1.2 core integers: signed decimal, unsigned `0x` hex, `0o` octal.
/// Integers written in hex or octal, as the YAML decoder Terraform uses reads
/// them (64-bit integers); decimal numbers are read as number literals.
fn resolve_int(s: &str) -> Option<Number> {
    let (radix, digits, neg) = if let Some(h) = s.strip_prefix("0x") {
        (16, h, false)
    } else if let Some(o) = s.strip_prefix("0o") {
        (8, o, false)
    } else if let Some(d) = s.strip_prefix('-') {
        (10, d, true)
    } else {
        (10, s.strip_prefix('+').unwrap_or(s), false)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    if radix == 10 {
        return Number::parse(s);
    }
    let v = num_bigint::BigInt::parse_bytes(digits.as_bytes(), radix)?;
    Some(Number::from_bigint(&if neg { -v } else { v }))
}

fn small_num(p: &str, max_len: usize) -> Option<u32> {
    if p.is_empty() || p.len() > max_len || !p.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    p.parse().ok()
}

/// YAML timestamps (`2001-12-14`, `2001-12-14t21:59:43.10-05:00`,
/// `2001-12-14 21:59:43.10`) become RFC 3339 text with whole seconds, as
/// Terraform's decoder gives them.
fn resolve_date(s: &str) -> Option<String> {
    let (date, rest) = match s.find(['T', 't', ' ']) {
        Some(i) => (s.get(..i)?, Some((s.get(i..i + 1)?, s.get(i + 1..)?))),
        None => (s, None),
    };
    let mut it = date.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 {
        return None;
    }
    let (y, m, d) = (small_num(y, 4)?, small_num(m, 2)?, small_num(d, 2)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let Some((sep, time)) = rest else {
        return Some(format!("{y:04}-{m:02}-{d:02}T00:00:00Z"));
    };
    let (clock, zone) = match time.find(['Z', '+', '-']) {
        Some(i) if sep != " " => (time.get(..i)?, time.get(i..)?),
        Some(_) => return None,
        None => (time, ""),
    };
    let clock = clock.split('.').next()?;
    let mut parts = clock.split(':');
    let (hh, mm, ss) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (hh, mm, ss) = (small_num(hh, 2)?, small_num(mm, 2)?, small_num(ss, 2)?);
    if hh > 23 || mm > 59 || ss > 59 {
        return None;
    }
    let zone = match zone {
        "" | "Z" | "+00:00" | "-00:00" => "Z".to_string(),
        z if z.len() == 6 && z.get(3..4) == Some(":") => z.to_string(),
        _ => return None,
    };
    Some(format!(
        "{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}{zone}"
    ))
}

fn is_core(t: &Tag) -> bool {
    t.handle == "tag:yaml.org,2002:" || t.handle == "!!"
}

fn check_tag(t: &Tag) -> Result<(), FnError> {
    let known = is_core(t)
        && matches!(
            t.suffix.as_str(),
            "str"
                | "int"
                | "float"
                | "bool"
                | "null"
                | "map"
                | "seq"
                | "binary"
                | "timestamp"
                | "merge"
        );
    if known || (t.handle == "!" && t.suffix.is_empty()) {
        Ok(())
    } else {
        Err(invalid(format!(
            "Invalid function argument: unsupported tag \"{}{}\"",
            t.handle, t.suffix
        )))
    }
}

fn scalar_value(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Result<Value, FnError> {
    if let Some(t) = tag {
        check_tag(t)?;
    }
    if style != ScalarStyle::Plain {
        return Ok(Value::String(text.to_string()));
    }
    let core = tag.filter(|t| is_core(t));
    if let Some(t) = core {
        return match t.suffix.as_str() {
            "str" => Ok(Value::String(text.to_string())),
            "null" => Ok(Value::Null),
            "bool" | "int" | "float" => match resolve_plain(text)? {
                v @ (Value::Bool(_) | Value::Number(_)) => Ok(v),
                _ => Err(invalid(format!(
                    "Invalid function argument: cannot decode {text:?} as !!{}",
                    t.suffix
                ))),
            },
            _ => Ok(Value::String(text.to_string())),
        };
    }
    resolve_plain(text)
}

fn key_text(y: &Yaml<'_>) -> Result<String, FnError> {
    let v = match y {
        Yaml::Representation(s, style, tag)
            if s == "<<" && *style == ScalarStyle::Plain && tag.is_none() =>
        {
            return Ok("<<".into())
        }
        Yaml::Representation(s, style, tag) => scalar_value(s, *style, tag.as_deref())?,
        Yaml::Value(Scalar::String(s)) => return Ok(s.to_string()),
        Yaml::Tagged(_, inner) => return key_text(inner),
        _ => {
            return Err(invalid(
                "Invalid function argument: only scalar values can be used as mapping keys",
            ))
        }
    };
    Ok(match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number_text(&n)?,
        Value::String(s) => s,
        _ => String::new(),
    })
}

fn merge_into(out: &mut BTreeMap<String, Value>, v: Value) -> Result<(), FnError> {
    match v {
        Value::Object(inner) => {
            for (ik, iv) in inner {
                out.entry(ik).or_insert(iv);
            }
            Ok(())
        }
        Value::List(list) => {
            for item in list {
                merge_into(out, item)?;
            }
            Ok(())
        }
        _ => Err(invalid(
            "Invalid function argument: map merge requires map or sequence of maps as the value",
        )),
    }
}

fn convert(y: &Yaml<'_>, depth: usize) -> R {
    if depth > 200 {
        return Err(invalid(
            "Invalid function argument: YAML nesting is too deep",
        ));
    }
    Ok(match y {
        Yaml::Representation(s, style, tag) => scalar_value(s, *style, tag.as_deref())?,
        Yaml::Value(Scalar::Null) => Value::Null,
        Yaml::Value(Scalar::Boolean(b)) => Value::Bool(*b),
        Yaml::Value(Scalar::Integer(i)) => Value::from(*i),
        Yaml::Value(Scalar::FloatingPoint(f)) => Value::from(f.into_inner()),
        Yaml::Value(Scalar::String(s)) => Value::String(s.to_string()),
        Yaml::Sequence(items) => Value::List(
            items
                .iter()
                .map(|x| convert(x, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        Yaml::Mapping(m) => {
            let mut out = BTreeMap::new();
            let mut merges = Vec::new();
            for (k, v) in m.iter() {
                let key = key_text(k)?;
                if key == "<<" {
                    merges.push(convert(v, depth + 1)?);
                    continue;
                }
                out.insert(key, convert(v, depth + 1)?);
            }
            for m in merges {
                merge_into(&mut out, m)?;
            }
            Value::Object(out)
        }
        Yaml::Tagged(tag, inner) => match inner.as_ref() {
            Yaml::Representation(s, style, _) => scalar_value(s, *style, Some(tag))?,
            other => {
                check_tag(tag)?;
                convert(other, depth + 1)?
            }
        },
        Yaml::Alias(_) => {
            return Err(invalid(
                "Invalid function argument: YAML aliases are not supported here",
            ))
        }
        Yaml::BadValue => Value::Null,
    })
}

// ---------------------------------------------------------------- encode

/// Widest line before a double-quoted scalar is folded at a space.
const BEST_WIDTH: usize = 80;

pub(crate) fn encode(v: &Value) -> Result<String, FnError> {
    let mut out = String::new();
    match v {
        Value::List(items) | Value::Set(items) if !items.is_empty() => seq(items, 0, &mut out)?,
        Value::Object(m) if !m.is_empty() => map(m, 0, &mut out)?,
        Value::String(s) if use_literal(s) => literal(s, 2, &mut out),
        Value::String(s) => {
            quoted_into(&mut out, s, 2, true);
            out.push('\n');
        }
        other => {
            scalar_into(&mut out, other, 2)?;
            out.push('\n');
            if !matches!(other, Value::List(_) | Value::Set(_) | Value::Object(_)) {
                // A plain root scalar is left open; the emitter closes the document.
                out.push_str("...\n");
            }
        }
    }
    Ok(out)
}

fn indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

fn column(out: &str) -> usize {
    let line_start = out.rfind('\n').map_or(0, |i| i + 1);
    out.get(line_start..).map_or(0, |l| l.chars().count())
}

fn seq(items: &[Value], ind: usize, out: &mut String) -> Result<(), FnError> {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            indent(out, ind);
        }
        out.push_str("- ");
        match item {
            Value::List(x) | Value::Set(x) if !x.is_empty() => seq(x, ind + 2, out)?,
            Value::Object(m) if !m.is_empty() => map(m, ind + 2, out)?,
            Value::String(s) if use_literal(s) => literal(s, ind + 2, out),
            other => {
                scalar_into(out, other, ind + 2)?;
                out.push('\n');
            }
        }
    }
    Ok(())
}

fn map(m: &BTreeMap<String, Value>, ind: usize, out: &mut String) -> Result<(), FnError> {
    for (i, (k, v)) in m.iter().enumerate() {
        if i > 0 {
            indent(out, ind);
        }
        if k.len() > 128 {
            // Too long for a simple key: the emitter writes "? key" and
            // then ": value" on its own line.
            out.push_str("? ");
            quoted_into(out, k, ind + 2, true);
            out.push('\n');
            indent(out, ind);
        } else {
            quoted_into(out, k, ind + 2, false);
        }
        out.push(':');
        match v {
            Value::List(x) | Value::Set(x) if !x.is_empty() => {
                out.push('\n');
                indent(out, ind);
                seq(x, ind, out)?;
            }
            Value::Object(inner) if !inner.is_empty() => {
                out.push('\n');
                indent(out, ind + 2);
                map(inner, ind + 2, out)?;
            }
            Value::String(s) if use_literal(s) => {
                out.push(' ');
                literal(s, ind + 2, out);
            }
            other => {
                out.push(' ');
                scalar_into(out, other, ind + 2)?;
                out.push('\n');
            }
        }
    }
    Ok(())
}

/// Multi-line strings are written as literal blocks unless the emitter
/// cannot: a space right before a line break, a trailing space, or a
/// character that must be escaped (tab, carriage return, ...).
fn use_literal(s: &str) -> bool {
    s.contains('\n')
        && !s.contains(" \n")
        && !s.ends_with(' ')
        && s.chars()
            .all(|c| c == '\n' || (is_printable(c) && c != '\u{85}'))
}

fn literal(s: &str, ind: usize, out: &mut String) {
    let chomp = if s.ends_with("\n\n") || s == "\n" {
        "+"
    } else if s.ends_with('\n') {
        ""
    } else {
        "-"
    };
    let lead = if s.starts_with(' ') || s.starts_with('\n') {
        "2"
    } else {
        ""
    };
    out.push('|');
    out.push_str(lead);
    out.push_str(chomp);
    out.push('\n');
    let body = s.strip_suffix('\n').unwrap_or(s);
    for line in body.split('\n') {
        if !line.is_empty() {
            indent(out, ind);
            out.push_str(line);
        }
        out.push('\n');
    }
}

fn scalar_into(out: &mut String, v: &Value, ind: usize) -> Result<(), FnError> {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number_text(n)?),
        Value::String(s) => quoted_into(out, s, ind, true),
        Value::List(_) | Value::Set(_) => out.push_str("[]"),
        Value::Object(_) => out.push_str("{}"),
        Value::Unknown(_) => return Err(invalid("value is not known")),
        Value::Sensitive(inner) => scalar_into(out, inner, ind)?,
    }
    Ok(())
}

fn is_printable(c: char) -> bool {
    let u = c as u32;
    u == 0x0a
        || (0x20..=0x7e).contains(&u)
        || u == 0x85
        || ((0xa0..=0xd7ff).contains(&u))
        || ((0xe000..=0xfffd).contains(&u) && u != 0xfeff)
}

/// A double-quoted scalar as the YAML emitter Terraform uses writes it,
/// folding at a space once the line is past [`BEST_WIDTH`].
fn quoted_into(out: &mut String, s: &str, ind: usize, allow_breaks: bool) {
    out.push('"');
    let chars: Vec<char> = s.chars().collect();
    let mut col = column(out);
    let mut spaces = false;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let escape = match c {
            '\0' => Some("\\0".to_string()),
            '\u{7}' => Some("\\a".to_string()),
            '\u{8}' => Some("\\b".to_string()),
            '\t' => Some("\\t".to_string()),
            '\n' => Some("\\n".to_string()),
            '\u{b}' => Some("\\v".to_string()),
            '\u{c}' => Some("\\f".to_string()),
            '\r' => Some("\\r".to_string()),
            '\u{1b}' => Some("\\e".to_string()),
            '"' => Some("\\\"".to_string()),
            '\\' => Some("\\\\".to_string()),
            '\u{85}' => Some("\\N".to_string()),
            '\u{a0}' => Some("\\_".to_string()),
            '\u{2028}' => Some("\\L".to_string()),
            '\u{2029}' => Some("\\P".to_string()),
            c if !is_printable(c) => Some(match c as u32 {
                u @ 0..=0xff => format!("\\x{u:02X}"),
                u @ 0x100..=0xffff => format!("\\u{u:04X}"),
                u => format!("\\U{u:08X}"),
            }),
            _ => None,
        };
        if let Some(e) = escape {
            col += e.chars().count();
            out.push_str(&e);
            spaces = false;
        } else if c == ' ' {
            if allow_breaks && !spaces && col > BEST_WIDTH && i > 0 && i + 1 < chars.len() {
                out.push('\n');
                indent(out, ind);
                col = ind;
                if chars.get(i + 1) == Some(&' ') {
                    out.push('\\');
                    col += 1;
                }
            } else {
                out.push(' ');
                col += 1;
            }
            spaces = true;
        } else {
            out.push(c);
            col += 1;
            spaces = false;
        }
        i += 1;
    }
    out.push('"');
}
