//! ECR image tags are immutable.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_str;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-ECR-002",
        name: "ecr-immutable-tags",
        title: "ECR repositories make image tags immutable",
        severity: Severity::Medium,
        kinds: &["aws_ecr_repository"],
        frameworks: &[
            "soc2:CC8.1",
            "hipaa:164.312(c)(1)",
            "iso27001:A.8.9",
            "nist-csf:PR.PS-01",
            "cis-controls:2.5",
            "nis2:21.2.e",
        ],
        policies: &[
            "ENG-POL-003-HIPAA:3.6.1",
            "ENG-POL-003-HIPAA:3.5.2",
            "SIAC:5.2",
        ],
        aliases: &["CKV_AWS_51", "AVD-AWS-0031"],
        description: "Checks that `image_tag_mutability` of `aws_ecr_repository` is \
            `IMMUTABLE` (or an `IMMUTABLE_WITH_EXCLUSION` variant). The AWS provider 5.x \
            default is `MUTABLE`.",
        rationale: "With mutable tags, anyone who can push can replace the image behind \
            `v1.4.2` or `prod`: deployments silently pick up different code than was tested \
            and scanned, which is also how a compromised pipeline plants a backdoor.",
        remediation: "Set `image_tag_mutability = \"IMMUTABLE\"` and publish every build \
            under a new tag (or deploy by digest).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_ecr_repository" "app" {
  name = "app"
  image_scanning_configuration {
    scan_on_push = true
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Images:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
      ImageTagMutability: MUTABLE
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Images:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
      ImageTagMutability: IMMUTABLE
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_str(
        &res.body,
        res.span,
        "image_tag_mutability",
        |m| m.starts_with("IMMUTABLE"),
        Some("MUTABLE"),
        "image tag mutability",
    )]
}
