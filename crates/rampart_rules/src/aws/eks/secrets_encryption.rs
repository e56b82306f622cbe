//! EKS clusters encrypt Kubernetes secrets with KMS.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, strings, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-EKS-001",
        name: "eks-secrets-encryption",
        title: "EKS clusters encrypt Kubernetes secrets with a KMS key",
        severity: Severity::High,
        kinds: &["aws_eks_cluster"],
        frameworks: &[
            "soc2:CC6.1",
            "hipaa:164.312(a)(2)(iv)",
            "iso27001:A.8.24",
            "nist-csf:PR.DS-01",
            "pci-dss:3.5.1",
            "cis-controls:3.11",
            "nis2:21.2.h",
        ],
        policies: &[
            "ENG-POL-003-HIPAA:3.6.1",
            "ENG-POL-003-HIPAA:3.4.2",
            "OP-POL-001:3.2",
            "SIAC:7.3",
        ],
        aliases: &["CKV_AWS_58", "AVD-AWS-0039"],
        description: "Checks that an `aws_eks_cluster` has an `encryption_config` block whose \
            `resources` include `secrets` and whose `provider.key_arn` names a KMS key. By \
            default (no block) secrets are stored in etcd without envelope encryption.",
        rationale: "Kubernetes secrets hold database passwords, API tokens and TLS keys. \
            Envelope encryption with a KMS key you control means a copy of etcd or of its \
            backups is useless without decrypt permission on the key, and every decryption \
            is logged.",
        remediation: "Add `encryption_config { resources = [\"secrets\"] provider { key_arn = \
            aws_kms_key.eks.arn } }` to the cluster.",
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
                r#"resource "aws_kms_key" "eks" {
  description         = "EKS secrets"
  enable_key_rotation = true
}

resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
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
        EndpointPublicAccess: false
        EndpointPrivateAccess: true
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
      EncryptionConfig:
        - Provider:
            KeyArn: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
          Resources: [secrets]
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let Some(cfg) = res.body.block("encryption_config") else {
        return vec![Check::fail(
            res.span,
            "no `encryption_config`: secrets are not envelope-encrypted with a KMS key",
        )
        .at("encryption_config")];
    };
    let c = match field(cfg, "resources") {
        Field::Known(v, a) => {
            if !strings(v).contains(&"secrets") {
                Check::fail(
                    a.span,
                    "`encryption_config.resources` does not include \"secrets\"",
                )
            } else if cfg
                .block("provider")
                .and_then(|p| p.value("key_arn"))
                .is_some()
            {
                Check::pass(cfg.span, "secrets are encrypted with a KMS key")
            } else {
                Check::fail(cfg.span, "`encryption_config` names no `provider.key_arn`")
            }
        }
        Field::Unknown(a) => Check::unknown(
            a.span,
            "`encryption_config.resources` is known only after apply",
        ),
        Field::Missing => Check::fail(cfg.span, "`encryption_config` lists no resources"),
    };
    vec![c.at("encryption_config")]
}
