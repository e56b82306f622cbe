//! EC2 instances require IMDSv2.

use rampart_model::{Resource, Severity};

use crate::aws::ec2::{imds, instance_template, via_template, Template};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-EC2-001",
        name: "ec2-instance-imdsv2-required",
        title: "EC2 instances require IMDSv2 session tokens",
        severity: Severity::High,
        kinds: &["aws_instance"],
        frameworks: &[
            "cis-aws:5.6",
            "soc2:CC6.1",
            "hipaa:164.312(a)(1)",
            "iso27001:A.8.9",
            "iso27001:A.8.5",
            "nist-csf:PR.PS-01",
            "nist-csf:PR.AA-05",
            "pci-dss:2.2.6",
            "cis-controls:4.1",
            "nis2:21.2.e",
            "nis2:21.2.i",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.1",
            "ENG-POL-003-HIPAA:3.1.2",
            "CSF:2",
            "SIAC:4.3",
            "SIAC:7.3",
            "SIAC:4.1",
        ],
        aliases: &["CKV_AWS_79", "AVD-AWS-0028"],
        description: "Checks that `aws_instance` sets `metadata_options { http_tokens = \
            \"required\" }` (or disables the metadata endpoint with `http_endpoint = \
            \"disabled\"`). When `http_tokens` is not written the AWS provider 5.x leaves it \
            `optional`, which keeps IMDSv1 open. An instance that sets no metadata options but \
            names a launch template is judged by that template.",
        rationale: "IMDSv1 answers any plain GET request, so a server-side request forgery \
            bug or a misconfigured proxy on the instance is enough to steal the instance \
            role's temporary credentials. IMDSv2 needs a session token obtained with a PUT \
            request, which those attacks cannot make.",
        remediation: "Add `metadata_options { http_tokens = \"required\" }` to the instance \
            (keep `http_endpoint = \"enabled\"` if the workload needs the metadata service).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional"
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_launch_template" "app" {
  name_prefix = "app-"
  image_id    = "ami-0123456789abcdef0"
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_instance" "app" {
  instance_type = "t3.micro"
  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateName: app
      LaunchTemplateData:
        ImageId: ami-0123456789abcdef0
        MetadataOptions:
          HttpTokens: optional
          HttpEndpoint: enabled
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs:
              Encrypted: true
  App:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: t3.micro
      LaunchTemplate:
        LaunchTemplateId: !Ref AppTemplate
        Version: !GetAtt AppTemplate.LatestVersionNumber
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateName: app
      LaunchTemplateData:
        ImageId: ami-0123456789abcdef0
        MetadataOptions:
          HttpTokens: required
          HttpEndpoint: enabled
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs:
              Encrypted: true
  App:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: t3.micro
      LaunchTemplate:
        LaunchTemplateId: !Ref AppTemplate
        Version: !GetAtt AppTemplate.LatestVersionNumber
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, ctx: &Ctx) -> Vec<Check> {
    // Settings written on the instance override its launch template's.
    let own = res.body.lookup("metadata_options.http_tokens").is_some()
        || res.body.lookup("metadata_options.http_endpoint").is_some();
    if !own {
        match instance_template(res, ctx) {
            Template::NotUsed => {}
            Template::Found(t) => return vec![via_template(imds(t), t)],
            Template::Unresolved(span) => {
                return vec![Check::unknown(
                    span,
                    "the metadata options come from a launch template this configuration \
                     does not declare",
                )
                .at("metadata_options.http_tokens")]
            }
        }
    }
    vec![imds(res)]
}
