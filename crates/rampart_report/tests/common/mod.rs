//! The one sample report every reporter test renders.
//!
//! It covers: several files (one path with a space), every status, every
//! severity, an inline suppression with reason, owner and expiry, a config
//! suppression, a resource inside a module with a `for_each` key, a provider
//! address with quotes, a message and snippet with a redacted secret,
//! multi-line and single-line spans, and errors with and without a column.

#![allow(dead_code)]

use rampart_model::report::{
    Finding, Report, RuleInfo, ScanError, SeverityCounts, Snippet, Summary, Suppression, Tool,
};
use rampart_model::{Severity, Status};

/// The masked form of the fake access key that appears in the sample.
pub const MASKED_SECRET: &str = "AKIA***(20 chars)";

fn rule(
    id: &str,
    name: &str,
    title: &str,
    severity: Severity,
    frameworks: &[&str],
    aliases: &[&str],
) -> RuleInfo {
    RuleInfo {
        id: id.into(),
        name: name.into(),
        title: title.into(),
        severity,
        description: format!("Checks that {}.", title.to_lowercase()),
        rationale: "Misconfigured storage is the most common cause of cloud data exposure.".into(),
        remediation: format!("Fix the configuration flagged by {id}.").into(),
        frameworks: frameworks.iter().map(|s| s.to_string()).collect(),
        policies: vec![].into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
    }
}

pub fn rules() -> Vec<RuleInfo> {
    let mut rules = vec![
        rule(
            "RMP-AWS-EC2-001",
            "security-group-open-ssh",
            "Security group allows SSH from the internet",
            Severity::High,
            &["cis-aws:5.2", "soc2:CC6.6"],
            &["CKV_AWS_24", "AVD-AWS-0107"],
        ),
        rule(
            "RMP-AWS-EC2-020",
            "instance-detailed-monitoring",
            "EC2 instance has detailed monitoring enabled",
            Severity::Info,
            &[],
            &["CKV_AWS_126"],
        ),
        rule(
            "RMP-AWS-IAM-004",
            "no-hardcoded-access-keys",
            "No hard-coded AWS access keys",
            Severity::Critical,
            &["soc2:CC6.1", "pci-dss-4.0:8.3.1"],
            &["CKV_AWS_41"],
        ),
        rule(
            "RMP-AWS-S3-001",
            "s3-bucket-public-acl",
            "S3 bucket ACL does not allow public access",
            Severity::Critical,
            &["soc2:CC6.1", "cis-aws:2.1.5"],
            &["CKV_AWS_20", "AVD-AWS-0092"],
        ),
        rule(
            "RMP-AWS-S3-002",
            "s3-bucket-versioning",
            "S3 bucket versioning is enabled",
            Severity::High,
            &["soc2:A1.2", "hipaa:164.312(c)(1)"],
            &["CKV_AWS_21", "AVD-AWS-0090"],
        ),
        rule(
            "RMP-AWS-S3-003",
            "s3-bucket-cmk-encryption",
            "S3 bucket is encrypted with a customer-managed KMS key",
            Severity::Medium,
            &["soc2:CC6.1"],
            &["CKV_AWS_145", "AVD-AWS-0132"],
        ),
        rule(
            "RMP-AWS-S3-010",
            "s3-bucket-access-logging",
            "S3 bucket access logging is enabled",
            Severity::Low,
            &["cis-aws:2.1.1"],
            &["CKV_AWS_18", "AVD-AWS-0089"],
        ),
    ];
    rules[3].policies = vec!["ENG-POL-003-HIPAA:3.4.1".into()].into();
    rules
}

struct F {
    rule: &'static str,
    status: Status,
    resource: &'static str,
    kind: &'static str,
    file: &'static str,
    span: (usize, usize, usize, usize),
    message: &'static str,
    attribute: Option<&'static str>,
    suppression: Option<Suppression>,
    snippet: Option<(usize, &'static [&'static str])>,
}

fn finding(rules: &[RuleInfo], f: F) -> Finding {
    let r = rules
        .iter()
        .find(|r| r.id == f.rule.into())
        .expect("sample finding refers to a sample rule");
    Finding {
        rule_id: r.id.clone(),
        rule_name: r.name.clone(),
        aliases: r.aliases.clone(),
        title: r.title.clone(),
        severity: r.severity,
        status: f.status,
        resource: f.resource.into(),
        resource_kind: f.kind.into(),
        file: f.file.into(),
        line: f.span.0,
        column: f.span.1,
        end_line: f.span.2,
        end_column: f.span.3,
        message: f.message.into(),
        remediation: r.remediation.clone(),
        frameworks: r.frameworks.clone(),
        policies: r.policies.clone(),
        attribute: f.attribute.map(String::from),
        suppressed: f.suppression.is_some(),
        suppression: f.suppression,
        // Stand-ins for the engine's digest: fixed, distinct hex strings.
        fingerprint: format!(
            "{:016x}",
            f.rule
                .bytes()
                .chain(f.resource.bytes())
                .chain(f.attribute.unwrap_or("").bytes())
                .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                    (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
                })
        ),
        snippet: f.snippet.map(|(start, lines)| {
            std::sync::Arc::new(Snippet {
                start_line: start,
                lines: lines.iter().map(|s| s.to_string()).collect(),
            })
        }),
    }
}

pub fn sample_report() -> Report {
    let rules = rules();
    let findings = vec![
        // env/prod vars/network.tf
        F {
            rule: "RMP-AWS-EC2-001",
            status: Status::Fail,
            resource: "aws_security_group.ssh",
            kind: "aws_security_group",
            file: "env/prod vars/network.tf",
            span: (4, 3, 9, 4),
            message: "ingress rule opens port 22 to 0.0.0.0/0",
            attribute: Some("ingress"),
            suppression: None,
            snippet: Some((
                4,
                &[
                    "  ingress {",
                    "    from_port   = 22",
                    "    to_port     = 22",
                    "    protocol    = \"tcp\"",
                    "    cidr_blocks = [\"0.0.0.0/0\"]",
                    "  }",
                ],
            )),
        },
        F {
            rule: "RMP-AWS-EC2-020",
            status: Status::Pass,
            resource: "aws_instance.bastion",
            kind: "aws_instance",
            file: "env/prod vars/network.tf",
            span: (22, 3, 22, 20),
            message: "detailed monitoring is enabled",
            attribute: Some("monitoring"),
            suppression: None,
            snippet: Some((22, &["  monitoring = true"])),
        },
        // main.tf
        F {
            rule: "RMP-AWS-S3-002",
            status: Status::Unknown,
            resource: "aws_s3_bucket.data",
            kind: "aws_s3_bucket",
            file: "main.tf",
            span: (1, 1, 1, 32),
            message: "versioning depends on var.enable_versioning, which has no value",
            attribute: Some("versioning.enabled"),
            suppression: None,
            snippet: Some((1, &["resource \"aws_s3_bucket\" \"data\" {"])),
        },
        F {
            rule: "RMP-AWS-S3-001",
            status: Status::Fail,
            resource: "aws_s3_bucket.data",
            kind: "aws_s3_bucket",
            file: "main.tf",
            span: (3, 3, 3, 22),
            message: "bucket ACL \"public-read\" lets anyone list and read objects",
            attribute: Some("acl"),
            suppression: None,
            snippet: Some((3, &["  acl = \"public-read\""])),
        },
        F {
            rule: "RMP-AWS-IAM-004",
            status: Status::Fail,
            resource: "provider[\"registry.terraform.io/hashicorp/aws\"]",
            kind: "provider",
            file: "main.tf",
            span: (10, 2, 10, 34),
            message: "access_key holds a literal AWS access key AKIA***(20 chars)",
            attribute: Some("access_key"),
            suppression: None,
            snippet: Some((10, &["\taccess_key = \"AKIA***(20 chars)\""])),
        },
        F {
            rule: "RMP-AWS-S3-003",
            status: Status::Fail,
            resource: "aws_s3_bucket.audit",
            kind: "aws_s3_bucket",
            file: "main.tf",
            span: (14, 1, 14, 33),
            message: "bucket is encrypted with SSE-S3, not a customer-managed KMS key",
            attribute: Some("server_side_encryption_configuration"),
            suppression: Some(Suppression {
                kind: "inline".into(),
                reason: "Audit bucket uses SSE-S3 under policy exception PE-12".into(),
                expires: Some("2027-01-31".into()),
                owner: Some("platform-team".into()),
                location: "main.tf:13".into(),
            }),
            snippet: Some((14, &["resource \"aws_s3_bucket\" \"audit\" {"])),
        },
        F {
            rule: "RMP-AWS-S3-010",
            status: Status::NotApplicable,
            resource: "aws_s3_bucket.access_logs",
            kind: "aws_s3_bucket",
            file: "main.tf",
            span: (20, 1, 20, 39),
            message: "the bucket is itself an access-log target",
            attribute: None,
            suppression: None,
            snippet: None,
        },
        // modules/app/s3.tf
        F {
            rule: "RMP-AWS-S3-002",
            status: Status::Fail,
            resource: "module.app.aws_s3_bucket.logs[\"a\"]",
            kind: "aws_s3_bucket",
            file: "modules/app/s3.tf",
            span: (5, 1, 8, 2),
            message: "no aws_s3_bucket_versioning resource enables versioning for this bucket",
            attribute: Some("versioning.enabled"),
            suppression: None,
            snippet: Some((
                5,
                &[
                    "resource \"aws_s3_bucket\" \"logs\" {",
                    "  for_each = toset([\"a\", \"b\"])",
                    "  bucket   = \"logs-${each.key}\"",
                    "}",
                ],
            )),
        },
        F {
            rule: "RMP-AWS-S3-010",
            status: Status::Fail,
            resource: "module.app.aws_s3_bucket.logs[\"a\"]",
            kind: "aws_s3_bucket",
            file: "modules/app/s3.tf",
            span: (5, 1, 8, 2),
            message: "access logging is not configured",
            attribute: Some("logging"),
            suppression: Some(Suppression {
                kind: "config".into(),
                reason: "Access logs are collected by the central audit account".into(),
                expires: None,
                owner: None,
                location: "rampart.toml:12".into(),
            }),
            snippet: Some((
                5,
                &[
                    "resource \"aws_s3_bucket\" \"logs\" {",
                    "  for_each = toset([\"a\", \"b\"])",
                    "  bucket   = \"logs-${each.key}\"",
                    "}",
                ],
            )),
        },
        F {
            rule: "RMP-AWS-S3-001",
            status: Status::Pass,
            resource: "module.app.aws_s3_bucket.logs[\"b\"]",
            kind: "aws_s3_bucket",
            file: "modules/app/s3.tf",
            span: (5, 1, 8, 2),
            message: "no public ACL is set",
            attribute: Some("acl"),
            suppression: None,
            snippet: None,
        },
    ];
    let findings: Vec<Finding> = findings.into_iter().map(|f| finding(&rules, f)).collect();

    let errors = vec![
        ScanError {
            level: "error".into(),
            code: "parse".into(),
            file: "broken/bad file.tf".into(),
            line: Some(7),
            column: Some(12),
            message: "expected `=` or a block body after the attribute name".into(),
        },
        ScanError {
            level: "warning".into(),
            code: "module-unavailable".into(),
            file: "main.tf".into(),
            line: Some(30),
            column: None,
            message:
                "module \"vpc\" source is not available offline; its resources were not scanned"
                    .into(),
        },
    ];

    Report {
        version: "1.0".into(),
        tool: Tool {
            name: "rampart".into(),
            version: "0.1.0".into(),
        },
        summary: Summary {
            files_scanned: 5,
            resources: 8,
            rules: rules.len(),
            failed: 4,
            passed: 2,
            unknown: 1,
            not_applicable: 1,
            suppressed: 2,
            baselined: 3,
            errors: errors.len(),
            by_severity: SeverityCounts {
                critical: 2,
                high: 2,
                medium: 0,
                low: 0,
                info: 0,
            },
            duration_ms: 1234,
        },
        findings,
        errors,
        rules,
    }
}
