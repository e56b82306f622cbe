//! `rampart.toml`: project settings. Unknown keys are rejected with a message
//! naming the key, so a typo never silently changes what is scanned.
//!
//! ```toml
//! [scan]
//! select = ["RMP-AWS"]           # rule ids, names or id prefixes
//! ignore = ["RMP-AWS-EC2-002"]
//! exclude = ["test/**", "**/fixtures/**"]
//! var_files = ["env/prod.tfvars"] # relative to this file
//! severity_threshold = "high"
//! allow_parse_errors = false
//!
//! [severity]                     # per-rule severity overrides
//! "RMP-AWS-S3-005" = "low"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rampart_model::Severity;

pub const FILE_NAME: &str = "rampart.toml";

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub scan: ScanSection,
    /// Rule id or name → severity.
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
    /// Directory of the file (var_files resolve against it).
    #[serde(skip)]
    pub dir: PathBuf,
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanSection {
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub var_files: Vec<PathBuf>,
    pub severity_threshold: Option<String>,
    pub allow_parse_errors: Option<bool>,
}

impl Config {
    /// Parse a config file; errors name the file and the problem (line and
    /// column, unknown key).
    pub fn load(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let mut c: Config = toml::from_str(&text)
            .map_err(|e| format!("{}: {}", path.display(), e.to_string().trim_end()))?;
        for (rule, sev) in &c.severity {
            if Severity::parse(sev).is_none() {
                return Err(format!(
                    "{}: [severity] {rule:?} = {sev:?}: expected one of info, low, medium, high, critical",
                    path.display()
                ));
            }
        }
        if let Some(t) = &c.scan.severity_threshold {
            if Severity::parse(t).is_none() {
                return Err(format!(
                    "{}: scan.severity_threshold = {t:?}: expected one of info, low, medium, high, critical",
                    path.display()
                ));
            }
        }
        c.dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        c.path = Some(path.to_path_buf());
        Ok(c)
    }

    /// Find `rampart.toml` in `start` or the nearest parent directory.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let abs = std::fs::canonicalize(start).ok()?;
        let mut dir = if abs.is_file() {
            abs.parent()?.to_path_buf()
        } else {
            abs
        };
        loop {
            let candidate = dir.join(FILE_NAME);
            if candidate.is_file() {
                return Some(candidate);
            }
            if !dir.pop() {
                return None;
            }
        }
    }

    pub fn severity_overrides(&self) -> Vec<(String, Severity)> {
        self.severity
            .iter()
            .filter_map(|(k, v)| Severity::parse(v).map(|s| (k.clone(), s)))
            .collect()
    }

    pub fn var_files(&self) -> Vec<PathBuf> {
        self.scan
            .var_files
            .iter()
            .map(|p| self.dir.join(p))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_unknown_keys() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join(FILE_NAME);
        std::fs::write(&p, "[scan]\nselct = [\"x\"]\n").expect("write");
        let err = Config::load(&p).expect_err("unknown key must fail");
        assert!(err.contains("selct"), "{err}");
    }

    #[test]
    fn loads_and_discovers_upward() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join(FILE_NAME);
        std::fs::write(
            &p,
            "[scan]\nselect = [\"RMP-AWS-S3\"]\nvar_files = [\"a.tfvars\"]\n[severity]\n\"RMP-AWS-S3-005\" = \"low\"\n",
        )
        .expect("write");
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).expect("mkdir");
        let found = Config::discover(&sub).expect("found upward");
        let c = Config::load(&found).expect("loads");
        assert_eq!(c.scan.select, vec!["RMP-AWS-S3".to_string()]);
        assert_eq!(
            c.severity_overrides(),
            vec![("RMP-AWS-S3-005".to_string(), Severity::Low)]
        );
        assert!(c.var_files()[0].ends_with("a.tfvars"));
    }

    #[test]
    fn rejects_bad_severity() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join(FILE_NAME);
        std::fs::write(&p, "[severity]\nX = \"urgent\"\n").expect("write");
        assert!(Config::load(&p).is_err());
    }
}
