//! Hash and crypto functions: base64sha256 base64sha512 md5 sha1 sha256
//! sha512 uuidv5 (deterministic). `uuid` and `bcrypt` give a different
//! answer on every run, so they are not knowable before apply.

use md5::Md5;
use rampart_model::Value;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha512};

use crate::args::{arg, bad_param, want_str, R};
use crate::encoding::b64;
use crate::filesystem::hex;
use crate::{FnCtx, FnError};

#[derive(Clone, Copy)]
pub(crate) enum Algo {
    Md5,
    Sha1,
    Sha256,
    Sha512,
}

pub(crate) fn digest(algo: Algo, data: &[u8]) -> Vec<u8> {
    match algo {
        Algo::Md5 => Md5::digest(data).to_vec(),
        Algo::Sha1 => Sha1::digest(data).to_vec(),
        Algo::Sha256 => Sha256::digest(data).to_vec(),
        Algo::Sha512 => Sha512::digest(data).to_vec(),
    }
}

fn hash_str(a: &[Value], algo: Algo, base64: bool) -> R {
    let s = want_str(arg(a, 0), "str")?;
    let d = digest(algo, s.as_bytes());
    Ok(Value::String(if base64 { b64(&d) } else { hex(&d) }))
}

pub(crate) fn md5(a: &[Value], _: &FnCtx<'_>) -> R {
    hash_str(a, Algo::Md5, false)
}
pub(crate) fn sha1(a: &[Value], _: &FnCtx<'_>) -> R {
    hash_str(a, Algo::Sha1, false)
}
pub(crate) fn sha256(a: &[Value], _: &FnCtx<'_>) -> R {
    hash_str(a, Algo::Sha256, false)
}
pub(crate) fn sha512(a: &[Value], _: &FnCtx<'_>) -> R {
    hash_str(a, Algo::Sha512, false)
}
pub(crate) fn base64sha256(a: &[Value], _: &FnCtx<'_>) -> R {
    hash_str(a, Algo::Sha256, true)
}
pub(crate) fn base64sha512(a: &[Value], _: &FnCtx<'_>) -> R {
    hash_str(a, Algo::Sha512, true)
}

pub(crate) fn not_knowable(name: &str) -> FnError {
    FnError::NotKnowable(format!(
        "the result of {name}() is different on every run, so it is known only after apply"
    ))
}

pub(crate) fn uuid(_: &[Value], _: &FnCtx<'_>) -> R {
    Err(not_knowable("uuid"))
}

pub(crate) fn bcrypt(a: &[Value], _: &FnCtx<'_>) -> R {
    // Still check the arguments so that bad calls are reported as errors.
    want_str(arg(a, 0), "str")?;
    if a.len() > 1 {
        let cost = crate::args::want_int(arg(a, 1), "cost")?;
        if cost > 31 {
            return Err(crate::args::invalid(format!(
                "Invalid function argument: error occurred generating password crypto/bcrypt: cost {cost} is outside allowed range (4,31)"
            )));
        }
    }
    Err(not_knowable("bcrypt"))
}

/// Parse a UUID in the forms Go's `uuid.Parse` accepts.
fn parse_uuid(s: &str) -> Option<[u8; 16]> {
    let body = if s.len() == 45
        && s.get(..9)
            .is_some_and(|p| p.eq_ignore_ascii_case("urn:uuid:"))
    {
        s.get(9..)?
    } else if s.len() == 38 && s.starts_with('{') && s.ends_with('}') {
        s.get(1..37)?
    } else {
        s
    };
    let hexdigits: String = match body.len() {
        36 => {
            let b = body.as_bytes();
            for i in [8usize, 13, 18, 23] {
                if b.get(i) != Some(&b'-') {
                    return None;
                }
            }
            body.chars().filter(|c| *c != '-').collect()
        }
        32 => body.to_string(),
        _ => return None,
    };
    if hexdigits.len() != 32 || !hexdigits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let mut out = [0u8; 16];
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = u8::from_str_radix(hexdigits.get(i * 2..i * 2 + 2)?, 16).ok()?;
    }
    Some(out)
}

pub(crate) fn uuidv5(a: &[Value], _: &FnCtx<'_>) -> R {
    let ns = want_str(arg(a, 0), "namespace")?;
    let name = want_str(arg(a, 1), "name")?;
    let ns_text = match ns.as_str() {
        "dns" => "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
        "url" => "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
        "oid" => "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
        "x500" => "6ba7b814-9dad-11d1-80b4-00c04fd430c8",
        other => other,
    };
    let ns_bytes = parse_uuid(ns_text).ok_or_else(|| {
        bad_param(
            "namespace",
            format!("uuidv5() doesn't support namespace {ns:?}"),
        )
    })?;
    let mut data = ns_bytes.to_vec();
    data.extend_from_slice(name.as_bytes());
    let d = digest(Algo::Sha1, &data);
    let mut u = [0u8; 16];
    for (slot, b) in u.iter_mut().zip(d.iter()) {
        *slot = *b;
    }
    u[6] = (u[6] & 0x0f) | 0x50;
    u[8] = (u[8] & 0x3f) | 0x80;
    let h = hex(&u);
    let part = |r: std::ops::Range<usize>| h.get(r).unwrap_or("").to_string();
    Ok(Value::String(format!(
        "{}-{}-{}-{}-{}",
        part(0..8),
        part(8..12),
        part(12..16),
        part(16..20),
        part(20..32)
    )))
}
