//! EKS API endpoints are not public.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-EKS-002",
        name: "eks-no-public-endpoint",
        title: "EKS cluster API endpoints are not publicly accessible",
        severity: Severity::High,
        kinds: &["aws_eks_cluster"],
        frameworks: &[
            "soc2:CC6.6",
            "hipaa:164.312(a)(1)",
            "iso27001:A.8.20",
            "iso27001:A.8.22",
            "nist-csf:PR.IR-01",
            "pci-dss:1.4.1",
            "cis-controls:12.2",
            "nis2:21.2.e",
        ],
        policies: &[
            "ENG-POL-003-HIPAA:3.6.1",
            "ENG-POL-003-HIPAA:3.3.1",
            "CSF:3",
            "SIAC:6.2",
            "SIAC:6.3",
        ],
        aliases: &["CKV_AWS_39", "AVD-AWS-0040"],
        description: "Checks that `vpc_config.endpoint_public_access = false` on \
            `aws_eks_cluster` (with `endpoint_private_access = true` so the cluster stays \
            reachable from the VPC). The AWS provider 5.x default is true: the Kubernetes API \
            answers on the internet.",
        rationale: "A public API server is exposed to credential stuffing, to any \
            authentication bypass in Kubernetes or its authenticators, and to attackers \
            holding leaked kubeconfigs. Private endpoints limit the API to the VPC and \
            connected networks.",
        remediation: "Set `endpoint_public_access = false` and `endpoint_private_access = \
            true` in `vpc_config`; reach the API through a VPN, Direct Connect or a bastion. \
            If it must stay public, at least restrict `public_access_cidrs`.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
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
    endpoint_public_access  = false
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
        EndpointPublicAccess: false
        EndpointPrivateAccess: true
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
        "vpc_config.endpoint_public_access",
        false,
        true,
        "public API endpoint",
    )]
}
