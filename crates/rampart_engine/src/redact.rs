//! Masking of secret-looking values in text that leaves the engine (snippets,
//! messages, diagnostics). Defence in depth: rules never put secrets in
//! messages, and this makes sure a source line with a literal credential is
//! never printed in full either.

use std::sync::OnceLock;

use rampart_source::Redacted;
use regex::Regex;

fn assignment_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r#"(?i)((?:secret|password|passwd|pwd|token|access_key|private_key|api_key|apikey|credential|auth)[A-Za-z0-9_\-]*"?\s*[=:]\s*")([^"$\s][^"]*)(")"#,
        )
        .expect("static regex")
    })
}

fn token_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,}|glpat-[A-Za-z0-9_\-]{20})\b",
        )
        .expect("static regex")
    })
}

/// Mask literal values assigned to secret-looking names, and well-known token
/// shapes, anywhere in `line`.
pub fn mask_line(line: &str) -> String {
    let once = assignment_re().replace_all(line, |c: &regex::Captures<'_>| {
        let value = c.get(2).map(|m| m.as_str()).unwrap_or("");
        if value.contains("***(") {
            // Already masked.
            return c.get(0).map(|m| m.as_str()).unwrap_or("").to_string();
        }
        format!(
            "{}{}{}",
            c.get(1).map(|m| m.as_str()).unwrap_or(""),
            Redacted::new(value).masked(),
            c.get(3).map(|m| m.as_str()).unwrap_or("")
        )
    });
    token_re()
        .replace_all(&once, |c: &regex::Captures<'_>| {
            Redacted::new(c.get(0).map(|m| m.as_str()).unwrap_or("")).masked()
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_assignments_and_tokens() {
        let l = r#"  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY""#;
        let m = mask_line(l);
        assert!(!m.contains("K7MDENG"), "{m}");
        assert!(m.contains("secret_key = \"wJal***(40 chars)\""), "{m}");
        let m = mask_line("key AKIAIOSFODNN7EXAMPLE here");
        assert_eq!(m, "key AKIA***(20 chars) here");
    }

    #[test]
    fn leaves_references_alone() {
        let l = r#"  password = var.db_password"#;
        assert_eq!(mask_line(l), l);
        let l = r#"  password = "${var.db_password}""#;
        assert_eq!(mask_line(l), l);
        let l = r#"  bucket = "acme-logs""#;
        assert_eq!(mask_line(l), l);
    }
}
