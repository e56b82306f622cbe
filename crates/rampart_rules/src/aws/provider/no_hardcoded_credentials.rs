//! The AWS provider block holds no literal credentials.
//!
//! Messages never include the credential or any part of it.

use rampart_model::{Origin, Resource, ResourceMode, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

/// Credential arguments of the AWS provider, with how to name them in messages.
const CREDENTIALS: &[(&str, &str)] = &[
    ("access_key", "an access key ID"),
    ("secret_key", "a secret access key"),
    ("token", "a session token"),
];

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-AWS-PROVIDER-001",
        name: "aws-provider-no-hardcoded-credentials",
        title: "AWS provider blocks contain no hardcoded credentials",
        severity: Severity::Critical,
        kinds: &["aws"],
        frameworks: &[
            "soc2:CC6.1",
            "hipaa:164.312(a)(1)",
            "hipaa:164.312(d)",
            "iso27001:A.5.17",
            "iso27001:A.8.4",
            "nist-csf:PR.AA-01",
            "pci-dss:8.6.2",
            "cis-controls:3.11",
            "nis2:21.2.i",
        ],
        policies: &[
            "ENG-POL-003-SOC2:3.3",
            "ENG-POL-003-HIPAA:3.5.1",
            "ENG-POL-003-HIPAA:3.5.2",
            "CSF:2",
            "SIAC:8.1",
            "SIAC:2.3",
        ],
        aliases: &["CKV_AWS_41"],
        description: "Fails when `access_key`, `secret_key` or `token` of a `provider \"aws\"` \
            block is a literal written in the configuration: directly, through a local, or as \
            the `default` of an input variable. Values supplied at run time (a variable set \
            from a tfvars file, `-var` or `TF_VAR_`), or read from another resource or data \
            source (a secrets manager), pass. Messages never show the value.",
        rationale: "Credentials in code end up in version control, in every clone and fork, \
            in CI logs and in state files, and they are long-lived keys that are rarely \
            rotated. Anyone who reads the repository can act as that identity in the AWS \
            account.",
        remediation: "Delete the keys from the configuration and rotate them, since they \
            have been exposed. Let the provider find credentials itself (environment \
            variables, shared config profiles, SSO, an instance or task role, or OIDC \
            federation in CI) and use `assume_role` for cross-account access.",
        examples: &[
            Example::tf_fail(
                r#"provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}
"#,
            ),
            Example::tf_pass(
                r#"variable "aws_access_key" {
  type      = string
  sensitive = true
}

variable "aws_secret_key" {
  type      = string
  sensitive = true
}

provider "aws" {
  region     = "eu-west-1"
  access_key = var.aws_access_key
  secret_key = var.aws_secret_key
}
"#,
            ),
            Example::tf_pass(
                r#"provider "aws" {
  region  = "eu-west-1"
  profile = "deploy"
}
"#,
            ),
        ],
    },
    check,
};

fn check(res: &Resource, _ctx: &Ctx) -> Vec<Check> {
    if res.mode != ResourceMode::Provider {
        return vec![Check::not_applicable(
            res.span,
            "not a provider configuration",
        )];
    }
    let mut out = Vec::new();
    for (name, what) in CREDENTIALS {
        let Some(a) = res.body.attr(name) else {
            continue;
        };
        if a.value.is_null() || a.value.as_str().is_some_and(|s| s.trim().is_empty()) {
            continue;
        }
        let c = match &a.origin {
            Origin::Variable {
                name: var, source, ..
            } if source == "default" && a.value.is_wholly_known() => Check::fail(
                a.span,
                format!("`{name}` is {what} taken from the literal default of variable `{var}`"),
            ),
            Origin::Variable { name: var, .. } => Check::pass(
                a.span,
                format!("`{name}` is supplied at run time through variable `{var}`"),
            ),
            _ if !a.value.is_wholly_known() => Check::pass(
                a.span,
                format!(
                    "`{name}` is known only after apply (an unset variable, another resource or \
                     a data source), so it is not a literal in the code"
                ),
            ),
            _ if !a.refs.is_empty() => Check::pass(
                a.span,
                format!(
                    "`{name}` is derived from `{}`, not written in the code",
                    a.refs.join("`, `")
                ),
            ),
            _ => Check::fail(
                a.span,
                format!("`{name}` is {what} written as a literal in the configuration"),
            ),
        };
        out.push(c.at(*name));
    }
    if out.is_empty() {
        out.push(Check::pass(
            res.span,
            "the provider block sets no static credentials",
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rampart_model::{Attr, Block, SourceFormat, Span, Status, Value};

    fn provider(origin: Origin) -> Resource {
        let mut body = Block::new("provider", Span::default());
        let mut a = Attr::new(
            Value::string("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            Span::default(),
        );
        a.origin = origin;
        body.attrs.insert("secret_key".into(), a);
        Resource {
            address: "provider.aws".into(),
            kind: "aws".into(),
            mode: ResourceMode::Provider,
            name: "aws".into(),
            module: String::new(),
            format: SourceFormat::Terraform,
            span: Span::default(),
            body,
            module_calls: vec![],
        }
    }

    #[test]
    fn literal_fails_without_leaking() {
        let r = provider(Origin::Explicit);
        let ctx = Ctx::new(std::slice::from_ref(&r));
        let c = check(&r, &ctx);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].status, Status::Fail);
        assert!(!c[0].message.contains("wJal"));
        assert!(!c[0].message.contains("EXAMPLE"));
    }

    #[test]
    fn variable_from_tfvars_passes_and_default_fails() {
        let r = provider(Origin::Variable {
            name: "secret".into(),
            set_at: None,
            source: "prod.tfvars".into(),
        });
        let ctx = Ctx::new(std::slice::from_ref(&r));
        assert_eq!(check(&r, &ctx)[0].status, Status::Pass);
        let r = provider(Origin::Variable {
            name: "secret".into(),
            set_at: None,
            source: "default".into(),
        });
        let ctx = Ctx::new(std::slice::from_ref(&r));
        let c = check(&r, &ctx);
        assert_eq!(c[0].status, Status::Fail);
        assert!(!c[0].message.contains("wJal"));
    }
}
