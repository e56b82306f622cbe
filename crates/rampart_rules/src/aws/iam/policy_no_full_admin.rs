//! IAM policies do not grant full administrative access.

use rampart_model::{Resource, Severity};

use crate::aws::iam::{full_admin, judge_policies, POLICY_KINDS};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-IAM-001",
        name: "iam-policy-no-full-admin",
        title: "IAM policies do not allow every action on every resource",
        severity: Severity::High,
        kinds: POLICY_KINDS,
        frameworks: &[
            "cis-aws:1.16",
            "soc2:CC6.1",
            "soc2:CC6.3",
            "hipaa:164.308(a)(4)(ii)(B)",
            "hipaa:164.312(a)(1)",
            "iso27001:A.8.2",
            "iso27001:A.5.15",
            "nist-csf:PR.AA-05",
            "pci-dss:7.2.1",
            "pci-dss:7.2.2",
            "cis-controls:5.4",
            "cis-controls:6.8",
            "nis2:21.2.i",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.2",
            "ENG-POL-003-HIPAA:3.2.1",
            "CSF:2",
            "SIAC:3.1",
            "SIAC:5.1",
            "ENG-POL-003-HIPAA:3.1.1",
        ],
        aliases: &["CKV_AWS_62", "AVD-AWS-0057"],
        description: "Parses the `policy` of `aws_iam_policy`, `aws_iam_role_policy`, \
            `aws_iam_user_policy`, `aws_iam_group_policy` and the `inline_policy` blocks of \
            `aws_iam_role` (written with `jsonencode`, as a \
            heredoc, or taken from a policy document data source) and fails when a statement \
            with `Effect: Allow` has `*` among its actions and `*` among its resources.",
        rationale: "`*:*` is the whole account: whoever holds the policy can read all data, \
            create users and keys, disable logging and delete backups. Such a grant defeats \
            least privilege and makes every compromise of that identity total.",
        remediation: "List the actions and resources the identity actually needs. For \
            genuine administrators, use a small set of roles assumed with MFA (or the \
            AWS-managed AdministratorAccess policy on a break-glass role) instead of custom \
            `*:*` policies.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_iam_role_policy" "ops" {
  name   = "ops"
  role   = "ops"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Everything",
      "Effect": "Allow",
      "Action": ["*"],
      "Resource": ["*"]
    }
  ]
}
EOT
}
"#,
            ),
            Example::tf_fail(
                r#"data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_group_policy" "admins" {
  name   = "admins"
  group  = "admins"
  policy = data.aws_iam_policy_document.admin.json
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "codebuild.amazonaws.com" }
    }]
  })
  inline_policy {
    name = "everything"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["*"]
        Resource = ["*"]
      }]
    })
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_iam_policy" "reader" {
  name = "reader"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:ListBucket"]
      Resource = ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"]
    }]
  })
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: '*'
            Resource: '*'
"##,
            },
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: ec2.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: admin
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: '*'
                Resource: '*'
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
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

fn check(res: &Resource, ctx: &Ctx) -> Vec<Check> {
    judge_policies(
        res,
        ctx,
        full_admin,
        "allows every action (`*`) on every resource (`*`)",
        "no statement allows every action on every resource",
    )
}
