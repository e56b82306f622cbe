//! Value judgement shared by the detectors: entropy, placeholders,
//! references, hashes and other high-entropy values that are not secrets.

/// Shannon entropy in bits per byte.
pub(crate) fn entropy(s: &str) -> f64 {
    let b = s.as_bytes();
    if b.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &c in b {
        counts[c as usize] += 1;
    }
    let n = b.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / n;
            -p * p.log2()
        })
        .sum()
}

/// Number of character classes (lower, upper, digit, other) present.
pub(crate) fn char_classes(s: &str) -> usize {
    let mut l = false;
    let mut u = false;
    let mut d = false;
    let mut o = false;
    for c in s.bytes() {
        match c {
            b'a'..=b'z' => l = true,
            b'A'..=b'Z' => u = true,
            b'0'..=b'9' => d = true,
            _ => o = true,
        }
    }
    usize::from(l) + usize::from(u) + usize::from(d) + usize::from(o)
}

fn distinct_bytes(s: &str) -> usize {
    let mut seen = [false; 256];
    let mut n = 0;
    for &c in s.as_bytes() {
        if !seen[c as usize] {
            seen[c as usize] = true;
            n += 1;
        }
    }
    n
}

pub(crate) fn is_hex(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|c| c.is_ascii_hexdigit())
}

/// `8-4-4-4-12` hexadecimal.
pub(crate) fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                c == b'-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// Words that mark a value as a stand-in, documentation or test data.
const PLACEHOLDER_WORDS: &[&str] = &[
    "example",
    "changeme",
    "change_me",
    "change-me",
    "dummy",
    "placeholder",
    "sample",
    "test",
    "password",
    "passw0rd",
    "your_",
    "your-",
    "yourpass",
    "yoursecret",
    "yourtoken",
    "redacted",
    "replace",
    "insert",
    "enter_",
    "enter-",
    "todo",
    "fixme",
    "tbd",
    "notset",
    "not_set",
    "not-set",
    "undefined",
    "secret_here",
    "_here",
    "-here",
    "xxxx",
    "****",
    "....",
    "####",
    "____",
    "----",
    "0000000",
    "1234567",
    "abcdefgh",
    "qwerty",
    "lorem",
    "foobar",
    "fake",
    "mock",
];

/// A value that is obviously not a real secret whatever its shape.
pub(crate) fn is_placeholder(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    if PLACEHOLDER_WORDS.iter().any(|w| lower.contains(w)) {
        return true;
    }
    if v.starts_with('<') || v.ends_with('>') || (v.starts_with('[') && v.ends_with(']')) {
        return true;
    }
    if matches!(
        lower.as_str(),
        "null" | "none" | "nil" | "true" | "false" | "empty" | "unset" | "default" | "required"
    ) {
        return true;
    }
    // Well-known default credentials of images and tutorials.
    if matches!(
        lower.as_str(),
        "postgres"
            | "postgresql"
            | "mysql"
            | "root"
            | "admin"
            | "administrator"
            | "guest"
            | "letmein"
            | "welcome"
            | "default"
            | "sa"
            | "oracle"
            | "manager"
            | "rabbitmq"
            | "elastic"
            | "minioadmin"
            | "jenkins"
            | "vagrant"
            | "ubuntu"
    ) {
        return true;
    }
    // Very few distinct characters: "aaaaaaaa", "abababab".
    distinct_bytes(v) < 4
}

/// References to a value stored elsewhere, expressions and interpolations.
pub(crate) fn is_reference(v: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "var.",
        "local.",
        "data.",
        "module.",
        "each.",
        "count.",
        "path.",
        "terraform.",
        "self.",
        "!Ref",
        "!Sub",
        "!GetAtt",
        "!ImportValue",
        "!FindInMap",
        "!If",
        "!Join",
        "!Select",
        "Ref:",
        "Fn::",
        "arn:",
        "projects/",
        "alias/",
        "secretsmanager:",
        "ssm:",
        "vault:",
        "ENC[",
        "data:",
        "file:",
        "env:",
        "sha256:",
        "sha512:",
        "sha1:",
        "md5:",
        "h1:",
        "zh:",
        "@Microsoft.KeyVault(",
        "process.env",
        "os.environ",
        "System.getenv",
        "env(",
        "ENV[",
    ];
    const INFIXES: &[&str] = &[
        "${",
        "{{",
        "$(",
        "%(",
        "#{",
        "{%",
        "secretKeyRef",
        "valueFrom",
        "resolve:",
        "getenv",
        "environ[",
        "environ.get",
        "secrets.",
        "Secrets.",
    ];
    let t = v.trim();
    if t.starts_with('$') || (t.starts_with('%') && t.ends_with('%') && t.len() > 2) {
        return true;
    }
    if PREFIXES.iter().any(|p| t.starts_with(p)) || INFIXES.iter().any(|p| t.contains(p)) {
        return true;
    }
    // A file or directory path, not a value.
    if t.starts_with('/') && t[1..].contains('/') && !t.contains('+') {
        return true;
    }
    if t.starts_with("./") || t.starts_with("../") || t.starts_with("~/") {
        return true;
    }
    let lower = t.to_ascii_lowercase();
    const EXT: &[&str] = &[
        ".pem",
        ".key",
        ".json",
        ".txt",
        ".crt",
        ".cer",
        ".p12",
        ".pfx",
        ".yaml",
        ".yml",
        ".env",
        ".gpg",
        ".asc",
        ".jks",
        ".keystore",
    ];
    EXT.iter().any(|e| lower.ends_with(e))
}

/// Hashes, digests and identifiers that look random but are not secrets:
/// commit SHAs (40 hex), UUIDs, `sha256:` digests, lock-file hashes.
pub(crate) fn is_known_non_secret(v: &str) -> bool {
    if is_uuid(v) {
        return true;
    }
    if is_hex(v) && (v.len() == 40 || v.len() == 64 || v.len() == 128) {
        // Commit SHAs and sha256/sha512 digests.
        return true;
    }
    false
}

/// `Module.Class`, `a.b.c`: a dotted identifier path (a reference in code).
pub(crate) fn is_dotted_identifier(v: &str) -> bool {
    v.contains('.')
        && !v.bytes().any(|c| c.is_ascii_digit())
        && v.split('.').all(|p| {
            p.bytes()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
                && p.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
        })
}

/// An identifier-like value made of lowercase words (`prod-db-credentials`,
/// `my_api_token`): a name of a secret, not the secret.
pub(crate) fn is_word_like(v: &str) -> bool {
    let mut words = 0;
    for w in v.split(['-', '_', '.', '/']) {
        if w.is_empty() {
            continue;
        }
        if !w.bytes().all(|c| c.is_ascii_lowercase()) {
            return false;
        }
        words += 1;
    }
    words > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entropy_orders_values() {
        assert!(entropy("aaaaaaaa") < 0.1);
        assert!(entropy("q7Zp2LmX9vKd4RtY") > 3.5);
    }

    #[test]
    fn references_and_placeholders() {
        assert!(is_reference("var.db_password"));
        assert!(is_reference("${DB_PASSWORD}"));
        assert!(is_reference("{{resolve:secretsmanager:x}}"));
        assert!(is_placeholder("<your-token>"));
        assert!(is_placeholder("changeme123"));
        assert!(is_known_non_secret(
            "0123456789abcdef0123456789abcdef01234567"
        ));
        assert!(is_known_non_secret("123e4567-e89b-12d3-a456-426614174000"));
        assert!(!is_placeholder("q7Zp2LmX9vKd4RtY"));
    }
}
