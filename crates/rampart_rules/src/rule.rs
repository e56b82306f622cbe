//! The rule interface.

use rampart_model::{Resource, Severity, Span, Status};

use crate::ctx::Ctx;

/// Which front end an example is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExampleFormat {
    Terraform,
    CloudFormation,
    Dockerfile,
    Kubernetes,
    GithubActions,
}

/// A documented example, executed as a test: a failing example must make the
/// rule fail at least once, a passing example must make it fail nowhere.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Example {
    pub pass: bool,
    pub format: ExampleFormat,
    pub code: &'static str,
}

impl Example {
    pub const fn tf_pass(code: &'static str) -> Example {
        Example {
            pass: true,
            format: ExampleFormat::Terraform,
            code,
        }
    }
    pub const fn dockerfile_pass(code: &'static str) -> Example {
        Example {
            pass: true,
            format: ExampleFormat::Dockerfile,
            code,
        }
    }
    pub const fn dockerfile_fail(code: &'static str) -> Example {
        Example {
            pass: false,
            format: ExampleFormat::Dockerfile,
            code,
        }
    }
    pub const fn k8s_pass(code: &'static str) -> Example {
        Example {
            pass: true,
            format: ExampleFormat::Kubernetes,
            code,
        }
    }
    pub const fn k8s_fail(code: &'static str) -> Example {
        Example {
            pass: false,
            format: ExampleFormat::Kubernetes,
            code,
        }
    }
    pub const fn gha_pass(code: &'static str) -> Example {
        Example {
            pass: true,
            format: ExampleFormat::GithubActions,
            code,
        }
    }
    pub const fn gha_fail(code: &'static str) -> Example {
        Example {
            pass: false,
            format: ExampleFormat::GithubActions,
            code,
        }
    }
    pub const fn tf_fail(code: &'static str) -> Example {
        Example {
            pass: false,
            format: ExampleFormat::Terraform,
            code,
        }
    }
}

/// Everything about a rule except its check.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct RuleMeta {
    /// Stable id, never reused: `RMP-AWS-<SERVICE>-<NNN>`.
    pub id: &'static str,
    /// Kebab-case name, unique: `s3-bucket-versioning`.
    pub name: &'static str,
    /// One line, says what must hold ("S3 buckets keep object versions").
    pub title: &'static str,
    pub severity: Severity,
    /// Canonical resource kinds the rule examines (`aws_s3_bucket`).
    pub kinds: &'static [&'static str],
    /// Framework controls, `framework:control` (`cis-aws:2.1.1`, `soc2:CC6.1`,
    /// `hipaa:164.312(a)(2)(iv)`, `iso27001:A.8.24`, `nist-csf:PR.DS-01`,
    /// `pci-dss:3.5.1`, `cis-controls:3.11`, `nis2:21.2.h`).
    pub frameworks: &'static [&'static str],
    /// Sections of the written policies (`ENG-POL-003-HIPAA:3.4.1`,
    /// `ENG-POL-003-SOC2:3.2`, `OP-POL-001:3.1`, `CSF:4`, `SIAC:...`).
    pub policies: &'static [&'static str],
    /// Equivalent ids in other tools (`CKV_AWS_19`, `AVD-AWS-0088`).
    pub aliases: &'static [&'static str],
    /// What the rule checks, in a few sentences.
    pub description: &'static str,
    /// Why it matters.
    pub rationale: &'static str,
    /// How to fix it (prose; a snippet belongs in the passing example).
    pub remediation: &'static str,
    pub examples: &'static [Example],
}

/// One result of a rule on one resource.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub status: Status,
    /// The offending attribute, or the block when the attribute is missing.
    pub span: Span,
    pub message: String,
    /// Attribute path the result is about (`versioning.enabled`), for baselines.
    pub attr: Option<String>,
}

impl Check {
    pub fn new(status: Status, span: Span, message: impl Into<String>) -> Check {
        Check {
            status,
            span,
            message: message.into(),
            attr: None,
        }
    }
    pub fn fail(span: Span, message: impl Into<String>) -> Check {
        Check::new(Status::Fail, span, message)
    }
    pub fn pass(span: Span, message: impl Into<String>) -> Check {
        Check::new(Status::Pass, span, message)
    }
    pub fn unknown(span: Span, message: impl Into<String>) -> Check {
        Check::new(Status::Unknown, span, message)
    }
    pub fn not_applicable(span: Span, message: impl Into<String>) -> Check {
        Check::new(Status::NotApplicable, span, message)
    }
    /// Name the attribute path the result is about.
    pub fn at(mut self, attr: impl Into<String>) -> Check {
        self.attr = Some(attr.into());
        self
    }
}

/// The check function: called once per resource whose kind is in
/// `meta.kinds`; returns one or more results (usually one).
pub type CheckFn = fn(&Resource, &Ctx) -> Vec<Check>;

/// A built-in rule.
pub struct Rule {
    pub meta: RuleMeta,
    pub check: CheckFn,
}

impl Rule {
    pub fn applies_to(&self, kind: &str) -> bool {
        self.meta.kinds.contains(&kind)
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("id", &self.meta.id).finish()
    }
}
