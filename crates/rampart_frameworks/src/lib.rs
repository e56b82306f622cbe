//! Control catalogues as data.
//!
//! Each framework is one TOML file under `data/`, embedded at build time and
//! parsed once on first use. A control reference is written
//! `framework:control` (`soc2:CC6.1`, `ENG-POL-003-HIPAA:3.4.1`).
//!
//! Control ids are the official ones of each standard; titles are short
//! paraphrases in our own words. A control that no automated check can
//! evidence from code carries `manual`: what a person must attach instead.

use std::fmt;
use std::sync::OnceLock;

/// Whether a catalogue is an external standard or a company's written policy.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Deserialize, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An external framework, regulation or benchmark (SOC 2, HIPAA, CIS, ...).
    #[default]
    Standard,
    /// A company's own written policy, section by section.
    Policy,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Standard => "standard",
            Kind::Policy => "policy",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Short id used in references (`soc2`, `hipaa`, `cis-aws`).
    pub id: String,
    pub name: String,
    pub version: String,
    /// `standard` for external frameworks, `policy` for a company's written policy.
    #[serde(default)]
    pub kind: Kind,
    #[serde(default, rename = "control")]
    pub controls: Vec<Control>,
}

impl Framework {
    /// The control with exactly this id (`CC6.1`, `164.312(a)(1)`, `A.8.24`).
    pub fn control(&self, id: &str) -> Option<&Control> {
        self.controls.iter().find(|c| c.id == id)
    }

    /// Controls in catalogue order.
    pub fn iter(&self) -> std::slice::Iter<'_, Control> {
        self.controls.iter()
    }

    pub fn len(&self) -> usize {
        self.controls.len()
    }

    pub fn is_empty(&self) -> bool {
        self.controls.is_empty()
    }

    pub fn is_policy(&self) -> bool {
        self.kind == Kind::Policy
    }

    /// Controls that need evidence attached by a person.
    pub fn manual_controls(&self) -> impl Iterator<Item = &Control> {
        self.controls.iter().filter(|c| c.is_manual())
    }

    /// Controls whose id starts with `prefix` followed by a separator, or
    /// equals it: `under("CC6")` gives CC6.1..CC6.8, `under("3")`
    /// gives 3.1, 3.1.1, ... but not 30.1.
    pub fn under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a Control> + 'a {
        self.controls.iter().filter(move |c| {
            c.id == prefix
                || c.id
                    .strip_prefix(prefix)
                    .is_some_and(|rest| rest.starts_with(['.', '-', '(']) && !prefix.is_empty())
        })
    }

    /// The reference string for one of this framework's controls.
    pub fn reference(&self, control: &Control) -> String {
        format!("{}:{}", self.id, control.id)
    }
}

impl<'a> IntoIterator for &'a Framework {
    type Item = &'a Control;
    type IntoIter = std::slice::Iter<'a, Control>;
    fn into_iter(self) -> Self::IntoIter {
        self.controls.iter()
    }
}

#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Control {
    pub id: String,
    /// Title in our own words.
    pub title: String,
    /// When no automated check can evidence this control from code: what a
    /// person must attach instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manual: Option<String>,
}

impl Control {
    pub fn is_manual(&self) -> bool {
        self.manual.is_some()
    }
}

/// A parsed `framework:control` reference. Parsing only splits the text;
/// [`ControlRef::resolve`] checks it against the catalogues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ControlRef<'a> {
    pub framework: &'a str,
    pub control: &'a str,
}

impl<'a> ControlRef<'a> {
    /// Split `framework:control` at the first colon. Both parts must be
    /// non-empty and free of surrounding whitespace.
    pub fn parse(reference: &'a str) -> Option<Self> {
        let (framework, control) = reference.split_once(':')?;
        let clean = |s: &str| !s.is_empty() && s.trim() == s;
        (clean(framework) && clean(control)).then_some(ControlRef { framework, control })
    }

    pub fn resolve(&self) -> Option<(&'static Framework, &'static Control)> {
        let f = framework(self.framework)?;
        let c = f.control(self.control)?;
        Some((f, c))
    }
}

impl fmt::Display for ControlRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.framework, self.control)
    }
}

/// Embedded catalogues: (file stem, TOML text).
pub static SOURCES: &[(&str, &str)] = &[
    ("soc2", include_str!("../data/soc2.toml")),
    ("hipaa", include_str!("../data/hipaa.toml")),
    ("iso27001", include_str!("../data/iso27001.toml")),
    ("nist-csf", include_str!("../data/nist-csf.toml")),
    ("pci-dss", include_str!("../data/pci-dss.toml")),
    ("cis-controls", include_str!("../data/cis-controls.toml")),
    ("cis-aws", include_str!("../data/cis-aws.toml")),
    ("nis2", include_str!("../data/nis2.toml")),
    (
        "eng-pol-003-soc2",
        include_str!("../data/eng-pol-003-soc2.toml"),
    ),
    (
        "eng-pol-003-hipaa",
        include_str!("../data/eng-pol-003-hipaa.toml"),
    ),
    ("op-pol-001", include_str!("../data/op-pol-001.toml")),
    ("csf", include_str!("../data/csf.toml")),
    ("siac", include_str!("../data/siac.toml")),
];

/// Parse one catalogue text (also useful for user-supplied catalogues).
pub fn parse(text: &str) -> Result<Framework, toml::de::Error> {
    toml::from_str::<Framework>(text)
}

/// Every framework, parsed once. A file that does not parse is a build-time
/// bug caught by the tests; at run time it is skipped.
pub fn all() -> &'static [Framework] {
    static CELL: OnceLock<Vec<Framework>> = OnceLock::new();
    CELL.get_or_init(|| {
        SOURCES
            .iter()
            .filter_map(|(_, text)| parse(text).ok())
            .collect()
    })
}

/// External standards only.
pub fn standards() -> impl Iterator<Item = &'static Framework> {
    all().iter().filter(|f| f.kind == Kind::Standard)
}

/// Written policies only.
pub fn policies() -> impl Iterator<Item = &'static Framework> {
    all().iter().filter(|f| f.kind == Kind::Policy)
}

/// Look a framework up by id, ignoring ASCII case.
pub fn framework(id: &str) -> Option<&'static Framework> {
    all().iter().find(|f| f.id.eq_ignore_ascii_case(id))
}

/// Look up `framework:control`.
pub fn control(reference: &str) -> Option<(&'static Framework, &'static Control)> {
    ControlRef::parse(reference)?.resolve()
}

#[cfg(test)]
mod tests;
