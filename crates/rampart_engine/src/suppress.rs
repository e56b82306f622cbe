//! Inline suppressions: rampart's own comment, and the peers' forms honoured
//! through rule aliases so a team can switch tools without rewriting code.
//!
//! ```text
//! # rampart:ignore RMP-AWS-S3-005 logs bucket receives its own logs expires=2027-03-31 owner=platform
//! #checkov:skip=CKV_AWS_21:versioning handled by backup
//! #tfsec:ignore:aws-s3-enable-versioning:exp:2027-01-01
//! #trivy:ignore:AVD-AWS-0090
//! ```
//!
//! A comment applies to the resource (or module call) it sits in, or to the one
//! whose first line follows the comment run it belongs to. Our own form needs
//! a reason; an expired suppression stops working and says so. A suppression on
//! a module call covers every resource inside the module.

use std::sync::OnceLock;

use rampart_model::report;
use rampart_model::{Diagnostic, Resource};
use rampart_rules::Rule;
use rampart_source::{FileId, SourceFile, SourceMap, Span};
use regex::Regex;

#[derive(Debug, Clone)]
pub struct Suppression {
    pub file: FileId,
    /// 1-based line of the comment.
    pub line: usize,
    /// First line after the comment run that is neither blank nor a comment.
    pub target_line: usize,
    pub kind: &'static str,
    /// Rule ids/names/aliases named; empty means every rule.
    pub rules: Vec<String>,
    pub reason: String,
    pub expires: Option<String>,
    pub owner: Option<String>,
    /// KICS `ignore-line`: only the next line.
    pub line_only: bool,
}

/// The names a suppression may use for a rule: id, kebab name, peer aliases.
#[derive(Debug, Clone, Copy)]
pub struct Names<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub aliases: &'a [&'a str],
}

impl<'a> Names<'a> {
    pub fn of(rule: &'a Rule) -> Names<'a> {
        Names {
            id: rule.meta.id,
            name: rule.meta.name,
            aliases: rule.meta.aliases,
        }
    }
}

/// The spans a suppression on a block may sit in for a resource: its own
/// block and the module calls that lead to it.
pub fn blocks_of(res: &Resource) -> Vec<Span> {
    let mut v = Vec::with_capacity(1 + res.module_calls.len());
    v.push(res.span);
    v.extend(res.module_calls.iter().copied());
    v
}

#[derive(Debug, Default)]
pub struct Suppressions {
    items: Vec<Suppression>,
}

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("static regex"))
}

fn is_comment_line(l: &str) -> bool {
    let t = l.trim_start();
    t.starts_with('#') || t.starts_with("//") || t.starts_with("/*") || t.starts_with('*')
}

/// Byte offset of the comment opener on the line, if any.
fn comment_start(l: &str) -> Option<usize> {
    [l.find('#'), l.find("//"), l.find("/*")]
        .into_iter()
        .flatten()
        .min()
}

/// One suppression comment as written.
#[derive(Debug, Clone, PartialEq)]
struct Parsed {
    kind: &'static str,
    rules: Vec<String>,
    reason: String,
    expires: Option<String>,
    owner: Option<String>,
    line_only: bool,
}

fn parse_line(line: &str) -> Vec<Parsed> {
    static OWN: OnceLock<Regex> = OnceLock::new();
    static CKV: OnceLock<Regex> = OnceLock::new();
    static TFSEC: OnceLock<Regex> = OnceLock::new();
    static KICS: OnceLock<Regex> = OnceLock::new();
    static EXPIRES: OnceLock<Regex> = OnceLock::new();
    static OWNER: OnceLock<Regex> = OnceLock::new();
    let Some(start) = comment_start(line) else {
        return Vec::new();
    };
    let c = &line[start..];
    let mut out = Vec::new();
    if let Some(m) = re(&OWN, r"rampart:ignore\s+([A-Za-z0-9_.,\-]+)(.*)").captures(c) {
        let rules = m
            .get(1)
            .map(|r| {
                r.as_str()
                    .split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let rest = m.get(2).map(|r| r.as_str()).unwrap_or("");
        let expires = re(&EXPIRES, r"expires=(\d{4}-\d{2}-\d{2})")
            .captures(rest)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().to_string());
        let owner = re(&OWNER, r"owner=(\S+)")
            .captures(rest)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().to_string());
        let reason = re(&EXPIRES, r"expires=(\d{4}-\d{2}-\d{2})").replace_all(rest, "");
        let reason = re(&OWNER, r"owner=(\S+)").replace_all(&reason, "");
        let reason = reason
            .trim()
            .trim_start_matches(['-', ':', '—'])
            .trim()
            .trim_end_matches("*/")
            .trim()
            .to_string();
        out.push(Parsed {
            kind: "inline",
            rules,
            reason,
            expires,
            owner,
            line_only: false,
        });
    }
    for cap in re(&CKV, r"checkov:skip=([A-Za-z0-9_]+)(?::([^#]*))?").captures_iter(c) {
        let id = cap
            .get(1)
            .map(|m| m.as_str().to_string())
            .unwrap_or_default();
        let reason = cap
            .get(2)
            .map(|m| m.as_str().trim().to_string())
            .unwrap_or_default();
        out.push(Parsed {
            kind: "checkov",
            rules: vec![id],
            reason,
            expires: None,
            owner: None,
            line_only: false,
        });
    }
    for cap in re(
        &TFSEC,
        r"(tfsec|trivy):ignore:([A-Za-z0-9_\-]+)((?::[a-z]+:[^:\s]+)*)",
    )
    .captures_iter(c)
    {
        let kind = if cap.get(1).map(|m| m.as_str()) == Some("tfsec") {
            "tfsec"
        } else {
            "trivy"
        };
        let id = cap
            .get(2)
            .map(|m| m.as_str().to_string())
            .unwrap_or_default();
        let extra = cap.get(3).map(|m| m.as_str()).unwrap_or("");
        let expires = extra
            .split(":exp:")
            .nth(1)
            .map(|s| s.split(':').next().unwrap_or(s).to_string());
        out.push(Parsed {
            kind,
            rules: vec![id],
            reason: String::new(),
            expires,
            owner: None,
            line_only: false,
        });
    }
    if let Some(cap) = re(&KICS, r"kics-scan\s+ignore-(line|block)").captures(c) {
        let line_only = cap.get(1).map(|m| m.as_str()) == Some("line");
        out.push(Parsed {
            kind: "kics",
            rules: Vec::new(),
            reason: String::new(),
            expires: None,
            owner: None,
            line_only,
        });
    }
    out
}

/// Read every suppression comment in the loaded files.
pub fn collect(sources: &SourceMap, diags: &mut Vec<Diagnostic>) -> Suppressions {
    let mut items = Vec::new();
    for (i, file) in sources.all().iter().enumerate() {
        let id = FileId(i as u32);
        collect_file(id, file, &mut items, diags);
    }
    Suppressions { items }
}

fn collect_file(
    id: FileId,
    file: &SourceFile,
    items: &mut Vec<Suppression>,
    diags: &mut Vec<Diagnostic>,
) {
    if !["rampart:", "checkov:", "tfsec:", "trivy:", "kics-scan"]
        .iter()
        .any(|m| file.text.contains(m))
    {
        return;
    }
    let n = file.line_count();
    for ln in 1..=n {
        let text = file.line_text(ln);
        for Parsed {
            kind,
            rules,
            reason,
            expires,
            owner,
            line_only,
        } in parse_line(text)
        {
            if kind == "inline" && reason.is_empty() {
                diags.push(
                    Diagnostic::warning(
                        "suppression-without-reason",
                        "rampart:ignore needs a reason after the rule id; this suppression is not applied",
                    )
                    .with_path(file.display.clone())
                    .at_line(ln, 1),
                );
                continue;
            }
            let mut target = ln + 1;
            while target <= n {
                let t = file.line_text(target);
                if t.trim().is_empty() || is_comment_line(t) {
                    target += 1;
                } else {
                    break;
                }
            }
            items.push(Suppression {
                file: id,
                line: ln,
                target_line: target,
                kind,
                rules,
                reason: if reason.is_empty() {
                    format!("(no reason given in the {kind} comment)")
                } else {
                    reason
                },
                expires,
                owner,
                line_only,
            });
        }
    }
}

impl Suppressions {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    fn names_rule(s: &Suppression, rule: &Names<'_>) -> bool {
        s.rules.is_empty()
            || s.rules.iter().any(|r| {
                rule.id.eq_ignore_ascii_case(r)
                    || rule.name.eq_ignore_ascii_case(r)
                    || rule.aliases.iter().any(|a| a.eq_ignore_ascii_case(r))
            })
    }

    /// Whether suppression `s` sits on or inside the block at `span`.
    fn covers(s: &Suppression, span: Span, sources: &SourceMap) -> bool {
        if s.file != span.file {
            return false;
        }
        let Some(f) = sources.get(span.file) else {
            return false;
        };
        let first = f.line_col(span.start).line;
        let last = f.line_col(span.end).line;
        (first..=last).contains(&s.line) || s.target_line == first
    }

    /// The suppression that applies to a failing result, if any. Expired
    /// suppressions never apply.
    pub fn find(
        &self,
        rule: &Names<'_>,
        blocks: &[Span],
        finding: Span,
        sources: &SourceMap,
        today: &str,
        used: &mut [bool],
    ) -> Option<report::Suppression> {
        for (i, s) in self.items.iter().enumerate() {
            if !Self::names_rule(s, rule) {
                continue;
            }
            let hit = if s.line_only {
                s.file == finding.file
                    && sources
                        .get(finding.file)
                        .is_some_and(|f| f.line_col(finding.start).line == s.target_line)
            } else {
                Self::covers(s, finding, sources)
                    || blocks.iter().any(|b| Self::covers(s, *b, sources))
            };
            if !hit {
                continue;
            }
            if let Some(slot) = used.get_mut(i) {
                *slot = true;
            }
            if s.expires.as_deref().is_some_and(|e| e < today) {
                continue;
            }
            let file = sources
                .get(s.file)
                .map(|f| f.display.clone())
                .unwrap_or_default();
            return Some(report::Suppression {
                kind: s.kind.to_string(),
                reason: s.reason.clone(),
                expires: s.expires.clone(),
                owner: s.owner.clone(),
                location: format!("{file}:{}", s.line),
            });
        }
        None
    }

    /// Warn about rampart suppressions that matched nothing, and about expired ones.
    pub fn report_unused(
        &self,
        used: &[bool],
        sources: &SourceMap,
        diags: &mut Vec<Diagnostic>,
        today: &str,
    ) {
        for (i, s) in self.items.iter().enumerate() {
            let file = sources
                .get(s.file)
                .map(|f| f.display.clone())
                .unwrap_or_default();
            if let Some(e) = s.expires.as_deref().filter(|e| *e < today) {
                diags.push(
                    Diagnostic::warning(
                        "expired-suppression",
                        format!(
                            "suppression of {} expired on {e} and no longer applies",
                            s.rules.join(",")
                        ),
                    )
                    .with_path(file.clone())
                    .at_line(s.line, 1),
                );
                continue;
            }
            if s.kind == "inline" && !used.get(i).copied().unwrap_or(false) {
                diags.push(
                    Diagnostic::warning(
                        "unused-suppression",
                        format!("suppression of {} matches no finding", s.rules.join(",")),
                    )
                    .with_path(file)
                    .at_line(s.line, 1),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_own_form_with_expiry_and_owner() {
        let v = parse_line("  # rampart:ignore RMP-AWS-S3-005,RMP-AWS-S3-001 -- public site expires=2027-01-31 owner=web");
        assert_eq!(v.len(), 1);
        let Parsed {
            kind,
            rules,
            reason,
            expires,
            owner,
            ..
        } = &v[0];
        assert_eq!(*kind, "inline");
        assert_eq!(
            rules,
            &vec!["RMP-AWS-S3-005".to_string(), "RMP-AWS-S3-001".to_string()]
        );
        assert_eq!(reason, "public site");
        assert_eq!(expires.as_deref(), Some("2027-01-31"));
        assert_eq!(owner.as_deref(), Some("web"));
    }

    #[test]
    fn parses_peer_forms() {
        let v = parse_line("  #checkov:skip=CKV_AWS_21:backups elsewhere");
        assert_eq!(v[0].kind, "checkov");
        assert_eq!(v[0].rules, vec!["CKV_AWS_21".to_string()]);
        assert_eq!(v[0].reason, "backups elsewhere");
        let v = parse_line("# tfsec:ignore:aws-s3-enable-versioning:exp:2025-01-01");
        assert_eq!(v[0].kind, "tfsec");
        assert_eq!(v[0].expires.as_deref(), Some("2025-01-01"));
        let v = parse_line("# trivy:ignore:AVD-AWS-0090");
        assert_eq!(v[0].rules, vec!["AVD-AWS-0090".to_string()]);
        let v = parse_line("# kics-scan ignore-line");
        assert!(v[0].line_only);
    }

    #[test]
    fn ignores_markers_outside_comments() {
        assert!(parse_line(r#"  name = "rampart:ignore X y""#).is_empty());
    }
}
