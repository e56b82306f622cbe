//! EKS control plane logs are all enabled.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, strings, Field};

const LOG_TYPES: &[&str] = &[
    "api",
    "audit",
    "authenticator",
    "controllerManager",
    "scheduler",
];

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-EKS-003",
        name: "eks-control-plane-logging",
        title: "EKS clusters send all control plane log types to CloudWatch",
        severity: Severity::Medium,
        kinds: &["aws_eks_cluster"],
        frameworks: &[
            "soc2:CC7.2",
            "hipaa:164.312(b)",
            "iso27001:A.8.15",
            "nist-csf:PR.PS-04",
            "nist-csf:DE.CM-03",
            "pci-dss:10.2.1",
            "cis-controls:8.2",
            "cis-controls:8.5",
            "nis2:21.2.b",
        ],
        policies: &[
            "ENG-POL-003-HIPAA:3.6.1",
            "ENG-POL-003-HIPAA:3.8.1",
            "CSF:4",
            "SIAC:9.1",
        ],
        aliases: &["CKV_AWS_37", "AVD-AWS-0038"],
        description: "Checks that `enabled_cluster_log_types` of `aws_eks_cluster` lists all \
            five control plane logs: api, audit, authenticator, controllerManager and \
            scheduler. Nothing is logged by default.",
        rationale: "The audit and authenticator logs are the only record of who did what \
            through the Kubernetes API: which identity read a secret, created a privileged \
            pod or changed RBAC. Without them incidents in the cluster cannot be \
            reconstructed.",
        remediation: "Set `enabled_cluster_log_types = [\"api\", \"audit\", \
            \"authenticator\", \"controllerManager\", \"scheduler\"]` and give the \
            `/aws/eks/<name>/cluster` log group a retention period.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_eks_cluster" "main" {
  name                      = "main"
  role_arn                  = "arn:aws:iam::123456789012:role/eks"
  enabled_cluster_log_types = ["api"]
  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_eks_cluster" "main" {
  name                      = "main"
  role_arn                  = "arn:aws:iam::123456789012:role/eks"
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
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
      Logging:
        ClusterLogging:
          EnabledTypes:
            - Type: api
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
      Logging:
        ClusterLogging:
          EnabledTypes:
            - Type: api
            - Type: audit
            - Type: authenticator
            - Type: controllerManager
            - Type: scheduler
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let path = "enabled_cluster_log_types";
    let c = match field(&res.body, path) {
        Field::Known(v, a) => {
            let have = strings(v);
            let missing: Vec<&str> = LOG_TYPES
                .iter()
                .copied()
                .filter(|t| !have.contains(t))
                .collect();
            if missing.is_empty() {
                Check::pass(a.span, "all control plane log types are enabled")
            } else {
                Check::fail(
                    a.span,
                    format!("control plane logs not enabled: {}", missing.join(", ")),
                )
            }
        }
        Field::Unknown(a) => Check::unknown(a.span, format!("`{path}` is known only after apply")),
        Field::Missing => Check::fail(
            res.span,
            format!("`{path}` is not set: no control plane logs are sent to CloudWatch"),
        ),
    };
    vec![c.at(path)]
}
