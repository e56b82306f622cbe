//! A secret that cannot be printed in full.

use std::fmt;

/// Holds a secret value. `Display`, `Debug` and `Serialize` show at most a
/// short prefix and the length, never the value.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Redacted(String);

impl Redacted {
    pub fn new(secret: impl Into<String>) -> Self {
        Redacted(secret.into())
    }

    /// The masked form used everywhere a secret is shown: up to four leading
    /// characters (fewer for short values) followed by the length.
    pub fn masked(&self) -> String {
        let n = self.0.chars().count();
        let keep = match n {
            0..=7 => 0,
            8..=15 => 2,
            _ => 4,
        };
        let prefix: String = self.0.chars().take(keep).collect();
        format!("{prefix}***({n} chars)")
    }

    /// Access for detectors that must compare or hash the value. Never print it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Redacted({})", self.masked())
    }
}

impl serde::Serialize for Redacted {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.masked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_shows_the_secret() {
        let s = Redacted::new("AKIAIOSFODNN7EXAMPLE");
        assert_eq!(s.to_string(), "AKIA***(20 chars)");
        assert!(!format!("{s:?}").contains("IOSFODNN7"));
        assert_eq!(Redacted::new("hunter2").to_string(), "***(7 chars)");
    }
}
