//! S3 buckets do not grant access to everyone through ACLs.

use rampart_model::{Block, Resource, Severity, Value};

use crate::aws::s3::split;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

/// Canned ACLs that grant access beyond the owning account.
const PUBLIC_CANNED: &[&str] = &["public-read", "public-read-write", "authenticated-read"];
/// Grantee groups that mean "everyone" and "any AWS account".
const PUBLIC_GROUPS: &[&str] = &[
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
];

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-S3-010",
        name: "s3-no-public-acl",
        title: "S3 buckets do not grant public access through ACLs",
        severity: Severity::High,
        kinds: &["aws_s3_bucket"],
        frameworks: &[
            "soc2:CC6.1",
            "soc2:CC6.6",
            "hipaa:164.312(a)(1)",
            "iso27001:A.8.3",
            "iso27001:A.5.15",
            "nist-csf:PR.AA-05",
            "pci-dss:1.4.1",
            "pci-dss:7.2.1",
            "cis-controls:3.3",
            "nis2:21.2.i",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.2",
            "ENG-POL-003-HIPAA:3.3.1",
            "ENG-POL-003-HIPAA:3.2.1",
            "CSF:3",
        ],
        aliases: &["CKV_AWS_20", "CKV_AWS_57", "AVD-AWS-0092"],
        description: "Checks the bucket's ACL, written inline (`acl = ...`) or in an \
            `aws_s3_bucket_acl` that points at the bucket: the canned ACLs `public-read`, \
            `public-read-write` and `authenticated-read`, and explicit grants to the \
            `AllUsers` or `AuthenticatedUsers` groups, fail. Without an ACL the bucket is \
            private.",
        rationale: "A public ACL hands the bucket's listing or contents (and with \
            `public-read-write`, the right to upload) to anyone on the internet; \
            `authenticated-read` is no better, since any AWS account qualifies. Such grants \
            are a frequent cause of data leaks.",
        remediation: "Remove the public canned ACL or grant (use `private`, or better disable \
            ACLs with an `aws_s3_bucket_ownership_controls` set to `BucketOwnerEnforced`) and \
            serve public content through CloudFront with origin access control instead.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
  acl    = "public-read"
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = "public-read-write"
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "READ"
    }
    owner {
      id = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
    }
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = "private"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: Private
"##,
            },
        ],
    },
    check,
};

fn check(bucket: &Resource, ctx: &Ctx) -> Vec<Check> {
    let mut out = Vec::new();
    out.extend(judge_acl(&bucket.body, "the bucket"));
    for a in split(ctx, bucket, "aws_s3_bucket_acl") {
        out.extend(judge_acl(&a.body, &format!("`{}`", a.address)));
    }
    let bad: Vec<Check> = out
        .iter()
        .filter(|c| c.status != rampart_model::Status::Pass)
        .cloned()
        .collect();
    if !bad.is_empty() {
        return bad;
    }
    if out.is_empty() {
        return vec![Check::pass(
            bucket.span,
            "no ACL is set, so the bucket is private to its owner",
        )
        .at("acl")];
    }
    out
}

fn judge_acl(b: &Block, where_: &str) -> Vec<Check> {
    let mut out = Vec::new();
    match field(b, "acl") {
        Field::Known(v, a) => match v.as_str() {
            Some(s) if PUBLIC_CANNED.contains(&s) => out.push(
                Check::fail(a.span, format!("{where_} uses the public canned ACL `{s}`")).at("acl"),
            ),
            Some(s) => {
                out.push(Check::pass(a.span, format!("{where_} uses the ACL `{s}`")).at("acl"))
            }
            None => {}
        },
        Field::Unknown(a) => out.push(
            Check::unknown(
                a.span,
                format!("the ACL of {where_} is known only after apply"),
            )
            .at("acl"),
        ),
        Field::Missing => {}
    }
    for policy in b.blocks("access_control_policy") {
        for grant in policy.blocks("grant") {
            let Some(grantee) = grant.block("grantee") else {
                continue;
            };
            if let Some(a) = grantee.attr("uri") {
                match a.value.as_str() {
                    Some(uri) if PUBLIC_GROUPS.contains(&uri) => out.push(
                        Check::fail(
                            grant.span,
                            format!(
                                "{where_} grants {} to the group `{uri}`",
                                grant
                                    .value("permission")
                                    .and_then(Value::as_str)
                                    .unwrap_or("access")
                            ),
                        )
                        .at("access_control_policy.grant"),
                    ),
                    Some(_) => {}
                    None if !a.value.is_null() => out.push(
                        Check::unknown(a.span, "a grantee URI is known only after apply")
                            .at("access_control_policy.grant"),
                    ),
                    None => {}
                }
            }
        }
        if !out
            .iter()
            .any(|c| c.attr.as_deref() == Some("access_control_policy.grant"))
        {
            out.push(
                Check::pass(
                    policy.span,
                    format!("{where_} grants nothing to public groups"),
                )
                .at("access_control_policy"),
            );
        }
    }
    out
}
