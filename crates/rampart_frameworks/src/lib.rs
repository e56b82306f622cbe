//! Control catalogues as data.
//!
//! Each framework is one TOML file under `data/`, embedded at build time and
//! parsed once on first use. A control reference is written
//! `framework:control` (`soc2:CC6.1`, `ENG-POL-003-HIPAA:3.4.1`).

use std::sync::OnceLock;

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Short id used in references (`soc2`, `hipaa`, `cis-aws`).
    pub id: String,
    pub name: String,
    pub version: String,
    /// `standard` for external frameworks, `policy` for a company's written policy.
    #[serde(default = "default_kind")]
    pub kind: String,
    #[serde(default, rename = "control")]
    pub controls: Vec<Control>,
}

fn default_kind() -> String {
    "standard".into()
}

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Control {
    pub id: String,
    /// Title in our own words.
    pub title: String,
    /// When no automated check can evidence this control from code: what a
    /// person must attach instead.
    #[serde(default)]
    pub manual: Option<String>,
}

static SOURCES: &[(&str, &str)] = &[("soc2", include_str!("../data/soc2.toml"))];

/// Every framework, parsed once. A file that does not parse is a build-time
/// bug caught by the tests; at run time it is skipped.
pub fn all() -> &'static [Framework] {
    static CELL: OnceLock<Vec<Framework>> = OnceLock::new();
    CELL.get_or_init(|| {
        SOURCES
            .iter()
            .filter_map(|(_, text)| toml::from_str::<Framework>(text).ok())
            .collect()
    })
}

pub fn framework(id: &str) -> Option<&'static Framework> {
    all().iter().find(|f| f.id.eq_ignore_ascii_case(id))
}

/// Look up `framework:control`.
pub fn control(reference: &str) -> Option<(&'static Framework, &'static Control)> {
    let (fw, ctrl) = reference.split_once(':')?;
    let f = framework(fw)?;
    let c = f.controls.iter().find(|c| c.id == ctrl)?;
    Some((f, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_parses() {
        for (name, text) in SOURCES {
            if let Err(e) = toml::from_str::<Framework>(text) {
                panic!("data/{name}.toml does not parse: {e}");
            }
        }
        assert_eq!(all().len(), SOURCES.len());
    }

    #[test]
    fn lookup_by_reference() {
        let (f, c) = control("soc2:CC6.1").expect("CC6.1 present");
        assert_eq!(f.id, "soc2");
        assert!(!c.title.is_empty());
        assert!(control("soc2:CC99.9").is_none());
        assert!(control("nope").is_none());
    }
}
