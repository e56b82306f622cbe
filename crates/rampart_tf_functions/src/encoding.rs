//! Encoding functions: base64decode base64encode base64gzip csvdecode
//! jsondecode jsonencode textdecodebase64 textencodebase64 urlencode
//! yamldecode yamlencode.

use std::collections::BTreeMap;

use base64::Engine;
use rampart_model::{Number, Value};

use crate::args::{arg, bad_param, invalid, want_str, R};
use crate::{FnCtx, FnError};

/// Standard alphabet with padding, tolerant of non-zero trailing bits as Go's
/// decoder is.
const B64: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::RequireCanonical),
);

pub(crate) fn b64(bytes: &[u8]) -> String {
    B64.encode(bytes)
}

fn b64_decode(s: &str) -> Result<Vec<u8>, FnError> {
    let cleaned: String = s.chars().filter(|c| *c != '\r' && *c != '\n').collect();
    B64.decode(cleaned.as_bytes()).map_err(|_| {
        invalid(format!(
            "Invalid function argument: failed to decode base64 data {:?}",
            s
        ))
    })
}

pub(crate) fn base64encode(a: &[Value], _: &FnCtx<'_>) -> R {
    Ok(Value::String(b64(want_str(arg(a, 0), "str")?.as_bytes())))
}

pub(crate) fn base64decode(a: &[Value], _: &FnCtx<'_>) -> R {
    let bytes = b64_decode(&want_str(arg(a, 0), "str")?)?;
    String::from_utf8(bytes).map(Value::String).map_err(|_| {
        invalid("Invalid function argument: the result of decoding the provided string is not valid UTF-8")
    })
}

pub(crate) fn base64gzip(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = want_str(arg(a, 0), "str")?;
    // The same bytes as Terraform: Go's compressor, flushed then closed.
    Ok(Value::String(b64(&rampart_gzip::gzip(s.as_bytes()))))
}

pub(crate) fn urlencode(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = want_str(arg(a, 0), "str")?;
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    Ok(Value::String(out))
}

// ---------------------------------------------------------------- JSON

/// How Terraform writes a number in JSON: shortest decimal, never an exponent.
pub(crate) fn number_text(n: &Number) -> Result<String, FnError> {
    if n.is_infinite() {
        return Err(invalid("cannot encode an infinite or NaN number"));
    }
    Ok(n.to_string())
}

fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json_into(v: &Value, out: &mut String) -> Result<(), FnError> {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number_text(n)?),
        Value::String(s) => json_string(s, out),
        Value::List(items) | Value::Set(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_into(x, out)?;
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, x)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_string(k, out);
                out.push(':');
                json_into(x, out)?;
            }
            out.push('}');
        }
        Value::Unknown(_) => return Err(invalid("value is not known")),
        Value::Sensitive(inner) => json_into(inner, out)?,
    }
    Ok(())
}

/// Terraform's exact `jsonencode` text for a known value.
pub(crate) fn json_encode(v: &Value) -> Result<String, FnError> {
    let mut out = String::new();
    json_into(v, &mut out)?;
    Ok(out)
}

pub(crate) fn jsonencode(a: &[Value], _: &FnCtx<'_>) -> R {
    json_encode(arg(a, 0)).map(Value::String)
}

/// Go's JSON decoder turns an unpaired UTF-16 surrogate escape into U+FFFD
/// where serde_json rejects it: rewrite such escapes first.
fn fix_lone_surrogates(s: &str) -> std::borrow::Cow<'_, str> {
    let lower = s.to_ascii_lowercase();
    if !lower.contains("\\ud") {
        return std::borrow::Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let hex4 = |at: usize| -> Option<u32> {
        let t: String = chars.get(at..at + 4)?.iter().collect();
        u32::from_str_radix(&t, 16).ok()
    };
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut in_string = false;
    while let Some(&c) = chars.get(i) {
        if !in_string {
            if c == '"' {
                in_string = true;
            }
            out.push(c);
            i += 1;
            continue;
        }
        match c {
            '"' => {
                in_string = false;
                out.push(c);
                i += 1;
            }
            '\\' if chars.get(i + 1) == Some(&'u') => match hex4(i + 2) {
                Some(h @ 0xd800..=0xdbff) => {
                    let pair = chars.get(i + 6) == Some(&'\\')
                        && chars.get(i + 7) == Some(&'u')
                        && matches!(hex4(i + 8), Some(0xdc00..=0xdfff));
                    if pair {
                        out.extend(chars.get(i..i + 12).unwrap_or(&[]).iter());
                        i += 12;
                    } else {
                        let _ = h;
                        out.push_str("\\ufffd");
                        i += 6;
                    }
                }
                Some(0xdc00..=0xdfff) => {
                    out.push_str("\\ufffd");
                    i += 6;
                }
                _ => {
                    out.push(c);
                    i += 1;
                }
            },
            '\\' => {
                out.push(c);
                if let Some(&n) = chars.get(i + 1) {
                    out.push(n);
                }
                i += 2;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

pub(crate) fn jsondecode(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = want_str(arg(a, 0), "str")?;
    let s = fix_lone_surrogates(&s);
    let j: serde_json::Value = serde_json::from_str(&s)
        .map_err(|e| invalid(format!("Invalid function argument: invalid JSON: {e}")))?;
    Ok(Value::from_json(&j))
}

// ---------------------------------------------------------------- CSV

/// Go's CSV reader is strict about quotes where the csv crate is lenient:
/// a quote inside an unquoted field, text after a closing quote, or an
/// unterminated quoted field are errors.
fn check_csv_quotes(s: &str) -> Result<(), FnError> {
    let mut line = 1;
    let mut in_quotes = false;
    let mut field_start = true;
    let mut chars = s.chars().peekable();
    let err = |line: usize, what: &str| {
        invalid(format!(
            "Invalid function argument: CSV parse error on line {line}: {what}"
        ))
    };
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    in_quotes = false;
                    match chars.peek() {
                        None | Some(',') | Some('\n') | Some('\r') => {}
                        Some(_) => {
                            return Err(err(line, "extraneous or missing \" in quoted-field"))
                        }
                    }
                }
            }
            continue;
        }
        match c {
            '"' if field_start => {
                in_quotes = true;
                field_start = false;
            }
            '"' => return Err(err(line, "bare \" in non-quoted-field")),
            ',' | '\n' => field_start = true,
            '\r' => {}
            _ => field_start = false,
        }
    }
    if in_quotes {
        return Err(err(line, "extraneous or missing \" in quoted-field"));
    }
    Ok(())
}

pub(crate) fn csvdecode(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = want_str(arg(a, 0), "str")?;
    check_csv_quotes(&s)?;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .from_reader(s.as_bytes());
    let mut rows = rdr.records();
    let header: Vec<String> = match rows.next() {
        None => return Err(invalid("Invalid function argument: missing header line")),
        Some(r) => r
            .map_err(|e| invalid(format!("Invalid function argument: {e}")))?
            .iter()
            .map(str::to_string)
            .collect(),
    };
    for (i, h) in header.iter().enumerate() {
        if header.iter().take(i).any(|x| x == h) {
            return Err(invalid(format!(
                "Invalid function argument: duplicate column name {h:?}"
            )));
        }
    }
    let mut out = Vec::new();
    for rec in rows {
        let rec = rec.map_err(|e| invalid(format!("Invalid function argument: {e}")))?;
        let obj: BTreeMap<String, Value> = header
            .iter()
            .cloned()
            .zip(rec.iter().map(Value::from))
            .collect();
        out.push(Value::Object(obj));
    }
    Ok(Value::List(out))
}

// ---------------------------------------------------------------- text encodings

#[derive(Clone, Copy, PartialEq)]
enum TextEnc {
    Utf8,
    /// UTF-16 with a byte-order mark (big endian when writing).
    Utf16Bom,
    Utf16Le,
    Utf16Be,
    Latin1,
    Latin9,
    Windows1252,
    Ascii,
}

/// IANA names and aliases Terraform accepts (case-insensitive) for the
/// encodings supported here.
fn text_encoding(name: &str) -> Result<TextEnc, FnError> {
    let n = name.to_ascii_lowercase();
    Ok(match n.as_str() {
        "utf-8" | "csutf8" => TextEnc::Utf8,
        "utf-16" | "csutf16" => TextEnc::Utf16Bom,
        "utf-16le" | "csutf16le" => TextEnc::Utf16Le,
        "utf-16be" | "csutf16be" => TextEnc::Utf16Be,
        "iso-8859-1" | "iso_8859-1:1987" | "iso-ir-100" | "iso_8859-1" | "latin1" | "l1"
        | "ibm819" | "cp819" | "csisolatin1" => TextEnc::Latin1,
        "iso-8859-15" | "iso_8859-15" | "latin-9" | "csiso885915" => TextEnc::Latin9,
        "windows-1252" | "cswindows1252" => TextEnc::Windows1252,
        "us-ascii" | "iso-ir-6" | "ansi_x3.4-1968" | "ansi_x3.4-1986" | "iso_646.irv:1991"
        | "iso646-us" | "us" | "ibm367" | "cp367" | "csascii" => TextEnc::Ascii,
        _ => {
            return Err(bad_param(
                "encoding",
                format!("{name:?} is not a supported IANA encoding name or alias here"),
            ))
        }
    })
}

/// Windows-1252 bytes 0x80..=0x9F (the rest is Latin-1); undefined slots map
/// to the C1 control of the same number.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// ISO-8859-15 differs from Latin-1 in eight places.
const LATIN9_DIFF: [(u8, char); 8] = [
    (0xa4, '€'),
    (0xa6, 'Š'),
    (0xa8, 'š'),
    (0xb4, 'Ž'),
    (0xb8, 'ž'),
    (0xbc, 'Œ'),
    (0xbd, 'œ'),
    (0xbe, 'Ÿ'),
];

fn single_byte_encode(c: char, enc: TextEnc) -> Option<u8> {
    let u = c as u32;
    match enc {
        TextEnc::Ascii => u8::try_from(u).ok().filter(|b| *b < 0x80),
        TextEnc::Latin1 => u8::try_from(u).ok(),
        TextEnc::Latin9 => {
            if let Some((b, _)) = LATIN9_DIFF.iter().find(|(_, ch)| *ch == c) {
                return Some(*b);
            }
            u8::try_from(u)
                .ok()
                .filter(|b| !LATIN9_DIFF.iter().any(|(x, _)| x == b))
        }
        TextEnc::Windows1252 => {
            if let Some(pos) = CP1252_HIGH.iter().position(|ch| *ch == c) {
                return u8::try_from(0x80 + pos).ok();
            }
            u8::try_from(u).ok().filter(|b| !(0x80..0xa0).contains(b))
        }
        _ => None,
    }
}

/// A byte of a single-byte encoding; `None` where the encoding leaves it
/// undefined (Terraform reports an error for such input).
fn single_byte_decode(b: u8, enc: TextEnc) -> Option<char> {
    match enc {
        TextEnc::Ascii if b >= 0x80 => None,
        TextEnc::Latin9 => Some(
            LATIN9_DIFF
                .iter()
                .find(|(x, _)| *x == b)
                .map_or(char::from(b), |(_, ch)| *ch),
        ),
        TextEnc::Windows1252 if (0x80..0xa0).contains(&b) => CP1252_HIGH
            .get(usize::from(b - 0x80))
            .copied()
            .filter(|c| !('\u{80}'..'\u{a0}').contains(c)),
        _ => Some(char::from(b)),
    }
}

pub(crate) fn textencodebase64(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = want_str(arg(a, 0), "string")?;
    let name = want_str(arg(a, 1), "encoding")?;
    let enc = text_encoding(&name)?;
    let bytes: Vec<u8> = match enc {
        TextEnc::Utf8 => s.into_bytes(),
        TextEnc::Utf16Le => s.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        TextEnc::Utf16Be => s.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        TextEnc::Utf16Bom => [0xfe, 0xff]
            .into_iter()
            .chain(s.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
        _ => s
            .chars()
            .map(|c| {
                single_byte_encode(c, enc).ok_or_else(|| {
                    bad_param(
                        "string",
                        format!("the given string contains characters that cannot be represented in {name}"),
                    )
                })
            })
            .collect::<Result<_, _>>()?,
    };
    Ok(Value::String(b64(&bytes)))
}

fn utf16_decode(bytes: &[u8], little: bool) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| {
            let pair = [
                c.first().copied().unwrap_or(0),
                c.get(1).copied().unwrap_or(0),
            ];
            if little {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        })
        .collect();
    String::from_utf16_lossy(&units)
}

pub(crate) fn textdecodebase64(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = want_str(arg(a, 0), "source")?;
    let name = want_str(arg(a, 1), "encoding")?;
    let enc = text_encoding(&name)?;
    let bytes = b64_decode(&s)?;
    let text = match enc {
        TextEnc::Utf8 => String::from_utf8_lossy(&bytes).into_owned(),
        TextEnc::Utf16Le => utf16_decode(&bytes, true),
        TextEnc::Utf16Be => utf16_decode(&bytes, false),
        TextEnc::Utf16Bom => match bytes.get(..2) {
            Some([0xff, 0xfe]) => utf16_decode(bytes.get(2..).unwrap_or(&[]), true),
            Some([0xfe, 0xff]) => utf16_decode(bytes.get(2..).unwrap_or(&[]), false),
            _ => utf16_decode(&bytes, false),
        },
        _ => bytes
            .iter()
            .map(|b| single_byte_decode(*b, enc))
            .collect::<Option<String>>()
            .ok_or_else(|| {
                bad_param(
                    "source",
                    format!("the given string contains symbols that are not defined for {name}"),
                )
            })?,
    };
    Ok(Value::String(text))
}

// ---------------------------------------------------------------- YAML

pub(crate) fn yamldecode(a: &[Value], _: &FnCtx<'_>) -> R {
    let s = want_str(arg(a, 0), "src")?;
    crate::yaml::decode(&s)
}

pub(crate) fn yamlencode(a: &[Value], _: &FnCtx<'_>) -> R {
    crate::yaml::encode(arg(a, 0)).map(Value::String)
}
