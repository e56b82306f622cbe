//! Supply-chain pinning: modules, providers, the Terraform version and the
//! dependency lock file. Shared parsing of module sources and version
//! constraints lives here.

pub mod lock_file;
pub mod module_git_commit;
pub mod module_git_ref;
pub mod module_registry_version;
pub mod provider_version;
pub mod required_version;

/// Where a module comes from, as Terraform reads its `source` argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModuleSource<'a> {
    /// `./x`, `../x`: part of this repository.
    Local,
    /// A registry address: `namespace/name/system` or `host/namespace/name/system`.
    Registry,
    /// A git or Mercurial repository; `reference` is the `ref=` query value.
    Vcs { reference: Option<&'a str> },
    /// An archive over HTTP(S), S3 or GCS, or anything else.
    Other,
}

pub fn classify(source: &str) -> ModuleSource<'_> {
    let s = source.trim();
    if s.starts_with("./") || s.starts_with("../") {
        return ModuleSource::Local;
    }
    let vcs = s.starts_with("git::")
        || s.starts_with("hg::")
        || s.starts_with("git@")
        || s.starts_with("github.com/")
        || s.starts_with("bitbucket.org/")
        || s.contains(".git?")
        || s.ends_with(".git")
        || s.contains(".git//");
    if vcs {
        let reference = s.split_once('?').and_then(|(_, q)| {
            q.split('&')
                .find_map(|kv| kv.strip_prefix("ref="))
                .map(|r| r.split("//").next().unwrap_or(r))
        });
        return ModuleSource::Vcs { reference };
    }
    if s.contains("::") || s.starts_with("http://") || s.starts_with("https://") {
        return ModuleSource::Other;
    }
    let parts: Vec<&str> = s.split("//").next().unwrap_or(s).split('/').collect();
    let segment_ok = |p: &&str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
    };
    let registry = match parts.len() {
        3 => parts.iter().all(segment_ok),
        4 => parts[0].contains('.') && parts.iter().all(segment_ok),
        _ => false,
    };
    if registry {
        ModuleSource::Registry
    } else {
        ModuleSource::Other
    }
}

/// A full 40-character commit SHA.
pub fn is_commit_sha(r: &str) -> bool {
    r.len() == 40 && r.chars().all(|c| c.is_ascii_hexdigit())
}

/// Names that are branches by convention; a reference to a branch moves.
pub fn looks_like_branch(r: &str) -> bool {
    matches!(
        r.to_ascii_lowercase().as_str(),
        "main"
            | "master"
            | "develop"
            | "development"
            | "dev"
            | "trunk"
            | "head"
            | "default"
            | "stable"
            | "latest"
    ) || r.contains('/')
}

/// An exact version: `1.2.3`, `=1.2.3`, `v1.2.3`, with an optional pre-release.
pub fn is_exact_version(c: &str) -> bool {
    let v = c
        .trim()
        .trim_start_matches('=')
        .trim()
        .trim_start_matches('v');
    let core = v.split(['-', '+']).next().unwrap_or(v);
    let nums: Vec<&str> = core.split('.').collect();
    nums.len() == 3
        && nums
            .iter()
            .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// A constraint has an upper bound when some part of it limits upgrades:
/// `~>`, `<`, `<=`, `=` or a bare version. `>= 5.0` alone is open-ended.
pub fn has_upper_bound(c: &str) -> bool {
    c.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .any(|p| {
            p.starts_with("~>")
                || p.starts_with('<')
                || (p.starts_with('=') && !p.starts_with("=>"))
                || p.chars()
                    .next()
                    .is_some_and(|ch| ch.is_ascii_digit() || ch == 'v')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_sources() {
        assert_eq!(classify("./modules/x"), ModuleSource::Local);
        assert_eq!(
            classify("terraform-aws-modules/vpc/aws"),
            ModuleSource::Registry
        );
        assert_eq!(
            classify("app.terraform.io/acme/vpc/aws"),
            ModuleSource::Registry
        );
        assert_eq!(
            classify("git::https://example.com/m.git?ref=v1.2.0"),
            ModuleSource::Vcs {
                reference: Some("v1.2.0")
            }
        );
        assert_eq!(
            classify("github.com/acme/mods//vpc?ref=0123456789abcdef0123456789abcdef01234567"),
            ModuleSource::Vcs {
                reference: Some("0123456789abcdef0123456789abcdef01234567")
            }
        );
        assert_eq!(
            classify("git@github.com:acme/m.git"),
            ModuleSource::Vcs { reference: None }
        );
        assert_eq!(classify("https://example.com/m.zip"), ModuleSource::Other);
        assert_eq!(
            classify("s3::https://s3.amazonaws.com/b/m.zip"),
            ModuleSource::Other
        );
    }

    #[test]
    fn versions_and_constraints() {
        assert!(is_exact_version("1.2.3"));
        assert!(is_exact_version("= 1.2.3"));
        assert!(is_exact_version("1.2.3-beta.1"));
        assert!(!is_exact_version("~> 1.2"));
        assert!(!is_exact_version(">= 1.2.3"));
        assert!(has_upper_bound("~> 5.0"));
        assert!(has_upper_bound(">= 5.0, < 6.0"));
        assert!(has_upper_bound("5.100.0"));
        assert!(!has_upper_bound(">= 5.0"));
        assert!(!has_upper_bound(">= 4.0, != 4.5.0"));
        assert!(is_commit_sha("0123456789abcdef0123456789abcdef01234567"));
        assert!(!is_commit_sha("v1.2.0"));
        assert!(looks_like_branch("main"));
        assert!(looks_like_branch("feature/x"));
        assert!(!looks_like_branch("v1.2.0"));
    }
}
