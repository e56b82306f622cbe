//! IaC-aware generic detection: literal values given to sensitive names in
//! HCL, YAML, JSON, .env, Dockerfile and code; Kubernetes `Secret`
//! manifests; CloudFormation parameter defaults.

use std::collections::HashSet;
use std::sync::OnceLock;

use base64::Engine as _;

use crate::detectors::{Rule, DETECTORS};
use crate::filters;
use crate::scan::{line_bounds, Ctx};
use crate::Raw;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyKind {
    Password,
    Secret,
}

fn det_index(pred: impl Fn(&Rule) -> bool) -> usize {
    DETECTORS
        .iter()
        .position(|d| pred(&d.rule))
        .unwrap_or(usize::MAX)
}

fn idx_password() -> usize {
    det_index(|r| matches!(r, Rule::GenericPassword))
}
fn idx_secret() -> usize {
    det_index(|r| matches!(r, Rule::GenericSecret))
}
fn idx_k8s() -> usize {
    det_index(|r| matches!(r, Rule::KubernetesSecret))
}
fn idx_cfn() -> usize {
    det_index(|r| matches!(r, Rule::CloudFormationDefault))
}

fn is_key_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')
}

/// Splits `dbMasterPassword`, `DB_MASTER_PASSWORD`, `db.master-password`
/// into lowercase words.
fn words(key: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in key.split(['_', '-', '.', '/', ' ']) {
        let chars: Vec<char> = part.chars().collect();
        let mut cur = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
            let next = chars.get(i + 1).copied();
            let boundary = c.is_ascii_uppercase()
                && prev.is_some_and(|p| {
                    p.is_ascii_lowercase()
                        || p.is_ascii_digit()
                        || (p.is_ascii_uppercase() && next.is_some_and(|n| n.is_ascii_lowercase()))
                });
            if boundary && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            cur.push(c.to_ascii_lowercase());
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

const EXCLUDE_LAST: &[&str] = &[
    "length",
    "len",
    "ttl",
    "type",
    "types",
    "name",
    "names",
    "id",
    "ids",
    "arn",
    "arns",
    "path",
    "paths",
    "file",
    "files",
    "filename",
    "dir",
    "url",
    "uri",
    "urls",
    "endpoint",
    "enabled",
    "enable",
    "disabled",
    "required",
    "policy",
    "policies",
    "version",
    "versions",
    "count",
    "min",
    "max",
    "expiry",
    "expiration",
    "expires",
    "expire",
    "rotation",
    "rotate",
    "format",
    "header",
    "headers",
    "env",
    "var",
    "variable",
    "ref",
    "reference",
    "kms",
    "field",
    "fields",
    "param",
    "parameter",
    "parameters",
    "prefix",
    "suffix",
    "label",
    "prompt",
    "description",
    "desc",
    "regex",
    "pattern",
    "mode",
    "store",
    "manager",
    "provider",
    "mount",
    "backend",
    "location",
    "source",
    "template",
    "size",
    "bits",
    "algorithm",
    "alg",
    "method",
    "timeout",
    "duration",
    "age",
    "lifetime",
    "interval",
    "period",
    "days",
    "hours",
    "minutes",
    "seconds",
    "time",
    "date",
    "limit",
    "attempts",
    "retries",
    "hint",
    "question",
    "strength",
    "complexity",
    "validator",
    "validation",
    "generator",
    "reset",
    "changed",
    "set",
    "list",
    "lookup",
    "hash",
    "hashed",
    "digest",
    "salt",
    "rounds",
    "iterations",
    "policy",
    "secretref",
    "keyref",
    "selector",
    "namespace",
    "user",
    "username",
    "owner",
    "group",
    "role",
    "class",
    "kind",
    "mask",
    "masked",
    "sensitive",
    "ocid",
    "pem",
    "b64",
    "base64",
    "encrypted",
    "ciphertext",
    "sha",
    "sha256",
    "checksum",
    "fingerprint",
    "public",
    "vault",
    "vaults",
    "usage",
    "scopes",
    "scope",
    "audience",
    "issuer",
    "lifecycle",
    "status",
    "state",
    "exists",
    "created",
    "updated",
    "last",
    "arg",
    "args",
    "flag",
    "option",
    "options",
    "file_path",
    "resource",
    "secrets",
];

const EXCLUDE_FIRST: &[&str] = &[
    "min", "max", "no", "use", "enable", "enabled", "disable", "is", "has", "show", "forgot",
    "reset", "generate", "require", "allow", "validate", "rotate", "create", "manage", "include",
    "skip", "hide", "get", "set", "fetch", "load", "read", "random", "public", "default", "new",
    "old", "prev", "verify", "check", "num", "count", "last", "mask",
];

/// Whether a key names a password or a secret.
pub(crate) fn classify_key(key: &str) -> Option<KeyKind> {
    // Fast path for the most common bare keys.
    match key.len() {
        5 | 6 | 8 => match key.to_ascii_lowercase().as_str() {
            "password" | "passwd" => return Some(KeyKind::Password),
            "secret" | "token" => return Some(KeyKind::Secret),
            _ => {}
        },
        _ => {}
    }
    static SETS: OnceLock<(HashSet<&'static str>, HashSet<&'static str>)> = OnceLock::new();
    let (last_set, first_set) = SETS.get_or_init(|| {
        (
            EXCLUDE_LAST.iter().copied().collect(),
            EXCLUDE_FIRST.iter().copied().collect(),
        )
    });
    let w = words(key);
    let first = w.first()?;
    let last = w.last()?;
    if last_set.contains(last.as_str()) || first_set.contains(first.as_str()) {
        return None;
    }
    if w.iter().any(|x| {
        matches!(
            x.as_str(),
            "next"
                | "page"
                | "paging"
                | "pagination"
                | "marker"
                | "continuation"
                | "cursor"
                | "csrf"
                | "xsrf"
                | "lexer"
                | "parser"
                | "input"
                | "output"
                | "used"
                | "public"
                | "placeholder"
                | "example"
                | "sample"
                | "tokenizer"
                | "passthrough"
                | "bypass"
                | "compass"
                | "passenger"
                | "passive"
                | "passport"
                | "pkg"
                | "package"
        )
    }) {
        return None;
    }
    let joined: String = w.concat();
    if joined.contains("password")
        || joined.contains("passwd")
        || joined.contains("passphrase")
        || w.iter()
            .any(|x| matches!(x.as_str(), "pass" | "pwd" | "pw" | "passwort" | "dbpass"))
    {
        return Some(KeyKind::Password);
    }
    const COMPOUND: &[&str] = &[
        "apikey",
        "accesskey",
        "secretkey",
        "privatekey",
        "signingkey",
        "encryptionkey",
        "masterkey",
        "authkey",
        "connectionstring",
        "connstr",
        "credential",
        "apisecret",
        "clientsecret",
        "sastoken",
        "webhooksecret",
    ];
    if w.iter()
        .any(|x| x == "secret" || x.ends_with("secret") || x == "token" || x.ends_with("token"))
        || COMPOUND.iter().any(|c| joined.contains(c))
    {
        return Some(KeyKind::Secret);
    }
    None
}

/// Prefixes that a provider detector owns: the generic detectors leave them alone.
const PROVIDER_PREFIXES: &[&str] = &[
    "AKIA",
    "ASIA",
    "ABIA",
    "ACCA",
    "ghp_",
    "gho_",
    "ghu_",
    "ghs_",
    "ghr_",
    "github_pat_",
    "glpat-",
    "glptt-",
    "glrt-",
    "xox",
    "xapp-",
    "sk_live_",
    "rk_live_",
    "sk_test_",
    "rk_test_",
    "SG.",
    "npm_",
    "pypi-",
    "dckr_pat_",
    "hvs.",
    "hvb.",
    "shpat_",
    "shpca_",
    "shppa_",
    "shpss_",
    "dop_v1_",
    "doo_v1_",
    "dor_v1_",
    "lin_api_",
    "sk-ant-",
    "sk-proj-",
    "eyJ",
    "-----BEGIN",
    "AIza",
    "key-",
    "DefaultEndpointsProtocol=",
];

/// Judges a literal given to a sensitive key.
pub(crate) fn value_ok(kind: KeyKind, v: &str) -> bool {
    let n = v.chars().count();
    if !(8..=1024).contains(&n) {
        return false;
    }
    if v.chars().any(char::is_whitespace) {
        return false;
    }
    if PROVIDER_PREFIXES.iter().any(|p| v.starts_with(p))
        || v.contains("://")
        || v.contains(".atlasv1.")
    {
        return false;
    }
    if filters::is_placeholder(v) || filters::is_reference(v) || filters::is_known_non_secret(v) {
        return false;
    }
    if v.bytes()
        .all(|c| c.is_ascii_digit() || c == b'.' || c == b'-')
    {
        return false;
    }
    if filters::is_dotted_identifier(v)
        || v.starts_with('#')
        || (v.contains('{') && v.contains('}'))
    {
        return false;
    }
    // Letters only and naming a credential (`AWSSecretKey`, `waitForTaskToken`): an identifier.
    let letters_only = v.bytes().all(|c| c.is_ascii_alphabetic());
    if letters_only {
        let lower = v.to_ascii_lowercase();
        if ["key", "token", "secret", "pass", "cred"]
            .iter()
            .any(|w| lower.contains(w))
        {
            return false;
        }
    }
    let has_digit = v.bytes().any(|c| c.is_ascii_digit());
    let e = filters::entropy(v);
    match kind {
        KeyKind::Password => {
            e >= 2.5
                // A single plain word (`Incorrect`, `environment`) is too weak a signal.
                && (!letters_only || n >= 16)
                // snake_case identifiers (`no_information`) are names, not passwords.
                && !(v.contains('_') && v.bytes().all(|c| c.is_ascii_lowercase() || c == b'_'))
        }
        KeyKind::Secret => {
            if filters::is_word_like(v) {
                return false;
            }
            let classes = filters::char_classes(v);
            n >= 10
                && e >= 3.0
                // Random values nearly always have a digit or a symbol; header and
                // identifier names (`Access-Control-Allow-Credentials`) do not.
                && (has_digit || v.bytes().any(|c| !c.is_ascii_alphanumeric() && !b"-_.".contains(&c)))
                && (classes >= 2 || (filters::is_hex(v) && n >= 16))
                // An identifier with underscores/dots only: a name, not a value.
                && !(v.bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_') && v.contains('_'))
        }
    }
}

/// Reads a value at `i` on the line: a quoted string, or (when `unquoted_ok`)
/// a bare token. Returns (start, end, quoted) in line coordinates.
fn read_value(line: &[u8], mut i: usize, unquoted_ok: bool) -> Option<(usize, usize, bool)> {
    while line.get(i).is_some_and(|&c| c == b' ' || c == b'\t') {
        i += 1;
    }
    let &c = line.get(i)?;
    if matches!(c, b'"' | b'\'' | b'`') {
        let start = i + 1;
        let mut j = start;
        while let Some(&d) = line.get(j) {
            if d == b'\\' {
                j += 2;
                continue;
            }
            if d == c {
                return Some((start, j, true));
            }
            j += 1;
        }
        return None;
    }
    if !unquoted_ok
        || matches!(
            c,
            b'!' | b'|' | b'>' | b'&' | b'*' | b'[' | b'{' | b'(' | b'#' | b'$'
        )
    {
        return None;
    }
    let start = i;
    let mut j = i;
    while line.get(j).is_some_and(|&d| !d.is_ascii_whitespace()) {
        j += 1;
    }
    let mut end = j;
    while end > start && line.get(end - 1).is_some_and(|&d| matches!(d, b',' | b';')) {
        end -= 1;
    }
    // Whatever follows on the line must be a comment or nothing.
    let rest = line.get(j..).unwrap_or_default();
    let rest_trim = rest
        .iter()
        .skip_while(|c| c.is_ascii_whitespace())
        .copied()
        .collect::<Vec<u8>>();
    if !(rest_trim.is_empty() || rest_trim.starts_with(b"#") || rest_trim.starts_with(b"//")) {
        return None;
    }
    let v = line.get(start..end)?;
    // Expressions and calls are not literals.
    if v.iter()
        .any(|&d| matches!(d, b'(' | b')' | b'[' | b']' | b'{' | b'}'))
    {
        return None;
    }
    Some((start, end, false))
}

/// A keyword hit at `[hs, he)`: find the key around it and its value.
/// Cheap test on the bytes around a keyword hit: can this be an
/// assignment (`key = v`, `key: v`), a `name: KEY` + `value:` pair, or a
/// Dockerfile `ENV KEY value`? Most hits in ordinary code are not.
fn plausible(b: &[u8], hs: usize, he: usize) -> bool {
    let mut ks = hs;
    while ks > 0 && b.get(ks - 1).is_some_and(|&c| is_key_char(c)) {
        ks -= 1;
    }
    let mut ke = he;
    while b.get(ke).is_some_and(|&c| is_key_char(c)) {
        ke += 1;
    }
    let mut j = ke;
    if b.get(j).is_some_and(|&c| c == b'"' || c == b'\'') {
        j += 1;
    }
    while b.get(j).is_some_and(|&c| c == b' ' || c == b'\t') {
        j += 1;
    }
    let before = |mut i: usize| {
        while i > 0
            && b.get(i - 1)
                .is_some_and(|&c| matches!(c, b' ' | b'\t' | b'"' | b'\''))
        {
            i -= 1;
        }
        i
    };
    match b.get(j) {
        Some(b'=' | b':') => true,
        None | Some(b'\n' | b'\r' | b'"' | b'\'' | b',' | b'}') => {
            // `name: KEY` / `"name": "KEY"` / `name = "KEY"`.
            let i = before(ks);
            i >= 5 && b.get(i - 1).is_some_and(|&c| c == b':' || c == b'=') && {
                let k = before(i - 1);
                k >= 4
                    && b.get(k - 4..k)
                        .is_some_and(|w| w.eq_ignore_ascii_case(b"name"))
            }
        }
        Some(_) => {
            // Dockerfile `ENV KEY value`.
            let i = before(ks);
            i >= 3
                && b.get(i - 3..i).is_some_and(|w| {
                    w.eq_ignore_ascii_case(b"env") || w.eq_ignore_ascii_case(b"arg")
                })
        }
    }
}

pub(crate) fn keyword(
    ctx: &Ctx<'_>,
    hs: usize,
    he: usize,
    done: &mut Vec<usize>,
    out: &mut Vec<Raw>,
) {
    let bytes = ctx.text.as_bytes();
    if !plausible(bytes, hs, he) {
        return;
    }
    let (ls, le) = line_bounds(bytes, hs);
    let Some(line) = bytes.get(ls..le) else {
        return;
    };
    let (rs, re) = (hs - ls, he - ls);
    let mut ks = rs;
    while ks > 0 && line.get(ks - 1).is_some_and(|&c| is_key_char(c)) {
        ks -= 1;
    }
    let mut ke = re;
    while line.get(ke).is_some_and(|&c| is_key_char(c)) {
        ke += 1;
    }
    if done.contains(&(ls + ks)) {
        return;
    }
    done.push(ls + ks);
    if done.len() > 64 {
        done.drain(..32);
    }
    let Some(key) = ctx.text.get(ls + ks..ls + ke) else {
        return;
    };
    let key_trim = key.trim_matches(['.', '-']);
    // Not a reference such as `${var.password}` or `$DB_PASSWORD`.
    if ks > 0
        && line
            .get(ks - 1)
            .is_some_and(|&c| matches!(c, b'$' | b'{' | b'%' | b'@' | b'&' | b'*'))
    {
        return;
    }
    let line_str = ctx.text.get(ls..le).unwrap_or_default();
    let trimmed = line_str.trim_start();
    let indent = line_str.len() - trimmed.len();
    // Dockerfile `ENV KEY value` / `ARG KEY=value` / `ENV KEY=value`.
    let docker = {
        let t = trimmed.as_bytes();
        (t.len() > 4
            && (t.starts_with(b"ENV ")
                || t.starts_with(b"ARG ")
                || t.starts_with(b"env ")
                || t.starts_with(b"arg ")))
            && ks
                == indent
                    + 4
                    + trimmed
                        .get(4..)
                        .map_or(0, |r| r.len() - r.trim_start().len())
    };
    let mut i = ke;
    // Closing quote of a quoted key.
    if let Some(&q) = line.get(i) {
        if matches!(q, b'"' | b'\'') && ks > 0 && line.get(ks - 1) == Some(&q) {
            i += 1;
        }
    }
    while line.get(i).is_some_and(|&c| c == b' ' || c == b'\t') {
        i += 1;
    }
    let op_ok = match (line.get(i).copied(), line.get(i + 1).copied()) {
        (Some(b':'), Some(b'=')) => {
            i += 2;
            true
        }
        (Some(b'='), Some(b'>')) => {
            i += 2;
            true
        }
        (Some(b'='), Some(b'=')) => false,
        (Some(b'='), _) => {
            i += 1;
            true
        }
        // YAML needs a space (or quote) after the colon; `a:b` is not a key.
        (Some(b':'), None | Some(b' ' | b'\t' | b'"' | b'\'')) => {
            i += 1;
            true
        }
        (Some(_), _) if docker => true,
        _ => false,
    };
    let kind_ok = ctx.kind.unquoted_ok || docker;
    if op_ok {
        let Some(kind) = classify_key(key_trim) else {
            return;
        };
        // `Server=db;User Id=app;Password=...;` inside a string (ADO.NET / ODBC).
        let in_conn_string = ks > 0
            && line.get(ks - 1).is_some_and(|&c| c == b';')
            && line.get(i.saturating_sub(1)) == Some(&b'=');
        if in_conn_string {
            let vs = i;
            let mut ve = i;
            while line.get(ve).is_some_and(|&c| {
                !matches!(c, b';' | b'"' | b'\'' | b'`') && !c.is_ascii_whitespace()
            }) {
                ve += 1;
            }
            emit(ctx, kind, ls + vs, ls + ve, out);
        } else if let Some((vs, ve, _quoted)) = read_value(line, i, kind_ok) {
            emit(ctx, kind, ls + vs, ls + ve, out);
        }
        return;
    }
    // `name: DB_PASSWORD` followed by `value: ...` (Kubernetes env, ECS, TF `environment`).
    let before = line.get(..ks).unwrap_or_default();
    let before_t: Vec<u8> = before
        .iter()
        .rev()
        .skip_while(|&&c| matches!(c, b' ' | b'\t' | b'"' | b'\''))
        .copied()
        .collect();
    let is_name_value = before_t.first().is_some_and(|&c| c == b':' || c == b'=') && {
        let rest: Vec<u8> = before_t
            .iter()
            .skip(1)
            .skip_while(|&&c| matches!(c, b' ' | b'\t' | b'"' | b'\''))
            .take(4)
            .copied()
            .collect();
        rest.eq_ignore_ascii_case(b"eman")
    };
    if !is_name_value {
        return;
    }
    let Some(kind) = classify_key(key_trim) else {
        return;
    };
    // Same line: `"value": "..."`.
    let after = ctx.text.get(ls + ke..le).unwrap_or_default();
    if after.contains("valueFrom") || after.contains("secretKeyRef") {
        return;
    }
    if let Some(p) = find_value_key(after) {
        if let Some((vs, ve, _)) = read_value(line, ke + p, ctx.kind.unquoted_ok) {
            emit(ctx, kind, ls + vs, ls + ve, out);
        }
        return;
    }
    // Next line.
    let ns = le + 1;
    if ns >= bytes.len() {
        return;
    }
    let (_, ne) = line_bounds(bytes, ns);
    let Some(next) = ctx.text.get(ns..ne) else {
        return;
    };
    let starts_with_value = next
        .trim_start_matches([' ', '\t', '-', '"', '\''])
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("value"));
    if !starts_with_value {
        return;
    }
    if let Some(p) = find_value_key(next) {
        if next.get(..p).is_some_and(|pre| {
            pre.trim_matches([' ', '\t', '"', '\'', ',', ':', '=', '-'])
                .to_ascii_lowercase()
                .ends_with("value")
        }) {
            if let Some((vs, ve, _)) = read_value(next.as_bytes(), p, ctx.kind.unquoted_ok) {
                emit(ctx, kind, ns + vs, ns + ve, out);
            }
        }
    }
}

/// Offset just after `value:` / `value =` / `"value":` in `s`.
fn find_value_key(s: &str) -> Option<usize> {
    let lower = s.to_ascii_lowercase();
    let p = lower.find("value")?;
    let mut i = p + 5;
    let b = lower.as_bytes();
    if b.get(i).is_some_and(|&c| c == b'"' || c == b'\'') {
        i += 1;
    }
    while b.get(i).is_some_and(|&c| c == b' ' || c == b'\t') {
        i += 1;
    }
    if b.get(i).is_some_and(|&c| c == b':' || c == b'=') {
        Some(i + 1)
    } else {
        None
    }
}

fn emit(ctx: &Ctx<'_>, kind: KeyKind, s: usize, e: usize, out: &mut Vec<Raw>) {
    let Some(v) = ctx.text.get(s..e) else { return };
    if !value_ok(kind, v) {
        return;
    }
    let det = match kind {
        KeyKind::Password => idx_password(),
        KeyKind::Secret => idx_secret(),
    };
    out.push(Raw {
        det,
        start: s,
        end: e,
    });
}

fn indent_of(l: &str) -> usize {
    l.len() - l.trim_start_matches([' ', '\t']).len()
}

/// CloudFormation `Default` at `[hs, he)`.
pub(crate) fn cfn_default(ctx: &Ctx<'_>, hs: usize, he: usize, out: &mut Vec<Raw>) {
    let bytes = ctx.text.as_bytes();
    let (ls, le) = line_bounds(bytes, hs);
    let Some(line) = ctx.text.get(ls..le) else {
        return;
    };
    let t = line.trim_start();
    if !(t.starts_with("Default") || t.starts_with("\"Default\"")) {
        return;
    }
    let mut i = he - ls;
    let lb = line.as_bytes();
    if lb.get(i) == Some(&b'"') {
        i += 1;
    }
    while lb.get(i).is_some_and(|&c| c == b' ' || c == b'\t') {
        i += 1;
    }
    if lb.get(i) != Some(&b':') {
        return;
    }
    let Some((vs, ve, _)) = read_value(lb, i + 1, true) else {
        return;
    };
    let Some(value) = line.get(vs..ve) else {
        return;
    };
    // Find the parameter header above (less indented) and its block.
    let ind = indent_of(line);
    let mut header: Option<(&str, usize)> = None;
    let mut block_has_noecho = false;
    let mut cursor = ls;
    for _ in 0..40 {
        if cursor == 0 {
            break;
        }
        let (ps, pe) = line_bounds(bytes, cursor - 1);
        cursor = ps;
        let Some(pl) = ctx.text.get(ps..pe) else {
            break;
        };
        if pl.trim().is_empty() {
            continue;
        }
        if indent_of(pl) < ind {
            header = Some((pl, indent_of(pl)));
            break;
        }
        if is_noecho(pl) {
            block_has_noecho = true;
        }
    }
    let Some((hl, hind)) = header else { return };
    // Lines after Default, still inside the block.
    let mut pos = le + 1;
    for _ in 0..40 {
        if pos >= bytes.len() {
            break;
        }
        let (ns, ne) = line_bounds(bytes, pos);
        pos = ne + 1;
        let Some(nl) = ctx.text.get(ns..ne) else {
            break;
        };
        if nl.trim().is_empty() {
            continue;
        }
        if indent_of(nl) <= hind {
            break;
        }
        if is_noecho(nl) {
            block_has_noecho = true;
        }
    }
    let name = hl
        .trim()
        .trim_end_matches(['{', ' ', ':'])
        .trim_matches(['"', ' ', ':']);
    let kind = classify_key(name);
    if !block_has_noecho && kind.is_none() {
        return;
    }
    if !value_ok(kind.unwrap_or(KeyKind::Password), value) {
        return;
    }
    out.push(Raw {
        det: idx_cfn(),
        start: ls + vs,
        end: ls + ve,
    });
}

/// Terraform `default = "..."` inside `variable "NAME" { ... }` where the
/// variable is `sensitive = true` or named like a password/secret.
pub(crate) fn tf_variable_default(ctx: &Ctx<'_>, hs: usize, he: usize, out: &mut Vec<Raw>) {
    let bytes = ctx.text.as_bytes();
    let (ls, le) = line_bounds(bytes, hs);
    let Some(line) = ctx.text.get(ls..le) else {
        return;
    };
    if !line.trim_start().starts_with("default") {
        return;
    }
    let lb = line.as_bytes();
    let mut i = he - ls;
    while lb.get(i).is_some_and(|&c| c == b' ' || c == b'\t') {
        i += 1;
    }
    if lb.get(i) != Some(&b'=') {
        return;
    }
    let Some((vs, ve, true)) = read_value(lb, i + 1, false) else {
        return;
    };
    // Walk up to the `variable "NAME" {` header, noting `sensitive = true`.
    let mut sensitive = false;
    let mut name = None;
    let mut cursor = ls;
    for _ in 0..30 {
        if cursor == 0 {
            break;
        }
        let (ps, pe) = line_bounds(bytes, cursor - 1);
        cursor = ps;
        let Some(pl) = ctx.text.get(ps..pe) else {
            break;
        };
        let t = pl.trim();
        if let Some(rest) = t.strip_prefix("variable") {
            name = rest
                .trim()
                .trim_end_matches('{')
                .trim()
                .trim_matches('"')
                .split('"')
                .next()
                .map(str::to_owned);
            break;
        }
        if t.starts_with("resource ")
            || t.starts_with("module ")
            || t.starts_with("data ")
            || t == "}"
        {
            return;
        }
        if t.starts_with("sensitive") && t.contains("true") {
            sensitive = true;
        }
    }
    let Some(name) = name else {
        return;
    };
    // `sensitive = true` may also follow the default.
    let mut pos = le + 1;
    for _ in 0..30 {
        if pos >= bytes.len() {
            break;
        }
        let (ns, ne) = line_bounds(bytes, pos);
        pos = ne + 1;
        let Some(nl) = ctx.text.get(ns..ne) else {
            break;
        };
        let t = nl.trim();
        if t == "}" || t.starts_with("variable") {
            break;
        }
        if t.starts_with("sensitive") && t.contains("true") {
            sensitive = true;
        }
    }
    let kind = match classify_key(&name) {
        Some(k) => k,
        None if sensitive => KeyKind::Password,
        None => return,
    };
    emit(ctx, kind, ls + vs, ls + ve, out);
}

fn is_noecho(l: &str) -> bool {
    let t = l.trim().trim_start_matches('"');
    t.starts_with("NoEcho") && {
        let lower = t.to_ascii_lowercase();
        lower.contains("true")
    }
}

/// Keys of a Secret whose values are not confidential.
const K8S_PLAIN_KEYS: &[&str] = &[
    "username",
    "user",
    "host",
    "hostname",
    "port",
    "database",
    "db",
    "dbname",
    "endpoint",
    "region",
    "namespace",
    "email",
    "ca.crt",
    "tls.crt",
    "ca-cert",
    "cert",
    "url",
    "server",
];

/// Values under `data`/`stringData` of `kind: Secret` documents.
pub(crate) fn kubernetes(ctx: &Ctx<'_>, out: &mut Vec<Raw>) {
    let text = ctx.text;
    let b = text.as_bytes();
    if memchr::memmem::find(b, b"kind: Secret").is_none() {
        return;
    }
    // Documents separated by `---` lines.
    let mut doc_start = 0;
    let mut offsets = Vec::new();
    let mut pos = 0;
    for l in text.split_inclusive('\n') {
        if l.trim_end() == "---" {
            offsets.push((doc_start, pos));
            doc_start = pos + l.len();
        }
        pos += l.len();
    }
    offsets.push((doc_start, text.len()));
    let det = idx_k8s();
    for (ds, de) in offsets {
        let Some(doc) = text.get(ds..de) else {
            continue;
        };
        if !doc.lines().any(|l| {
            let t = l.trim();
            t == "kind: Secret" || t == "kind: \"Secret\""
        }) {
            continue;
        }
        let mut section: Option<(usize, bool)> = None; // (indent, is_base64)
        let mut off = ds;
        for l in doc.split_inclusive('\n') {
            let line_start = off;
            off += l.len();
            let content = l.trim_end_matches(['\n', '\r']);
            let t = content.trim_start();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            let ind = indent_of(content);
            if let Some((si, b64)) = section {
                if ind > si {
                    entry(ctx, det, content, line_start, b64, out);
                    continue;
                }
                section = None;
            }
            if t == "data:" {
                section = Some((ind, true));
            } else if t == "stringData:" {
                section = Some((ind, false));
            }
        }
    }
}

fn entry(
    ctx: &Ctx<'_>,
    det: usize,
    content: &str,
    line_start: usize,
    b64: bool,
    out: &mut Vec<Raw>,
) {
    let t = content.trim_start();
    let Some(colon) = t.find(": ") else { return };
    let key = t.get(..colon).unwrap_or_default().trim_matches(['"', '\'']);
    if K8S_PLAIN_KEYS.contains(&key.to_ascii_lowercase().as_str()) {
        return;
    }
    let vpos = content.len() - t.len() + colon + 1;
    let Some((vs, ve, _)) = read_value(content.as_bytes(), vpos, true) else {
        return;
    };
    let Some(v) = content.get(vs..ve) else { return };
    let ok = if b64 {
        match base64::engine::general_purpose::STANDARD.decode(v) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(s) => {
                    s.contains("PRIVATE KEY")
                        || (key == ".dockerconfigjson" && s.contains("auth"))
                        || secret_value_ok(s.trim_end())
                }
                Err(e) => e.as_bytes().len() >= 16,
            },
            Err(_) => false,
        }
    } else {
        secret_value_ok(v)
    };
    if ok {
        let _ = ctx;
        out.push(Raw {
            det,
            start: line_start + vs,
            end: line_start + ve,
        });
    }
}

fn secret_value_ok(v: &str) -> bool {
    value_ok(KeyKind::Password, v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split() {
        assert_eq!(words("dbMasterPassword"), ["db", "master", "password"]);
        assert_eq!(words("DB_PASSWORD"), ["db", "password"]);
        assert_eq!(words("APIKey"), ["api", "key"]);
    }

    #[test]
    fn keys() {
        assert_eq!(classify_key("master_password"), Some(KeyKind::Password));
        assert_eq!(classify_key("DB_PASS"), Some(KeyKind::Password));
        assert_eq!(classify_key("client_secret"), Some(KeyKind::Secret));
        assert_eq!(classify_key("apiKey"), Some(KeyKind::Secret));
        assert_eq!(classify_key("password_length"), None);
        assert_eq!(classify_key("secret_name"), None);
        assert_eq!(classify_key("aws_access_key_id"), None);
        assert_eq!(classify_key("passenger"), None);
    }
}
