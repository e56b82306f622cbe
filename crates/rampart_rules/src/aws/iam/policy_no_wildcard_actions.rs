//! IAM policies do not allow the wildcard action.

use rampart_model::{Resource, Severity};

use crate::aws::iam::{judge_policies, wildcard_actions, POLICY_KINDS};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-IAM-002",
        name: "iam-policy-no-wildcard-actions",
        title: "IAM policies do not allow the `*` action",
        severity: Severity::High,
        kinds: POLICY_KINDS,
        frameworks: &[
            "soc2:CC6.1",
            "soc2:CC6.3",
            "hipaa:164.308(a)(4)(ii)(B)",
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
        ],
        aliases: &["CKV_AWS_63", "AVD-AWS-0057"],
        description: "Parses the `policy` of `aws_iam_policy`, `aws_iam_role_policy`, \
            `aws_iam_user_policy`, `aws_iam_group_policy` and the `inline_policy` blocks of \
            `aws_iam_role`, and fails when an `Allow` \
            statement lists the bare `*` action, whatever its resources.",
        rationale: "`Action: *` grants every current and future API of every service on the \
            listed resources, including the ones that change permissions or delete data. Even \
            scoped to one resource it is far more than any workload needs.",
        remediation: "Replace `*` with the specific actions required (service-level \
            wildcards such as `s3:Get*` at most), ideally generated from CloudTrail activity \
            with IAM Access Analyzer.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_iam_user_policy" "ci" {
  name = "ci"
  user = "ci"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "arn:aws:s3:::acme-artifacts/*"
    }]
  })
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_s3_bucket" "artifacts" {
  bucket = "acme-artifacts"
}

data "aws_iam_policy_document" "ci" {
  statement {
    actions   = ["*"]
    resources = ["${aws_s3_bucket.artifacts.arn}/*"]
  }
}

resource "aws_iam_role_policy" "ci" {
  name   = "ci"
  role   = "ci"
  policy = data.aws_iam_policy_document.ci.json
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_iam_role_policy" "app" {
  name = "app"
  role = "app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["sqs:SendMessage", "sqs:ReceiveMessage"]
        Resource = "arn:aws:sqs:eu-west-1:123456789012:jobs"
      },
      {
        Effect   = "Deny"
        Action   = "*"
        Resource = "*"
        Condition = {
          Bool = { "aws:SecureTransport" = "false" }
        }
      }
    ]
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
            Resource: arn:aws:s3:::acme-data/*
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
            Action: [s3:GetObject, s3:PutObject]
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
        wildcard_actions,
        "allows the wildcard action `*`",
        "no Allow statement uses the wildcard action",
    )
}
