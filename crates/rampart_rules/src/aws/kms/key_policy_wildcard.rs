//! KMS key policies do not allow every principal without conditions.

use rampart_model::{Resource, Severity};
use rampart_terraform::iam::Effect;

use crate::aws::s3::{read_policy, PolicyView};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-KMS-002",
        name: "kms-key-policy-no-wildcard-principal",
        title: "KMS key policies do not allow every principal unconditionally",
        severity: Severity::High,
        kinds: &["aws_kms_key", "aws_kms_key_policy"],
        frameworks: &[
            "soc2:CC6.1",
            "soc2:CC6.3",
            "hipaa:164.312(a)(1)",
            "iso27001:A.5.15",
            "iso27001:A.8.24",
            "nist-csf:PR.AA-05",
            "pci-dss:3.6.1",
            "pci-dss:7.2.1",
            "cis-controls:3.3",
            "nis2:21.2.h",
            "nis2:21.2.i",
        ],
        policies: &[
            "OP-POL-001:3.4",
            "OP-POL-001:3.2",
            "ENG-POL-003-HIPAA:3.4.2",
            "CSF:2",
        ],
        aliases: &["CKV_AWS_33"],
        description: "Checks the key policy written in an `aws_kms_key`'s `policy` or in an \
            `aws_kms_key_policy`: an `Allow` statement whose principal is `*` (or `AWS: *`) \
            must carry at least one condition (for example `kms:CallerAccount` or \
            `aws:PrincipalOrgID`). A key without a written policy gets the default key policy, \
            which trusts only the owning account, and passes.",
        rationale: "The key policy is the primary access control for a KMS key. An \
            unconditional wildcard principal lets any AWS account, or anonymous callers, use \
            or administer the key, which defeats the purpose of a customer managed key.",
        remediation: "Name the principals that need the key (account roots, roles, services) \
            instead of `*`, or add conditions that narrow a wildcard to your account or \
            organisation.",
        examples: &[
            Example::tf_fail(
                r#"resource "aws_kms_key" "shared" {
  description = "shared key"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Everyone"
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}
"#,
            ),
            Example::tf_fail(
                r#"resource "aws_kms_key" "shared" {
  description = "shared key"
}

resource "aws_kms_key_policy" "shared" {
  key_id = aws_kms_key.shared.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["kms:Decrypt", "kms:Encrypt"]
      Resource  = "*"
    }]
  })
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_kms_key" "shared" {
  description = "shared key"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdmin"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "OrgUse"
        Effect    = "Allow"
        Principal = "*"
        Action    = ["kms:Decrypt"]
        Resource  = "*"
        Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123def4" } }
      }
    ]
  })
}
"#,
            ),
            Example::tf_pass(
                r#"resource "aws_kms_key" "plain" {
  description         = "uses the default key policy"
  enable_key_rotation = true
}
"#,
            ),
            Example {
                pass: false,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Sid: Everyone
            Effect: Allow
            Principal: '*'
            Action: 'kms:*'
            Resource: '*'
"##,
            },
            Example {
                pass: true,
                format: crate::rule::ExampleFormat::CloudFormation,
                code: r##"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Sid: AccountAdmin
            Effect: Allow
            Principal:
              AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'
            Action: 'kms:*'
            Resource: '*'
"##,
            },
        ],
    },
    check,
};

fn check(res: &Resource, ctx: &Ctx) -> Vec<Check> {
    let Some(a) = res.body.attr("policy").filter(|a| !a.value.is_null()) else {
        if res.kind == "aws_kms_key" {
            let split = ctx.linked(
                res,
                "aws_kms_key_policy",
                "key_id",
                &["id", "arn", "key_id"],
            );
            if let Some(p) = split.first() {
                return vec![Check::not_applicable(
                    res.span,
                    format!("the key policy is set by `{}`", p.address),
                )
                .at("policy")];
            }
        }
        return vec![Check::pass(
            res.span,
            "no key policy is written, so the default policy (owning account only) applies",
        )
        .at("policy")];
    };
    let c = match read_policy(a, ctx) {
        PolicyView::Parsed(p, span) => {
            let bad: Vec<String> = p
                .statements
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    s.effect == Effect::Allow
                        && s.principals
                            .as_ref()
                            .is_some_and(|pr| pr.includes_everyone())
                        && s.conditions.is_empty()
                })
                .map(|(i, s)| match &s.sid {
                    Some(sid) => format!("`{sid}`"),
                    None => format!("#{}", i + 1),
                })
                .collect();
            if bad.is_empty() {
                Check::pass(
                    span,
                    "no statement allows every principal without a condition",
                )
            } else {
                Check::fail(
                    span,
                    format!(
                        "key policy statement {} allows every principal (`*`) without any condition",
                        bad.join(", ")
                    ),
                )
            }
        }
        PolicyView::Unknown(span) => {
            Check::unknown(span, "the key policy is known only after apply")
        }
        PolicyView::Invalid(span) => {
            Check::unknown(span, "the key policy is not a JSON policy document")
        }
    };
    vec![c.at("policy")]
}
