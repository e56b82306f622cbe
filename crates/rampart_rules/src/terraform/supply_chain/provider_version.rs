//! Providers have a bounded version constraint.

use rampart_model::{Resource, Severity, Value};

use super::has_upper_bound;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-TF-PROV-001",
        name: "provider-version-constrained",
        title: "Required providers carry a version constraint with an upper bound",
        severity: Severity::Medium,
        kinds: &["terraform"],
        frameworks: &[
            "soc2:CC8.1",
            "iso27001:A.5.21",
            "iso27001:A.8.32",
            "nist-csf:GV.SC-09",
            "nist-csf:PR.PS-02",
            "pci-dss:6.3.2",
            "cis-controls:16.5",
            "nis2:21.2.d",
            "nis2:21.2.e",
        ],
        policies: &[
            "SIAC:5.2",
            "ENG-POL-003-HIPAA:3.5.1",
            "ENG-POL-003-SOC2:3.3",
        ],
        aliases: &["terraform_required_providers"],
        description: "Checks each entry of `required_providers` in every `terraform {}` block: it \
            must have a `version` constraint, and the constraint must stop at some upper bound \
            (`~> 5.0`, `>= 5.0, < 6.0` or an exact version). No constraint, or only `>=`, fails.",
        rationale: "Without an upper bound the next major release of a provider, with its \
            breaking and behaviour changes, is installed the first time someone initialises \
            without a lock file. The constraint together with `.terraform.lock.hcl` keeps \
            provider upgrades deliberate.",
        remediation: "Give each provider a pessimistic constraint such as `version = \"~> 5.40\"` \
            and commit `.terraform.lock.hcl`.",
        examples: &[
            Example::tf_fail(
                r#"terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}
"#,
            ),
            Example::tf_fail(
                r#"terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}
"#,
            ),
            Example::tf_pass(
                r#"terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}
"#,
            ),
        ],
    },
    check,
};

fn check(settings: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let mut out = Vec::new();
    for block in settings.body.blocks("required_providers") {
        for (name, attr) in &block.attrs {
            let constraint = match attr.value.unmarked() {
                // Legacy form: `aws = "~> 5.0"`.
                Value::String(s) => Some(Some(s.as_str())),
                Value::Object(m) => match m.get("version").map(Value::unmarked) {
                    Some(Value::String(s)) => Some(Some(s.as_str())),
                    None | Some(Value::Null) => Some(None),
                    Some(_) => None,
                },
                _ => None,
            };
            let c = match constraint {
                None => Check::unknown(
                    attr.span,
                    format!("provider `{name}`: constraint not known"),
                ),
                Some(None) => Check::fail(
                    attr.span,
                    format!("provider `{name}` has no version constraint"),
                ),
                Some(Some(v)) if has_upper_bound(v) => Check::pass(
                    attr.span,
                    format!("provider `{name}` is constrained to `{v}`"),
                ),
                Some(Some(v)) => Check::fail(
                    attr.span,
                    format!("provider `{name}` constraint `{v}` has no upper bound"),
                ),
            };
            out.push(c.at(format!("required_providers.{name}")));
        }
    }
    out
}
