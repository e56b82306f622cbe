//! Control status: which controls the scan evidences, and how they fare.
//!
//! # Which rules evidence a control
//! A rule evidences control `C` of framework `F` when its `frameworks` or
//! `policies` list `F:C` **or a child of `C`** (`soc2:CC6.1` evidences `CC6`;
//! `ENG-POL-003-HIPAA:3.4.1` evidences `3.4`). Evidence flows up to the
//! parent, never down: a rule tagged only with `CC6` says nothing specific
//! about `CC6.1`. Framework ids compare ignoring case. With a [`Mapping`], the
//! section with the control's id (or a child section) adds the rules its
//! `rules` patterns match and the rules evidencing its `controls`.
//!
//! # Statuses
//! Results are counted per rule and resource from the report's findings:
//! pass, fail (unsuppressed), excepted (a fail covered by an active
//! suppression), unknown. Not-applicable results do not count as evaluated.
//!
//! | status | when |
//! |---|---|
//! | `failing` | at least one unsuppressed fail. Expired exceptions no longer apply, so what they covered fails again and lands here. |
//! | `partial` | no unsuppressed fail, but at least one unknown result (a value known only after apply), one fail accepted by an active exception, or an expired exception still naming one of its rules: the control holds only with a documented deviation, with lapsed paperwork, or cannot be confirmed. |
//! | `satisfied` | evaluated results exist and every one passes. |
//! | `not_applicable` | rules evidence the control but none produced a result: nothing of their resource kinds was scanned. |
//! | `manual` | no rule evidences it; the catalogue (or mapping) says what a person must attach. |
//! | `not_covered` | no rule and no manual note: a gap in the catalogue or mapping (should not happen; counted). |
//!
//! A control with rules *and* a manual note is assessed from its rules; the
//! note is kept as additional evidence to attach.
//!
//! Coverage is the share of controls at least one rule evidences.

use std::collections::{BTreeMap, BTreeSet};

use rampart_frameworks::Framework;
use rampart_model::report::{Finding, Report, RuleInfo};
use rampart_model::{Severity, Status};
use serde::Serialize;

use crate::exceptions::{entry_concerns, ExceptionEntry, ExceptionRegister, ExceptionState};
use crate::input::rules_of;
use crate::mapping::{ref_evidences, rule_matches, split_ref, Mapping};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlStatus {
    Failing,
    Partial,
    Satisfied,
    NotApplicable,
    Manual,
    NotCovered,
}

impl ControlStatus {
    pub const ALL: [ControlStatus; 6] = [
        ControlStatus::Satisfied,
        ControlStatus::Partial,
        ControlStatus::Failing,
        ControlStatus::NotApplicable,
        ControlStatus::Manual,
        ControlStatus::NotCovered,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ControlStatus::Failing => "failing",
            ControlStatus::Partial => "partial",
            ControlStatus::Satisfied => "satisfied",
            ControlStatus::NotApplicable => "not_applicable",
            ControlStatus::Manual => "manual",
            ControlStatus::NotCovered => "not_covered",
        }
    }

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            ControlStatus::Failing => "Failing",
            ControlStatus::Partial => "Partial",
            ControlStatus::Satisfied => "Satisfied",
            ControlStatus::NotApplicable => "Not applicable",
            ControlStatus::Manual => "Manual evidence",
            ControlStatus::NotCovered => "Not covered",
        }
    }

    /// One sentence on what the status means.
    pub fn meaning(self) -> &'static str {
        match self {
            ControlStatus::Failing => "At least one resource fails a check without an accepted exception (expired exceptions count as failures).",
            ControlStatus::Partial => "No open failure, but some results are unknown until apply, some failures are accepted by an exception, or an exception has lapsed.",
            ControlStatus::Satisfied => "Every evaluated resource passes every check behind the control.",
            ControlStatus::NotApplicable => "Checks exist for the control but no resource of their kinds was scanned.",
            ControlStatus::Manual => "No automated check; a person attaches the evidence described.",
            ControlStatus::NotCovered => "Neither an automated check nor a description of manual evidence exists: a gap in the catalogue or mapping.",
        }
    }
}

impl std::fmt::Display for ControlStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ResultCounts {
    pub pass: usize,
    /// Unsuppressed failures.
    pub fail: usize,
    /// Failures accepted by an active exception.
    pub excepted: usize,
    pub unknown: usize,
}

impl ResultCounts {
    fn add(&mut self, f: &Finding) {
        match (f.status, f.suppressed) {
            (Status::Pass, _) => self.pass += 1,
            (Status::Fail, false) => self.fail += 1,
            (Status::Fail, true) => self.excepted += 1,
            (Status::Unknown, _) => self.unknown += 1,
            (Status::NotApplicable, _) => {}
        }
    }
    pub fn evaluated(&self) -> usize {
        self.pass + self.fail + self.excepted + self.unknown
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlRule {
    pub id: String,
    pub title: String,
    pub severity: Severity,
    /// Why the rule counts: the reference it lists (`soc2:CC6.1`) or the
    /// mapping pattern that selected it (`mapping:RMP-AWS-S3-`).
    pub via: Vec<String>,
    pub results: ResultCounts,
}

/// One result worth listing (a failure, an unknown, an excepted failure).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResultRef {
    pub rule_id: String,
    pub severity: Severity,
    pub resource: String,
    pub file: String,
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ResourceCounts {
    /// Distinct resources (by address) with a pass, fail or unknown result.
    pub evaluated: usize,
    /// Resources whose every result passes.
    pub passing: usize,
    /// Resources with an unsuppressed failure.
    pub failing: usize,
    /// The rest: unknown results or excepted failures, no open failure.
    pub other: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlAssessment {
    pub id: String,
    pub title: String,
    pub status: ControlStatus,
    /// Evidence a person must attach (catalogue or mapping text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manual: Option<String>,
    pub rules: Vec<ControlRule>,
    pub results: ResultCounts,
    pub resources: ResourceCounts,
    pub failing: Vec<ResultRef>,
    pub unknown: Vec<ResultRef>,
    /// Exceptions acting on the control: active ones (suppressed findings of
    /// its rules) and expired ones naming its rules.
    pub exceptions: Vec<ExceptionEntry>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    pub controls: usize,
    pub satisfied: usize,
    pub partial: usize,
    pub failing: usize,
    pub not_applicable: usize,
    pub manual: usize,
    pub not_covered: usize,
    /// Controls at least one rule evidences.
    pub automated: usize,
    /// `automated / controls` in percent, one decimal.
    pub coverage_percent: f64,
}

impl Totals {
    pub fn count(&self, s: ControlStatus) -> usize {
        match s {
            ControlStatus::Failing => self.failing,
            ControlStatus::Partial => self.partial,
            ControlStatus::Satisfied => self.satisfied,
            ControlStatus::NotApplicable => self.not_applicable,
            ControlStatus::Manual => self.manual,
            ControlStatus::NotCovered => self.not_covered,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FrameworkInfo {
    pub id: String,
    pub name: String,
    pub version: String,
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub framework: FrameworkInfo,
    /// The company policy mapping used, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mapping: Option<crate::mapping::PolicyInfo>,
    pub totals: Totals,
    pub controls: Vec<ControlAssessment>,
    /// Mapping references that match nothing.
    pub unresolved: Vec<String>,
}

/// Assess every control of `framework` against the report.
///
/// Exceptions on controls come from the suppressed findings and the report's
/// `expired-suppression` warnings; [`assess_with`] takes a register built
/// with an [`ExceptionPolicy`](crate::ExceptionPolicy) so the entries carry
/// days left and policy flags.
pub fn assess(report: &Report, framework: &Framework, mapping: Option<&Mapping>) -> Assessment {
    assess_with(report, framework, mapping, None)
}

/// [`assess`], with expired exceptions from `register` attached to the
/// controls whose rules they name.
pub fn assess_with(
    report: &Report,
    framework: &Framework,
    mapping: Option<&Mapping>,
    register: Option<&ExceptionRegister>,
) -> Assessment {
    let own;
    let register = match register {
        Some(r) => r,
        None => {
            own = crate::exceptions::register(
                report,
                &crate::ExceptionPolicy::new(String::new()),
                None,
            );
            &own
        }
    };
    let rules = rules_of(report);
    let mut by_rule: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in &report.findings {
        by_rule.entry(f.rule_id.as_ref()).or_default().push(f);
    }
    let mut controls = Vec::new();
    let mut totals = Totals::default();
    for c in framework {
        let evidence = evidencing_rules(&rules, &framework.id, &c.id, mapping);
        let manual = mapping
            .and_then(|m| m.section(&c.id))
            .and_then(|s| s.manual.clone())
            .or_else(|| c.manual.clone());
        let mut results = ResultCounts::default();
        let mut control_rules = Vec::new();
        let mut per_resource: BTreeMap<&str, ResultCounts> = BTreeMap::new();
        let mut failing = Vec::new();
        let mut unknown = Vec::new();
        let mut exceptions = Vec::new();
        for (rule, via) in &evidence {
            let mut rc = ResultCounts::default();
            for f in by_rule.get(rule.id.as_ref()).into_iter().flatten() {
                if f.status == Status::NotApplicable {
                    continue;
                }
                rc.add(f);
                per_resource.entry(f.resource.as_str()).or_default().add(f);
                let r = || ResultRef {
                    rule_id: f.rule_id.to_string(),
                    severity: f.severity,
                    resource: f.resource.clone(),
                    file: f.file.clone(),
                    line: f.line,
                    message: f.message.clone(),
                };
                match (f.status, f.suppressed) {
                    (Status::Fail, false) => failing.push(r()),
                    (Status::Unknown, _) => unknown.push(r()),
                    (Status::Fail, true) => {
                        let s = f.suppression.as_ref();
                        exceptions.push(ExceptionEntry {
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
                    _ => {}
                }
            }
            results.pass += rc.pass;
            results.fail += rc.fail;
            results.excepted += rc.excepted;
            results.unknown += rc.unknown;
            control_rules.push(ControlRule {
                id: rule.id.to_string(),
                title: rule.title.to_string(),
                severity: rule.severity,
                via: via.iter().cloned().collect(),
                results: rc,
            });
        }
        // Register entries carry flags and days left: prefer them for active ones too.
        for ex in &mut exceptions {
            if let Some(e) = register.entries.iter().find(|e| {
                e.state == ExceptionState::Active
                    && e.resource == ex.resource
                    && e.rules == ex.rules
                    && e.finding == ex.finding
            }) {
                *ex = e.clone();
            }
        }
        let mut expired = 0;
        for e in &register.entries {
            if e.state == ExceptionState::Expired
                && evidence.iter().any(|(r, _)| entry_concerns(e, r))
            {
                expired += 1;
                exceptions.push(e.clone());
            }
        }
        let mut resources = ResourceCounts::default();
        for rc in per_resource.values() {
            resources.evaluated += 1;
            if rc.fail > 0 {
                resources.failing += 1;
            } else if rc.unknown == 0 && rc.excepted == 0 {
                resources.passing += 1;
            } else {
                resources.other += 1;
            }
        }
        let status = if evidence.is_empty() {
            if manual.is_some() {
                ControlStatus::Manual
            } else {
                ControlStatus::NotCovered
            }
        } else if results.evaluated() == 0 {
            ControlStatus::NotApplicable
        } else if results.fail > 0 {
            ControlStatus::Failing
        } else if results.unknown > 0 || results.excepted > 0 || expired > 0 {
            ControlStatus::Partial
        } else {
            ControlStatus::Satisfied
        };
        totals.controls += 1;
        if !evidence.is_empty() {
            totals.automated += 1;
        }
        match status {
            ControlStatus::Failing => totals.failing += 1,
            ControlStatus::Partial => totals.partial += 1,
            ControlStatus::Satisfied => totals.satisfied += 1,
            ControlStatus::NotApplicable => totals.not_applicable += 1,
            ControlStatus::Manual => totals.manual += 1,
            ControlStatus::NotCovered => totals.not_covered += 1,
        }
        controls.push(ControlAssessment {
            id: c.id.clone(),
            title: c.title.clone(),
            status,
            manual,
            rules: control_rules,
            results,
            resources,
            failing,
            unknown,
            exceptions,
        });
    }
    totals.coverage_percent = if totals.controls == 0 {
        0.0
    } else {
        (totals.automated as f64 * 1000.0 / totals.controls as f64).round() / 10.0
    };
    Assessment {
        framework: FrameworkInfo {
            id: framework.id.clone(),
            name: framework.name.clone(),
            version: framework.version.clone(),
            kind: framework.kind.as_str().to_string(),
        },
        mapping: mapping.map(|m| m.policy.clone()),
        totals,
        controls,
        unresolved: mapping.map(|m| m.unresolved(&rules)).unwrap_or_default(),
    }
}

/// The rules evidencing `framework_id:control_id`, each with the reasons.
fn evidencing_rules<'r>(
    rules: &'r [RuleInfo],
    framework_id: &str,
    control_id: &str,
    mapping: Option<&Mapping>,
) -> Vec<(&'r RuleInfo, BTreeSet<String>)> {
    let sections: Vec<_> = mapping
        .map(|m| {
            m.sections
                .iter()
                .filter(|s| crate::mapping::is_under(&s.id, control_id))
                .collect()
        })
        .unwrap_or_default();
    let mut out = Vec::new();
    for r in rules {
        let mut via = BTreeSet::new();
        for reference in r.frameworks.iter().chain(r.policies.iter()) {
            if ref_evidences(reference, framework_id, control_id) {
                via.insert(reference.clone());
            }
        }
        for s in &sections {
            for p in &s.rules {
                if rule_matches(p, r) {
                    via.insert(format!("mapping {}: {p}", s.id));
                }
            }
            for c in &s.controls {
                let Some((fw, ctl)) = split_ref(c) else {
                    continue;
                };
                if let Some(reference) = r
                    .frameworks
                    .iter()
                    .chain(r.policies.iter())
                    .find(|x| ref_evidences(x, fw, ctl))
                {
                    via.insert(format!("mapping {}: {c} ({reference})", s.id));
                }
            }
        }
        if !via.is_empty() {
            out.push((r, via));
        }
    }
    out.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    out
}
