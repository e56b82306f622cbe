//! Small helpers shared by the reporters.

use rampart_model::report::{Finding, Suppression};

/// Replaces control characters (other than tab) by visible escapes so that
/// text taken from scanned files cannot move the cursor, change colours or
/// forge lines in a terminal or CI log.
pub(crate) fn sanitize(s: &str) -> String {
    if !s.chars().any(|c| c.is_control() && c != '\t') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() && c != '\t' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Like [`sanitize`], and also turns tabs into spaces (for one-line fields).
pub(crate) fn one_line(s: &str) -> String {
    sanitize(s).replace('\t', " ")
}

/// The message of a finding, falling back to its title.
pub(crate) fn message_of(f: &Finding) -> &str {
    if f.message.trim().is_empty() {
        &f.title
    } else {
        &f.message
    }
}

/// Human form of a suppression: `reason (kind, expires 2027-01-31, owner x)`.
pub(crate) fn describe_suppression(s: &Suppression) -> String {
    let mut extra = vec![s.kind.clone()];
    if let Some(e) = &s.expires {
        extra.push(format!("expires {e}"));
    }
    if let Some(o) = &s.owner {
        extra.push(format!("owner {o}"));
    }
    if !s.location.is_empty() {
        extra.push(format!("at {}", s.location));
    }
    let reason = if s.reason.trim().is_empty() {
        "no reason given"
    } else {
        s.reason.as_str()
    };
    format!("{} ({})", one_line(reason), one_line(&extra.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_escapes_control_characters() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(sanitize("x\ty"), "x\ty");
        assert_eq!(one_line("x\ty\rz"), "x y\\rz");
        assert_eq!(sanitize("plain"), "plain");
    }
}
