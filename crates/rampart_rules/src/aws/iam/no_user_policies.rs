//! IAM users get permissions through groups or roles, not directly.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-IAM-005",
        name: "iam-no-user-policies",
        title: "IAM policies are attached to groups or roles, not directly to users",
        severity: Severity::Low,
        kinds: &[
            "aws_iam_user_policy",
            "aws_iam_user_policy_attachment",
            "aws_iam_policy_attachment",
        ],
        frameworks: &[
            "cis-aws:1.15",
            "soc2:CC6.3",
            "hipaa:164.308(a)(4)(ii)(C)",
            "iso27001:A.5.18",
            "iso27001:A.5.15",
            "nist-csf:PR.AA-05",
            "pci-dss:7.2.1",
            "cis-controls:6.8",
            "nis2:21.2.i",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.2",
            "ENG-POL-003-HIPAA:3.2.1",
            "ENG-POL-003-HIPAA:3.2.2",
            "CSF:2",
            "SIAC:3.2",
        ],
        aliases: &["CKV_AWS_40", "AVD-AWS-0143"],
        description: "Fails for every `aws_iam_user_policy` (an inline policy on a user) and \
            `aws_iam_user_policy_attachment`, and for an `aws_iam_policy_attachment` whose \
            `users` list is not empty. Attachments to groups and roles pass.",
        rationale: "Permissions granted user by user drift apart, are hard to review and \
            tend to survive role changes. Granting them through groups or roles makes access \
            follow the job function and keeps the periodic access review tractable.",
        remediation: "Put users in IAM groups (or, better, move people to IAM Identity \
            Center and workloads to roles) and attach the policies there.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_iam_user_policy_attachment" "alice" {
  user       = "alice"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_iam_policy_attachment" "readers" {
  name       = "readers"
  users      = ["alice"]
  groups     = ["auditors"]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_iam_policy_attachment" "readers" {
  name       = "readers"
  groups     = ["auditors"]
  roles      = ["readonly"]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      Policies:
        - PolicyName: read-data
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: arn:aws:s3:::acme-data/*
"##,
            },
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Alice:
    Type: AWS::IAM::User
  ReadData:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: read-data
      Users:
        - !Ref Alice
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: arn:aws:s3:::acme-data/*
"##,
            },
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Alice:
    Type: AWS::IAM::User
  ReadData:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Users:
        - !Ref Alice
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: arn:aws:s3:::acme-data/*
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Readers:
    Type: AWS::IAM::Group
  ReadData:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Groups:
        - !Ref Readers
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: arn:aws:s3:::acme-data/*
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let c = match res.kind.as_str() {
        "aws_iam_user_policy" => {
            Check::fail(res.span, "an inline policy is attached directly to a user").at("user")
        }
        "aws_iam_user_policy_attachment" => {
            Check::fail(res.span, "a managed policy is attached directly to a user").at("user")
        }
        _ => match field(&res.body, "users") {
            Field::Known(v, a) => match v.as_list() {
                Some(items) if !items.is_empty() => Check::fail(
                    a.span,
                    format!("the policy is attached directly to {} user(s)", items.len()),
                ),
                Some(_) => Check::pass(a.span, "the policy is attached to no user"),
                None => Check::unknown(a.span, "`users` is not a list"),
            },
            Field::Unknown(a) => {
                Check::unknown(a.span, "the `users` list is known only after apply")
            }
            Field::Missing => {
                Check::pass(res.span, "the policy is attached only to groups or roles")
            }
        }
        .at("users"),
    };
    vec![c]
}
