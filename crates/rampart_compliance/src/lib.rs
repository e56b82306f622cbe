//! Compliance evidence for auditors.
//!
//! * [`assess`]: per control of a catalogue (or of a company policy given as a
//!   [`Mapping`]) its status, the rules behind it, resources evaluated,
//!   failing resources with file:line and the exceptions acting on it; totals
//!   and coverage. Status definitions are in [`assess`](mod@assess).
//! * [`exceptions::register`]: every suppression with its justification,
//!   expired ones counted as failures, optional maximum exception age.
//! * [`render`]: HTML (one self-contained file), Markdown, JSON, CSV.
//! * [`evidence`]: a bundle directory with the reports, the raw scan, input
//!   digests, rule-set digest, git state and a `manifest.json` hashing it all,
//!   optionally signed with ed25519; [`evidence::verify`] detects any edited,
//!   added or removed file.
//!
//! Nothing here panics on input: bad files are errors, odd reports render.

pub mod assess;
pub mod collect;
pub mod evidence;
pub mod exceptions;
pub mod input;
pub mod mapping;
pub mod meta;
pub mod render;
pub mod util;

pub use assess::{assess, assess_with, Assessment, ControlAssessment, ControlStatus, Totals};
pub use exceptions::{register, ExceptionPolicy, ExceptionRegister};
pub use mapping::Mapping;
pub use meta::{git_info, GitInfo, ScanMeta};

use serde::Serialize;

/// Everything one compliance report shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComplianceReport {
    /// `rampart-compliance/1`.
    pub format: &'static str,
    pub meta: ScanMeta,
    pub assessment: Assessment,
    pub exceptions: ExceptionRegister,
}

/// The `format` value of the JSON rendering.
pub const FORMAT: &str = "rampart-compliance/1";

impl ComplianceReport {
    /// Assess `report` against `framework` (plus `mapping`) and build the
    /// exception register with `policy`.
    pub fn build(
        report: &rampart_model::report::Report,
        framework: &rampart_frameworks::Framework,
        mapping: Option<&Mapping>,
        policy: &ExceptionPolicy,
        lookup: Option<exceptions::LineLookup<'_>>,
        meta: ScanMeta,
    ) -> ComplianceReport {
        let register = exceptions::register(report, policy, lookup);
        let assessment = assess_with(report, framework, mapping, Some(&register));
        ComplianceReport {
            format: FORMAT,
            meta,
            assessment,
            exceptions: register,
        }
    }
}

/// Resolve the catalogue to assess: a built-in framework id, the mapping's
/// own policy, or both (the mapping then adds evidence to the catalogue).
pub fn resolve_framework(
    framework: Option<&str>,
    mapping: Option<&Mapping>,
) -> Result<rampart_frameworks::Framework, String> {
    match (framework, mapping) {
        (Some(id), _) => rampart_frameworks::framework(id).cloned().ok_or_else(|| {
            let known: Vec<&str> = rampart_frameworks::all()
                .iter()
                .map(|f| f.id.as_str())
                .collect();
            format!("unknown framework {id:?} (known: {})", known.join(", "))
        }),
        (None, Some(m)) => Ok(m.to_framework()),
        (None, None) => Err("give --framework ID or --mapping FILE".into()),
    }
}
