//! A public EKS endpoint is limited to known networks.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, is_open_cidr, strings, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-EKS-004",
        name: "eks-public-access-cidrs-restricted",
        title: "A public EKS API endpoint is not open to 0.0.0.0/0",
        severity: Severity::High,
        kinds: &["aws_eks_cluster"],
        frameworks: &[
            "soc2:CC6.6",
            "hipaa:164.312(a)(1)",
            "iso27001:A.8.20",
            "nist-csf:PR.IR-01",
            "pci-dss:1.4.1",
            "cis-controls:12.2",
            "nis2:21.2.e",
        ],
        policies: &[
            "ENG-POL-003-HIPAA:3.6.1",
            "ENG-POL-003-HIPAA:3.3.1",
            "CSF:3",
            "SIAC:6.3",
        ],
        aliases: &["CKV_AWS_38", "AVD-AWS-0041"],
        description: "When the API endpoint of an `aws_eks_cluster` is public \
            (`vpc_config.endpoint_public_access`, AWS provider 5.x default true), checks that \
            `vpc_config.public_access_cidrs` does not contain 0.0.0.0/0; when it is not \
            written the provider default is [\"0.0.0.0/0\"]. Clusters with a private-only \
            endpoint pass.",
        rationale: "If the endpoint must be public, an allow-list of corporate and CI \
            addresses keeps the Kubernetes API out of reach of the internet at large, and \
            with it credential stuffing and exploitation of API server flaws.",
        remediation: "Set `public_access_cidrs` to the networks that need the API, or turn \
            the public endpoint off (`endpoint_public_access = false`).",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids             = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    endpoint_public_access = true
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids              = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    endpoint_private_access = true
    endpoint_public_access  = true
    public_access_cidrs     = ["203.0.113.0/24"]
  }
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0123456789abcdef0]
        EndpointPublicAccess: true
        PublicAccessCidrs: [0.0.0.0/0]
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0123456789abcdef0]
        EndpointPublicAccess: true
        PublicAccessCidrs: [203.0.113.0/24]
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let public = field(&res.body, "vpc_config.endpoint_public_access");
    match public {
        Field::Known(v, a) if v.as_bool() == Some(false) => {
            return vec![Check::pass(a.span, "the API endpoint is private only")]
        }
        Field::Unknown(a) => {
            return vec![Check::unknown(
                a.span,
                "whether the API endpoint is public is known only after apply",
            )]
        }
        _ => {}
    }
    let path = "vpc_config.public_access_cidrs";
    let block_span = res
        .body
        .block("vpc_config")
        .map(|b| b.span)
        .unwrap_or(res.span);
    let c = match field(&res.body, path) {
        Field::Known(v, a) => {
            let open: Vec<&str> = strings(v).into_iter().filter(|c| is_open_cidr(c)).collect();
            if !open.is_empty() {
                Check::fail(
                    a.span,
                    format!("the public API endpoint accepts {}", open.join(", ")),
                )
            } else if v.is_wholly_known() {
                Check::pass(
                    a.span,
                    "the public API endpoint is limited to listed networks",
                )
            } else {
                Check::unknown(a.span, "some allowed networks are known only after apply")
            }
        }
        Field::Unknown(a) => Check::unknown(a.span, format!("`{path}` is known only after apply")),
        Field::Missing => Check::fail(
            block_span,
            "the API endpoint is public and `public_access_cidrs` is not set; the AWS provider \
             5.x default is [\"0.0.0.0/0\"]",
        ),
    };
    vec![c.at(path)]
}
