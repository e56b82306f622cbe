//! The exception register: every suppression a scan met, with its
//! justification, and whether it is still acceptable.
//!
//! Sources in the report:
//! * suppressed findings (`suppressed: true`, with `suppression`): **active**
//!   exceptions, one entry per finding they cover;
//! * `expired-suppression` warnings: **expired** exceptions. The scan no
//!   longer applies them, so the finding they used to cover is an ordinary
//!   failure again; the register lists them so the lapse is visible and counts
//!   them as failures;
//! * `unused-suppression` warnings: **unused** exceptions that cover nothing
//!   (stale; informational).
//!
//! Flags raised against the [`ExceptionPolicy`]: `expired`, `no-reason`,
//! `bad-expiry` (not `YYYY-MM-DD`), and when a maximum age is required
//! `no-expiry` and `beyond-max-age` (expires more than N days after today);
//! with `require_owner`, `no-owner`.

use rampart_model::report::{Report, RuleInfo};
use rampart_model::Status;
use serde::Serialize;

use crate::util::{format_date, parse_date};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExceptionState {
    Active,
    Expired,
    Unused,
}

impl ExceptionState {
    pub fn as_str(self) -> &'static str {
        match self {
            ExceptionState::Active => "active",
            ExceptionState::Expired => "expired",
            ExceptionState::Unused => "unused",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExceptionEntry {
    pub state: ExceptionState,
    /// Rule ids (or the names/aliases the comment used) the exception is for.
    pub rules: Vec<String>,
    /// The covered resource (active exceptions only).
    pub resource: Option<String>,
    /// Where the covered finding is (`file:line`, active exceptions only).
    pub finding: Option<String>,
    /// `inline`, `checkov`, `tfsec`, `trivy`, `kics`, `config`, or empty when unknown.
    pub kind: String,
    pub reason: String,
    pub expires: Option<String>,
    pub owner: Option<String>,
    /// Where the exception is written (`file:line`).
    pub location: String,
    /// Days from the register's date to the expiry (negative once expired).
    pub days_left: Option<i64>,
    pub flags: Vec<String>,
}

/// What the register holds exceptions to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExceptionPolicy {
    /// `YYYY-MM-DD` the register is made on.
    pub today: String,
    /// Exceptions must expire within this many days (and have an expiry).
    pub max_age_days: Option<u32>,
    pub require_owner: bool,
}

impl ExceptionPolicy {
    pub fn new(today: impl Into<String>) -> ExceptionPolicy {
        ExceptionPolicy {
            today: today.into(),
            max_age_days: None,
            require_owner: false,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ExceptionTotals {
    pub active: usize,
    pub expired: usize,
    pub unused: usize,
    /// Entries with at least one flag (expired ones included).
    pub flagged: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExceptionRegister {
    pub policy: ExceptionPolicy,
    pub totals: ExceptionTotals,
    pub entries: Vec<ExceptionEntry>,
}

impl ExceptionRegister {
    /// Expired exceptions, or exceptions that break the policy, exist.
    pub fn has_problems(&self) -> bool {
        self.totals.flagged > 0
    }
}

/// Looks up the text of a source line (`file` as the report displays it,
/// 1-based line) so expired exceptions can show their reason and owner.
pub type LineLookup<'a> = &'a dyn Fn(&str, usize) -> Option<String>;

/// Build the register from a finished report.
pub fn register(
    report: &Report,
    policy: &ExceptionPolicy,
    lookup: Option<LineLookup<'_>>,
) -> ExceptionRegister {
    let today = parse_date(&policy.today);
    let mut entries = Vec::new();
    for f in &report.findings {
        if f.status != Status::Fail || !f.suppressed {
            continue;
        }
        let s = f.suppression.as_ref();
        entries.push(ExceptionEntry {
            state: ExceptionState::Active,
            rules: vec![f.rule_id.to_string()],
            resource: Some(f.resource.clone()),
            finding: Some(format!("{}:{}", f.file, f.line)),
            kind: s.map(|s| s.kind.clone()).unwrap_or_default(),
            reason: s.map(|s| s.reason.clone()).unwrap_or_default(),
            expires: s.and_then(|s| s.expires.clone()),
            owner: s.and_then(|s| s.owner.clone()),
            location: s.map(|s| s.location.clone()).unwrap_or_default(),
            days_left: None,
            flags: Vec::new(),
        });
    }
    for e in &report.errors {
        let state = match e.code.as_str() {
            "expired-suppression" => ExceptionState::Expired,
            "unused-suppression" => ExceptionState::Unused,
            _ => continue,
        };
        let (rules, expires) = parse_warning(&e.message);
        let line = e.line.unwrap_or(0);
        let comment = lookup.and_then(|l| l(&e.file, line));
        let parsed = comment.as_deref().map(parse_comment).unwrap_or_default();
        entries.push(ExceptionEntry {
            state,
            rules,
            resource: None,
            finding: None,
            kind: parsed.kind,
            reason: parsed.reason,
            expires: expires.or(parsed.expires),
            owner: parsed.owner,
            location: format!("{}:{}", e.file, line),
            days_left: None,
            flags: Vec::new(),
        });
    }
    let mut totals = ExceptionTotals::default();
    for en in &mut entries {
        let exp = en.expires.as_deref().map(|s| (s, parse_date(s)));
        en.days_left = match (exp, today) {
            (Some((_, Some(d))), Some(t)) => Some(d - t),
            _ => None,
        };
        if en.state == ExceptionState::Expired {
            en.flags.push("expired".into());
        }
        if en.state != ExceptionState::Unused && en.reason.trim().is_empty() {
            en.flags.push("no-reason".into());
        }
        if let Some((_, None)) = exp {
            en.flags.push("bad-expiry".into());
        }
        if let Some(max) = policy.max_age_days {
            if en.state == ExceptionState::Active {
                match (exp, today) {
                    (None, _) => en.flags.push("no-expiry".into()),
                    (Some((_, Some(d))), Some(t)) if d - t > i64::from(max) => {
                        en.flags.push(format!(
                            "beyond-max-age (latest allowed {})",
                            format_date(t + i64::from(max))
                        ));
                    }
                    _ => {}
                }
            }
        }
        if policy.require_owner
            && en.state == ExceptionState::Active
            && en.owner.as_deref().is_none_or(|o| o.trim().is_empty())
        {
            en.flags.push("no-owner".into());
        }
        match en.state {
            ExceptionState::Active => totals.active += 1,
            ExceptionState::Expired => totals.expired += 1,
            ExceptionState::Unused => totals.unused += 1,
        }
        if !en.flags.is_empty() {
            totals.flagged += 1;
        }
    }
    entries.sort_by(|a, b| {
        (state_rank(a.state), &a.location, &a.rules, &a.resource).cmp(&(
            state_rank(b.state),
            &b.location,
            &b.rules,
            &b.resource,
        ))
    });
    ExceptionRegister {
        policy: policy.clone(),
        totals,
        entries,
    }
}

fn state_rank(s: ExceptionState) -> u8 {
    match s {
        ExceptionState::Expired => 0,
        ExceptionState::Active => 1,
        ExceptionState::Unused => 2,
    }
}

/// `suppression of A,B expired on 2026-01-31 and no longer applies` →
/// (`[A, B]`, `2026-01-31`); `suppression of A matches no finding` → (`[A]`, none).
fn parse_warning(msg: &str) -> (Vec<String>, Option<String>) {
    let rest = msg.strip_prefix("suppression of ").unwrap_or("");
    let (rules, tail) = match rest.find(" expired on ") {
        Some(i) => (&rest[..i], rest.get(i + " expired on ".len()..)),
        None => match rest.find(" matches no finding") {
            Some(i) => (&rest[..i], None),
            None => (rest, None),
        },
    };
    let rules = rules
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let date = tail
        .and_then(|t| t.get(..10))
        .filter(|d| parse_date(d).is_some())
        .map(str::to_string);
    (rules, date)
}

#[derive(Default)]
struct ParsedComment {
    kind: String,
    reason: String,
    expires: Option<String>,
    owner: Option<String>,
}

/// Best-effort reading of a suppression comment's justification. Only
/// rampart's own form (`rampart:ignore RULES [--] reason expires=... owner=...`)
/// carries a reason and owner; the peers' forms give at most an expiry.
fn parse_comment(line: &str) -> ParsedComment {
    let mut out = ParsedComment::default();
    let mut words: Vec<&str> = Vec::new();
    if let Some(i) = line.find("rampart:ignore") {
        out.kind = "inline".into();
        let rest = &line[i + "rampart:ignore".len()..];
        let mut it = rest.split_whitespace();
        let _rules = it.next();
        for w in it {
            if let Some(d) = w.strip_prefix("expires=") {
                out.expires = Some(d.to_string());
            } else if let Some(o) = w.strip_prefix("owner=") {
                out.owner = Some(o.to_string());
            } else if w != "--" || !words.is_empty() {
                words.push(w);
            }
        }
        out.reason = words.join(" ").trim_end_matches("*/").trim().to_string();
    } else if line.contains("checkov:skip") {
        out.kind = "checkov".into();
        out.reason = line
            .split_once("checkov:skip=")
            .and_then(|(_, r)| r.split_once(':'))
            .map(|(_, r)| r.trim().to_string())
            .unwrap_or_default();
    } else if line.contains("tfsec:ignore") {
        out.kind = "tfsec".into();
    } else if line.contains("trivy:ignore") {
        out.kind = "trivy".into();
    } else if line.contains("kics-scan") {
        out.kind = "kics".into();
    }
    out
}

/// Whether an exception entry concerns one of `rules` (by id, name or alias).
pub fn entry_concerns(entry: &ExceptionEntry, rule: &RuleInfo) -> bool {
    entry.rules.iter().any(|p| {
        rule.id.eq_ignore_ascii_case(p)
            || rule.name.eq_ignore_ascii_case(p)
            || rule.aliases.iter().any(|a| a.eq_ignore_ascii_case(p))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warning_messages_parse() {
        let (r, d) = parse_warning(
            "suppression of RMP-AWS-S3-005,CKV_AWS_21 expired on 2026-01-31 and no longer applies",
        );
        assert_eq!(r, vec!["RMP-AWS-S3-005", "CKV_AWS_21"]);
        assert_eq!(d.as_deref(), Some("2026-01-31"));
        let (r, d) = parse_warning("suppression of X matches no finding");
        assert_eq!(r, vec!["X"]);
        assert_eq!(d, None);
        let (r, d) = parse_warning("garbage é");
        assert!(r.is_empty() && d.is_none());
        let (_, d) = parse_warning("suppression of A expired on é");
        assert!(d.is_none());
    }

    #[test]
    fn comments_parse() {
        let c = parse_comment(
            "  # rampart:ignore RMP-AWS-S3-005 -- logs bucket logs itself expires=2026-01-01 owner=platform",
        );
        assert_eq!(c.kind, "inline");
        assert_eq!(c.reason, "logs bucket logs itself");
        assert_eq!(c.expires.as_deref(), Some("2026-01-01"));
        assert_eq!(c.owner.as_deref(), Some("platform"));
        let c = parse_comment("#checkov:skip=CKV_AWS_21:handled by backup");
        assert_eq!(
            (c.kind.as_str(), c.reason.as_str()),
            ("checkov", "handled by backup")
        );
        assert_eq!(parse_comment("").kind, "");
    }
}
