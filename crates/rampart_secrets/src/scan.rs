//! The scan driver: one Aho-Corasick pass over the text, then the rule of
//! each anchor on the line (or block) around it.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use base64::Engine as _;
use regex::Regex;

use crate::detectors::{Check, Rule, DETECTORS};
use crate::filters;
use crate::generic;
use crate::Raw;

/// What an anchor hit asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Trigger {
    /// Run the token regexes of detector `i` on the line.
    Token(usize),
    PrivateKey,
    GcpServiceAccount,
    Jwt,
    Url,
    /// A sensitive key word: parse the assignment around it.
    Keyword,
    CfnDefault,
    TfVariableDefault,
    AuthHeader,
}

struct Engine {
    ac: AhoCorasick,
    /// Triggers of each anchor pattern.
    triggers: Vec<Vec<Trigger>>,
    /// Compiled regexes per detector index (empty for non-token rules).
    regexes: Vec<Vec<Regex>>,
    pem_header: Regex,
    gcp_key: Regex,
    jwt: Regex,
    idx: Indices,
}

#[derive(Default)]
struct Indices {
    private_key: usize,
    gcp_sa: usize,
    jwt: usize,
    db_uri: usize,
    url: usize,
    auth: usize,
}

/// Sensitive key words in the casings they are written in (`password`,
/// `Password`, `PASSWORD`); a hit starts generic assignment parsing.
pub(crate) const KEYWORDS: &[&str] = &[
    "pass",
    "Pass",
    "PASS",
    "pwd",
    "Pwd",
    "PWD",
    "secret",
    "Secret",
    "SECRET",
    "token",
    "Token",
    "TOKEN",
    "apikey",
    "apiKey",
    "ApiKey",
    "APIKey",
    "APIKEY",
    "api_key",
    "API_KEY",
    "api-key",
    "Api-Key",
    "API-KEY",
    "accesskey",
    "accessKey",
    "AccessKey",
    "access_key",
    "ACCESS_KEY",
    "access-key",
    "privatekey",
    "privateKey",
    "PrivateKey",
    "private_key",
    "PRIVATE_KEY",
    "private-key",
    "credential",
    "Credential",
    "CREDENTIAL",
    "signing_key",
    "SIGNING_KEY",
    "signingKey",
    "SigningKey",
    "encryption_key",
    "ENCRYPTION_KEY",
    "encryptionKey",
    "EncryptionKey",
    "master_key",
    "MASTER_KEY",
    "masterKey",
    "MasterKey",
    "auth_key",
    "AUTH_KEY",
    "authKey",
    "AuthKey",
    "connection_string",
    "CONNECTION_STRING",
    "connectionString",
    "ConnectionString",
];

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(build)
}

fn build() -> Engine {
    let mut anchors: Vec<&'static str> = Vec::new();
    let mut triggers: Vec<Vec<Trigger>> = Vec::new();
    let mut add = |a: &'static str, t: Trigger| {
        if let Some(i) = anchors.iter().position(|x| *x == a) {
            if let Some(v) = triggers.get_mut(i) {
                if !v.contains(&t) {
                    v.push(t);
                }
            }
        } else {
            anchors.push(a);
            triggers.push(vec![t]);
        }
    };
    let mut regexes = Vec::with_capacity(DETECTORS.len());
    let mut idx = Indices::default();
    for (i, d) in DETECTORS.iter().enumerate() {
        let mut rx = Vec::new();
        match d.rule {
            Rule::Token {
                anchors: a,
                patterns,
                ..
            } => {
                for p in a {
                    add(p, Trigger::Token(i));
                }
                for p in patterns {
                    // Patterns are constants: a failure is a programming error
                    // caught by the tests, never input-dependent.
                    rx.push(self::rx(p));
                }
            }
            Rule::PrivateKey => idx.private_key = i,
            Rule::GcpServiceAccount => idx.gcp_sa = i,
            Rule::Jwt => idx.jwt = i,
            Rule::UrlPassword { db: true } => idx.db_uri = i,
            Rule::UrlPassword { db: false } => idx.url = i,
            Rule::AuthHeader => idx.auth = i,
            _ => {}
        }
        regexes.push(rx);
    }
    add("-----BEGIN", Trigger::PrivateKey);
    add("BEGIN OPENSSH PRIVATE", Trigger::PrivateKey);
    add("\"private_key\"", Trigger::GcpServiceAccount);
    add("eyJ", Trigger::Jwt);
    add("://", Trigger::Url);
    add("Default", Trigger::CfnDefault);
    add("default", Trigger::TfVariableDefault);
    for a in [
        "Bearer ", "bearer ", "BEARER ", "Basic ", "basic ", "BASIC ",
    ] {
        add(a, Trigger::AuthHeader);
    }
    for k in KEYWORDS {
        add(k, Trigger::Keyword);
    }
    // Matching is non-overlapping (leftmost-longest), so an anchor that
    // contains another one also carries the other's triggers.
    let snapshot = triggers.clone();
    for (i, a) in anchors.iter().enumerate() {
        for (j, b) in anchors.iter().enumerate() {
            if i != j && a.contains(b) {
                for t in snapshot.get(j).into_iter().flatten() {
                    if let Some(v) = triggers.get_mut(i) {
                        if !v.contains(t) {
                            v.push(*t);
                        }
                    }
                }
            }
        }
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&anchors)
        .expect("constant anchors build");
    Engine {
        ac,
        triggers,
        regexes,
        pem_header: rx(
            r"\A-----BEGIN ((?:RSA|EC|DSA|OPENSSH|PGP|ENCRYPTED|SSH2 ENCRYPTED) )?PRIVATE KEY( BLOCK)?-----",
        ),
        gcp_key: rx(
            r#""private_key"\s*:\s*"(-----BEGIN (?:RSA )?PRIVATE KEY-----[^"]{64,}?-----END (?:RSA )?PRIVATE KEY-----(?:\\n)?)""#,
        ),
        jwt: rx(r"\A(eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{16,})"),
        idx,
    }
}

/// Compiles one of the crate's constant patterns (tested, never input).
fn rx(p: &str) -> Regex {
    Regex::new(p).expect("constant regex compiles")
}

/// Kind of file, from its name, for the generic detectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileKind {
    /// Lock files and checksum lists: no generic detection.
    pub lock: bool,
    /// Unquoted literals are values (YAML, .env, Dockerfile, shell, properties).
    pub unquoted_ok: bool,
    /// Terraform / HCL source (`variable` defaults are checked).
    pub hcl: bool,
}

pub(crate) fn file_kind(path: &str) -> FileKind {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let lower = name.to_ascii_lowercase();
    let lock = matches!(
        lower.as_str(),
        ".terraform.lock.hcl"
            | "package-lock.json"
            | "npm-shrinkwrap.json"
            | "yarn.lock"
            | "pnpm-lock.yaml"
            | "cargo.lock"
            | "go.sum"
            | "poetry.lock"
            | "pipfile.lock"
            | "gemfile.lock"
            | "composer.lock"
            | "flake.lock"
            | "packages.lock.json"
            | "uv.lock"
    ) || lower.ends_with(".sum")
        || lower.ends_with(".lock");
    let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let quoted_only = matches!(
        ext,
        "tf" | "tfvars"
            | "hcl"
            | "json"
            | "py"
            | "pyi"
            | "js"
            | "mjs"
            | "cjs"
            | "ts"
            | "tsx"
            | "jsx"
            | "go"
            | "java"
            | "kt"
            | "kts"
            | "scala"
            | "rb"
            | "rs"
            | "cs"
            | "php"
            | "swift"
            | "c"
            | "h"
            | "cpp"
            | "hpp"
            | "toml"
            | "groovy"
            | "gradle"
            | "tfstate"
            | "bicep"
            | "md"
            | "rst"
            | "html"
            | "xml"
    ) && !lower.starts_with(".env");
    FileKind {
        lock,
        unquoted_ok: !quoted_only,
        hcl: matches!(ext, "tf" | "hcl"),
    }
}

/// How far around a hit a "line" extends when the real line is longer
/// (minified files): keeps the work per hit bounded.
const MAX_HALF_LINE: usize = 4096;

/// Bounds of the line containing `pos`, clipped to `MAX_HALF_LINE` bytes on
/// each side and to UTF-8 character boundaries.
pub(crate) fn line_bounds(bytes: &[u8], pos: usize) -> (usize, usize) {
    let pos = pos.min(bytes.len());
    let lo = pos.saturating_sub(MAX_HALF_LINE);
    let hi = pos.saturating_add(MAX_HALF_LINE).min(bytes.len());
    let mut start =
        memchr::memrchr(b'\n', bytes.get(lo..pos).unwrap_or_default()).map_or(lo, |i| lo + i + 1);
    let mut end =
        memchr::memchr(b'\n', bytes.get(pos..hi).unwrap_or_default()).map_or(hi, |i| pos + i);
    let is_cont = |b: u8| (0x80..0xC0).contains(&b);
    while start < pos && bytes.get(start).is_some_and(|&b| is_cont(b)) {
        start += 1;
    }
    while end > pos && end < bytes.len() && bytes.get(end).is_some_and(|&b| is_cont(b)) {
        end -= 1;
    }
    (start, end)
}

pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub kind: FileKind,
    aws_context: Option<bool>,
    service_account: Option<bool>,
    cfn: Option<bool>,
}

impl Ctx<'_> {
    fn mentions_aws(&mut self) -> bool {
        let text = self.text;
        *self.aws_context.get_or_insert_with(|| {
            ["aws", "AWS", "Aws", "amazon", "AKIA", "ASIA"]
                .iter()
                .any(|w| memchr::memmem::find(text.as_bytes(), w.as_bytes()).is_some())
        })
    }
    fn service_account(&mut self) -> bool {
        let text = self.text;
        *self.service_account.get_or_insert_with(|| {
            memchr::memmem::find(text.as_bytes(), b"service_account").is_some()
        })
    }
    fn cfn(&mut self) -> bool {
        let text = self.text;
        *self.cfn.get_or_insert_with(|| {
            let b = text.as_bytes();
            memchr::memmem::find(b, b"Parameters").is_some()
                && (memchr::memmem::find(b, b"AWSTemplateFormatVersion").is_some()
                    || memchr::memmem::find(b, b"NoEcho").is_some()
                    || memchr::memmem::find(b, b"Resources").is_some())
        })
    }
}

pub(crate) fn find(path_hint: &str, text: &str) -> Vec<Raw> {
    let e = engine();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut ctx = Ctx {
        text,
        kind: file_kind(path_hint),
        aws_context: None,
        service_account: None,
        cfn: None,
    };
    // (detector, line start, line end) windows already handled, and keyword spans seen.
    let mut done_lines: Vec<(usize, usize, usize)> = Vec::new();
    let mut done_keys: Vec<usize> = Vec::new();
    let mut done_pem: usize = 0;
    let mut done_url_end: usize = 0;
    for m in e.ac.find_iter(bytes) {
        let Some(ts) = e.triggers.get(m.pattern().as_usize()) else {
            continue;
        };
        for &t in ts {
            match t {
                Trigger::Token(i) => {
                    let (ls, le) = line_bounds(bytes, m.start());
                    // Also skip a trigger well inside a window already scanned
                    // for this detector: on a long line every trigger has its
                    // own clipped window, and 200k `AKIA` in one line took
                    // minutes.
                    let pos = m.start();
                    if done_lines
                        .iter()
                        .any(|&(j, a, b)| j == i && (a == ls || (a < pos && pos + 1024 <= b)))
                    {
                        continue;
                    }
                    done_lines.push((i, ls, le));
                    if done_lines.len() > 64 {
                        done_lines.drain(..32);
                    }
                    token_line(e, &mut ctx, i, ls, le, &mut out);
                }
                Trigger::PrivateKey => {
                    if m.start() >= done_pem {
                        if let Some(end) = private_key(e, text, m.start(), &mut out) {
                            done_pem = end;
                        }
                    }
                }
                Trigger::GcpServiceAccount => {
                    if ctx.service_account() {
                        let (ls, le) = line_bounds(bytes, m.start());
                        gcp_sa(e, text, ls, le, &mut out);
                    }
                }
                Trigger::Jwt => jwt(e, text, m.start(), &mut out),
                Trigger::Url => {
                    if m.start() >= done_url_end {
                        done_url_end = url(e, text, m.start(), &mut out);
                    }
                }
                Trigger::Keyword => {
                    if !ctx.kind.lock {
                        generic::keyword(&ctx, m.start(), m.end(), &mut done_keys, &mut out);
                    }
                }
                Trigger::AuthHeader => auth_header(e, text, m.start(), m.end(), &mut out),
                Trigger::TfVariableDefault => {
                    if ctx.kind.hcl && !ctx.kind.lock {
                        generic::tf_variable_default(&ctx, m.start(), m.end(), &mut out);
                    }
                }
                Trigger::CfnDefault => {
                    if !ctx.kind.lock && ctx.cfn() {
                        generic::cfn_default(&ctx, m.start(), m.end(), &mut out);
                    }
                }
            }
        }
    }
    if !ctx.kind.lock {
        generic::kubernetes(&ctx, &mut out);
    }
    out
}

/// Characters that continue a token on either side.
fn is_tok(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

fn token_line(e: &Engine, ctx: &mut Ctx<'_>, i: usize, ls: usize, le: usize, out: &mut Vec<Raw>) {
    let Some(d) = DETECTORS.get(i) else { return };
    let Rule::Token { check, .. } = d.rule else {
        return;
    };
    let Some(line) = ctx.text.get(ls..le) else {
        return;
    };
    let lb = line.as_bytes();
    let Some(rxs) = e.regexes.get(i) else { return };
    for r in rxs {
        for c in r.captures_iter(line) {
            let Some(g) = c.get(1) else { continue };
            let s = g.as_str();
            // Token boundaries: no alphanumeric glued to either side.
            let before = g.start().checked_sub(1).and_then(|p| lb.get(p)).copied();
            let after = lb.get(g.end()).copied();
            if before.is_some_and(is_tok) && !matches!(check, Check::AwsSecret) {
                continue;
            }
            if after.is_some_and(is_tok) {
                continue;
            }
            if !check_token(ctx, check, s) {
                continue;
            }
            out.push(Raw {
                det: i,
                start: ls + g.start(),
                end: ls + g.end(),
            });
        }
    }
}

fn check_token(ctx: &mut Ctx<'_>, check: Check, s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    if lower.contains("example") || lower.contains("xxxxxx") || lower.contains("000000000") {
        return false;
    }
    match check {
        Check::Entropy(min) => filters::entropy(s) >= min,
        Check::AwsKeyId => {
            let tail = s.get(4..).unwrap_or_default();
            tail.bytes().any(|b| b.is_ascii_digit()) && filters::entropy(s) >= 3.0
        }
        Check::AwsSecret => {
            filters::entropy(s) >= 4.0 && filters::char_classes(s) >= 3 && ctx.mentions_aws()
        }
        Check::Crc32Base62 { prefix } => crate::checksum::crc32_base62_ok(s, prefix),
    }
}

/// PEM private key starting at `pos`; returns the end of the block.
fn private_key(e: &Engine, text: &str, pos: usize, out: &mut Vec<Raw>) -> Option<usize> {
    let mut resume = pos;
    let window_end = floor_boundary(text, pos.saturating_add(256));
    let head = text.get(pos..window_end)?;
    let m = e.pem_header.find(head)?;
    if m.start() != 0 {
        return None;
    }
    let body_start = pos + m.end();
    let limit = floor_boundary(text, body_start.saturating_add(64 * 1024));
    let rest = text.get(body_start..limit)?;
    let (body, end) = match memchr::memmem::find(rest.as_bytes(), b"-----END") {
        Some(i) => {
            let after = rest.get(i + 8..).unwrap_or_default();
            let close = memchr::memmem::find(after.as_bytes(), b"-----")
                .filter(|&j| j < 40)
                .map_or(i + 8, |j| i + 8 + j + 5);
            (rest.get(..i).unwrap_or_default(), body_start + close)
        }
        None => {
            // No footer within the window: later headers inside it are not re-scanned.
            resume = limit;
            // Take the leading run of key-material lines.
            let cut = floor_boundary(rest, 4096.min(rest.len()));
            let run = rest.get(..cut).unwrap_or_default();
            let stop = run
                .find(|c: char| !(c.is_ascii_alphanumeric() || "+/=\n\r \t\\:-,".contains(c)))
                .unwrap_or(run.len());
            (run.get(..stop).unwrap_or_default(), body_start + stop)
        }
    };
    // Key material: base64 characters of lines that are not `Header: value`
    // lines, with `\n` escapes removed.
    let mut material = String::new();
    let unescaped = body.replace("\\n", "\n").replace("\\r", "");
    for l in unescaped.lines() {
        let l = l.trim().trim_matches(['"', '\'', ',']);
        if l.contains(':') {
            continue;
        }
        material.extend(
            l.chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=')),
        );
    }
    let lower = body.to_ascii_lowercase();
    if material.len() < 64
        || body.contains("...")
        || body.contains('<')
        || lower.contains("example")
        || lower.contains("redacted")
        || lower.contains("xxxx")
        || filters::entropy(&material) < 4.5
    {
        return Some(end.max(resume));
    }
    out.push(Raw {
        det: e.idx.private_key,
        start: pos,
        end,
    });
    Some(end.max(resume))
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn gcp_sa(e: &Engine, text: &str, ls: usize, le: usize, out: &mut Vec<Raw>) {
    let Some(line) = text.get(ls..le) else { return };
    for c in e.gcp_key.captures_iter(line) {
        let Some(g) = c.get(1) else { continue };
        let body = g.as_str();
        let material: String = body
            .replace("\\n", "")
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='))
            .collect();
        if material.len() < 120 || filters::entropy(&material) < 4.5 {
            continue;
        }
        let lower = body.to_ascii_lowercase();
        if lower.contains("example") || body.contains("...") {
            continue;
        }
        out.push(Raw {
            det: e.idx.gcp_sa,
            start: ls + g.start(),
            end: ls + g.end(),
        });
    }
}

fn jwt(e: &Engine, text: &str, pos: usize, out: &mut Vec<Raw>) {
    let bytes = text.as_bytes();
    if pos > 0
        && bytes
            .get(pos - 1)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        return;
    }
    let end = floor_boundary(text, pos.saturating_add(16 * 1024));
    let Some(window) = text.get(pos..end) else {
        return;
    };
    let Some(m) = e.jwt.find(window) else { return };
    if m.start() != 0 {
        return;
    }
    let tok = m.as_str();
    let mut parts = tok.split('.');
    let (Some(h), Some(p), Some(sig)) = (parts.next(), parts.next(), parts.next()) else {
        return;
    };
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let Ok(header) = b64.decode(h.trim_end_matches('=')) else {
        return;
    };
    let header = String::from_utf8_lossy(&header);
    if !(header.trim_start().starts_with('{') && header.contains("\"alg\"")) {
        return;
    }
    if header.contains("\"none\"") {
        return;
    }
    let Ok(payload) = b64.decode(p.trim_end_matches('=')) else {
        return;
    };
    if payload.first() != Some(&b'{') {
        return;
    }
    let pl = String::from_utf8_lossy(&payload).to_ascii_lowercase();
    if pl.contains("example") || filters::entropy(sig) < 3.5 {
        return;
    }
    out.push(Raw {
        det: e.idx.jwt,
        start: pos,
        end: pos + tok.len(),
    });
}

const DB_SCHEMES: &[&str] = &[
    "postgres",
    "postgresql",
    "postgis",
    "mysql",
    "mysql2",
    "mysqlx",
    "mariadb",
    "mongodb",
    "mongodb+srv",
    "redis",
    "rediss",
    "amqp",
    "amqps",
    "mssql",
    "sqlserver",
    "oracle",
    "cockroachdb",
    "clickhouse",
    "cassandra",
    "couchdb",
    "neo4j",
    "neo4j+s",
    "bolt",
    "memcached",
    "db2",
    "snowflake",
    "timescaledb",
];

/// URL userinfo at the `://` found at `pos`; returns where to resume.
fn url(e: &Engine, text: &str, pos: usize, out: &mut Vec<Raw>) -> usize {
    let b = text.as_bytes();
    // Scheme: letters, digits, + - . to the left.
    let mut s = pos;
    while s > 0
        && b.get(s - 1)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
        && pos - s < 32
    {
        s -= 1;
    }
    let scheme = text.get(s..pos).unwrap_or_default().to_ascii_lowercase();
    if scheme.is_empty()
        || !scheme
            .as_bytes()
            .first()
            .is_some_and(|c| c.is_ascii_alphabetic())
    {
        return pos + 3;
    }
    let ui_start = pos + 3;
    let mut i = ui_start;
    let mut at = None;
    while let Some(&c) = b.get(i) {
        if c == b'@' {
            at = Some(i);
            break;
        }
        if c.is_ascii_whitespace()
            || matches!(
                c,
                b'/' | b'"'
                    | b'\''
                    | b'`'
                    | b'<'
                    | b'>'
                    | b'\\'
                    | b'?'
                    | b'#'
                    | b'('
                    | b')'
                    | b'['
                    | b']'
                    | b','
            )
            || i - ui_start > 256
        {
            break;
        }
        i += 1;
    }
    let Some(at) = at else { return i.max(pos + 3) };
    let Some(userinfo) = text.get(ui_start..at) else {
        return at;
    };
    let Some(colon) = userinfo.find(':') else {
        return at;
    };
    let pass_start = ui_start + colon + 1;
    let Some(password) = text.get(pass_start..at) else {
        return at;
    };
    // Host must follow.
    let host_end = b
        .get(at + 1..)
        .unwrap_or_default()
        .iter()
        .position(|&c| {
            !(c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_' | b'[' | b']' | b':'))
        })
        .map_or(b.len(), |p| at + 1 + p);
    let host = text
        .get(at + 1..host_end)
        .unwrap_or_default()
        .to_ascii_lowercase();
    if host.is_empty() || host.contains("example") {
        return at;
    }
    let user = userinfo.get(..colon).unwrap_or_default();
    if !url_password_ok(user, password) {
        return at;
    }
    let det = if DB_SCHEMES.contains(&scheme.as_str()) {
        e.idx.db_uri
    } else {
        e.idx.url
    };
    out.push(Raw {
        det,
        start: pass_start,
        end: at,
    });
    at
}

fn url_password_ok(user: &str, password: &str) -> bool {
    if password.len() < 6 || password.contains(['{', '}', '$', '*']) {
        return false;
    }
    let lower = password.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "pass" | "passwd" | "pwd" | "secret" | "passw0rd"
    ) || lower == user.to_ascii_lowercase()
        || filters::is_placeholder(password)
        || filters::is_reference(password)
    {
        return false;
    }
    // An uppercase placeholder such as PASSWORD or DB_PASS.
    if password
        .bytes()
        .all(|c| c.is_ascii_uppercase() || c == b'_')
    {
        return false;
    }
    true
}

/// `Bearer <token>` / `Basic <base64>` with the scheme at `[hs, he)`.
fn auth_header(e: &Engine, text: &str, hs: usize, he: usize, out: &mut Vec<Raw>) {
    let b = text.as_bytes();
    if hs > 0 && b.get(hs - 1).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return;
    }
    let basic = b.get(hs).is_some_and(|&c| c == b'B' || c == b'b')
        && b.get(hs + 1).is_some_and(|&c| c == b'a' || c == b'A');
    let mut end = he;
    while b.get(end).is_some_and(|&c| {
        c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~' | b'+' | b'/' | b'=')
    }) && end - he < 2048
    {
        end += 1;
    }
    let Some(v) = text.get(he..end) else { return };
    if v.starts_with("eyJ") || filters::is_placeholder(v) || filters::is_reference(v) {
        return;
    }
    // What follows must end the credential (quote, space, end of line, comma...).
    if b.get(end)
        .is_some_and(|&c| matches!(c, b'$' | b'{' | b'<' | b'%' | b'*'))
    {
        return;
    }
    let ok = if basic {
        v.len() >= 8
            && base64::engine::general_purpose::STANDARD
                .decode(v)
                .ok()
                .and_then(|d| String::from_utf8(d).ok())
                .and_then(|d| d.split_once(':').map(|(u, p)| (u.to_owned(), p.to_owned())))
                .is_some_and(|(u, p)| {
                    !u.is_empty()
                        && p.len() >= 6
                        && !filters::is_placeholder(&p)
                        && !filters::is_reference(&p)
                })
    } else {
        v.len() >= 20
            && filters::entropy(v) >= 3.5
            && v.bytes().any(|c| c.is_ascii_digit())
            && !filters::is_known_non_secret(v)
            && !filters::is_dotted_identifier(v)
    };
    if ok {
        out.push(Raw {
            det: e.idx.auth,
            start: he,
            end,
        });
    }
}
