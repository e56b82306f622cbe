//! A company's own policy, mapped onto rampart's checks.
//!
//! A mapping file (TOML) names a written policy and lists its sections in
//! the company's words. Each section says what evidences it:
//!
//! ```toml
//! [policy]
//! id = "ENG-POL-003"                      # required; used in reports and file names
//! name = "Infrastructure Security Policy" # required
//! version = "2024-06"                     # optional
//! owner = "Security Officer"              # optional
//!
//! [[section]]
//! id = "3.4"                              # required, unique; `3.4.1` is a child of `3.4`
//! title = "Data protection"               # required
//! rules = ["RMP-AWS-S3-007", "RMP-AWS-RDS-"]  # rule ids, names, aliases or id prefixes
//! controls = ["soc2:CC6.1", "ENG-POL-003-HIPAA:3.4"]  # catalogue controls (children included), or `cis-aws:*`
//! manual = "Key ceremony record"          # what a person attaches (for sections no rule evidences)
//! ```
//!
//! Unknown keys are errors (a typo must not silently drop evidence). A rule
//! pattern matches like `rampart scan --select`: exact id, name or alias
//! (ignoring case), or a prefix of the id; a trailing `*` is allowed. A
//! control reference evidences the section with every rule that lists that
//! control, or one of its children, in its `frameworks` or `policies`.
//!
//! Used alone, a mapping becomes the catalogue to assess
//! ([`Mapping::to_framework`]). Used with a catalogue (`--framework soc2
//! --mapping extra.toml`), its sections add evidence to the catalogue's
//! controls with the same ids.

use rampart_frameworks::{Control, Framework, Kind};
use rampart_model::report::RuleInfo;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    pub policy: PolicyInfo,
    #[serde(default, rename = "section")]
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyInfo {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub rules: Vec<String>,
    #[serde(default)]
    pub controls: Vec<String>,
    #[serde(default)]
    pub manual: Option<String>,
}

impl Mapping {
    /// Parse and validate a mapping file's text.
    pub fn parse(text: &str) -> Result<Mapping, String> {
        let m: Mapping = toml::from_str(text).map_err(|e| format!("mapping file: {e}"))?;
        m.validate()?;
        Ok(m)
    }

    /// Structural checks: ids present and unique, references well formed.
    pub fn validate(&self) -> Result<(), String> {
        if self.policy.id.trim().is_empty() {
            return Err("mapping file: [policy] id is empty".into());
        }
        if self.policy.name.trim().is_empty() {
            return Err("mapping file: [policy] name is empty".into());
        }
        let mut seen = std::collections::HashSet::new();
        for s in &self.sections {
            if s.id.trim().is_empty() || s.id.trim() != s.id {
                return Err(format!(
                    "mapping file: section id {:?} is empty or has surrounding spaces",
                    s.id
                ));
            }
            if !seen.insert(s.id.as_str()) {
                return Err(format!(
                    "mapping file: section {:?} is declared twice",
                    s.id
                ));
            }
            for r in &s.rules {
                if r.trim().trim_end_matches('*').is_empty() {
                    return Err(format!(
                        "mapping file: section {:?} has an empty rule pattern",
                        s.id
                    ));
                }
            }
            for c in &s.controls {
                if split_ref(c).is_none() {
                    return Err(format!(
                        "mapping file: section {:?}: control {c:?} is not of the form framework:control",
                        s.id
                    ));
                }
            }
        }
        Ok(())
    }

    /// The policy as a catalogue: one control per section, in file order.
    pub fn to_framework(&self) -> Framework {
        Framework {
            id: self.policy.id.clone(),
            name: self.policy.name.clone(),
            version: self.policy.version.clone().unwrap_or_default(),
            kind: Kind::Policy,
            controls: self
                .sections
                .iter()
                .map(|s| Control {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    manual: s.manual.clone(),
                })
                .collect(),
        }
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// References that resolve to nothing: rule patterns matching no rule in
    /// `rules`, and catalogue controls that are not in any built-in
    /// catalogue. A report lists them so a stale mapping is visible.
    pub fn unresolved(&self, rules: &[RuleInfo]) -> Vec<String> {
        let mut out = Vec::new();
        for s in &self.sections {
            for p in &s.rules {
                if !rules.iter().any(|r| rule_matches(p, r)) {
                    out.push(format!("section {}: rule {p:?} matches no rule", s.id));
                }
            }
            for c in &s.controls {
                let known = match split_ref(c) {
                    Some((fw, "*")) => rampart_frameworks::framework(fw).is_some(),
                    Some((fw, ctl)) => rampart_frameworks::framework(fw)
                        .is_some_and(|f| f.control(ctl).is_some() || f.under(ctl).next().is_some()),
                    None => false,
                };
                if !known {
                    out.push(format!(
                        "section {}: control {c:?} is in no built-in catalogue",
                        s.id
                    ));
                }
            }
        }
        out
    }
}

/// Split `framework:control`; both parts non-empty.
pub fn split_ref(r: &str) -> Option<(&str, &str)> {
    let (f, c) = r.split_once(':')?;
    let ok = |s: &str| !s.is_empty() && s.trim() == s;
    (ok(f) && ok(c)).then_some((f, c))
}

/// Whether `id` is `parent` or one of its children (`CC6.1` under `CC6`,
/// `164.312(a)(1)` under `164.312`, `PR.DS-01` under `PR.DS`).
pub fn is_under(id: &str, parent: &str) -> bool {
    id == parent
        || (!parent.is_empty()
            && id
                .strip_prefix(parent)
                .is_some_and(|rest| rest.starts_with(['.', '-', '('])))
}

/// Whether a reference `fw:ctl` (as rules write it) evidences `framework`'s
/// control `control`: same framework (ignoring case) and `ctl` is the control
/// or one of its children. `control == "*"` accepts every control.
pub fn ref_evidences(reference: &str, framework: &str, control: &str) -> bool {
    match split_ref(reference) {
        Some((f, c)) => {
            f.eq_ignore_ascii_case(framework) && (control == "*" || is_under(c, control))
        }
        None => false,
    }
}

/// A rule pattern as `--select` takes it: id, name or alias (ignoring case),
/// or a prefix of the id; a trailing `*` is ignored.
pub fn rule_matches(pattern: &str, rule: &RuleInfo) -> bool {
    let p = pattern.trim().trim_end_matches('*');
    if p.is_empty() {
        return false;
    }
    rule.id.eq_ignore_ascii_case(p)
        || rule.name.eq_ignore_ascii_case(p)
        || rule
            .id
            .to_ascii_uppercase()
            .starts_with(&p.to_ascii_uppercase())
        || rule.aliases.iter().any(|a| a.eq_ignore_ascii_case(p))
}
