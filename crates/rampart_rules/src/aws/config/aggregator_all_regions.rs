//! AWS Config aggregators cover every region.

use rampart_model::{Block, Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_flag;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-CONFIG-002",
        name: "config-aggregator-all-regions",
        title: "AWS Config aggregators collect data from all regions",
        severity: Severity::Medium,
        kinds: &["aws_config_configuration_aggregator"],
        frameworks: &[
            "cis-aws:3.3",
            "soc2:CC7.1",
            "hipaa:164.308(a)(1)(ii)(D)",
            "iso27001:A.8.9",
            "nist-csf:DE.CM-09",
            "cis-controls:1.1",
            "nis2:21.2.b",
            "nis2:21.2.e",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.4",
            "ENG-POL-003-HIPAA:3.5.1",
            "CSF:5",
            "SIAC:7.1",
        ],
        aliases: &["CKV_AWS_121", "AVD-AWS-0019"],
        description: "Checks the `account_aggregation_source` or \
            `organization_aggregation_source` block of \
            `aws_config_configuration_aggregator`: `all_regions` must be true (the AWS \
            provider 5.x default is false, and then only the listed `regions` are \
            aggregated).",
        rationale: "An aggregator that leaves regions out gives a central view with blind \
            spots exactly where unexpected resources tend to appear.",
        remediation: "Set `all_regions = true` in the aggregation source instead of listing \
            regions.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_config_configuration_aggregator" "org" {
  name = "org"
  organization_aggregation_source {
    regions  = ["eu-west-1"]
    role_arn = "arn:aws:iam::123456789012:role/config-aggregator"
  }
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_config_configuration_aggregator" "org" {
  name = "org"
  organization_aggregation_source {
    all_regions = true
    role_arn    = "arn:aws:iam::123456789012:role/config-aggregator"
  }
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Aggregator:
    Type: AWS::Config::ConfigurationAggregator
    Properties:
      AccountAggregationSources:
        - AccountIds: ['111122223333']
          AwsRegions: [eu-west-1]
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Aggregator:
    Type: AWS::Config::ConfigurationAggregator
    Properties:
      AccountAggregationSources:
        - AccountIds: ['111122223333']
          AllAwsRegions: true
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let source: Option<&Block> = res
        .body
        .block("organization_aggregation_source")
        .or_else(|| res.body.block("account_aggregation_source"));
    match source {
        Some(b) => vec![expect_flag(
            b,
            b.span,
            "all_regions",
            true,
            false,
            "aggregate all regions",
        )],
        None => vec![Check::not_applicable(
            res.span,
            "the aggregator declares no aggregation source",
        )],
    }
}
