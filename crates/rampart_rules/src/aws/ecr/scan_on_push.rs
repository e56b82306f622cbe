//! ECR repositories scan images on push.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-ECR-001",
        name: "ecr-scan-on-push",
        title: "ECR repositories scan images for vulnerabilities on push",
        severity: Severity::Medium,
        kinds: &["aws_ecr_repository"],
        frameworks: &[
            "soc2:CC7.1",
            "hipaa:164.308(a)(1)(ii)(A)",
            "iso27001:A.8.8",
            "nist-csf:ID.RA-01",
            "pci-dss:6.3.1",
            "cis-controls:7.5",
            "nis2:21.2.e",
        ],
        policies: &[
            "ENG-POL-003-HIPAA:3.6.1",
            "ENG-POL-003-HIPAA:3.5.2",
            "ENG-POL-003-SOC2:3.4",
            "SIAC:5.3",
            "SIAC:7.3",
        ],
        aliases: &["CKV_AWS_163", "AVD-AWS-0030"],
        description: "Checks that `image_scanning_configuration.scan_on_push = true` on \
            `aws_ecr_repository` (the AWS provider 5.x default is false). Registry-wide \
            enhanced scanning configured elsewhere is not visible to this rule.",
        rationale: "Images carry their whole operating system and dependency tree. Scanning \
            each image as it is pushed reports known vulnerabilities before the image is \
            deployed, when fixing them is cheapest.",
        remediation: "Add `image_scanning_configuration { scan_on_push = true }` to the \
            repository, or enable enhanced scanning with \
            `aws_ecr_registry_scanning_configuration`.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
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
      ImageScanningConfiguration:
        ScanOnPush: true
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_flag(
        &res.body,
        res.span,
        "image_scanning_configuration.scan_on_push",
        true,
        false,
        "scan on push",
    )]
}
