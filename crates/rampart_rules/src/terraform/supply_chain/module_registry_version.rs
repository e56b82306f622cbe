//! Registry modules name an exact version.

use rampart_model::{Resource, Severity};

use super::{classify, is_exact_version, ModuleSource};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-TF-MOD-003",
        name: "module-registry-version-exact",
        title: "Registry modules are pinned to an exact version",
        severity: Severity::Medium,
        kinds: &["module"],
        frameworks: &[
            "soc2:CC8.1",
            "iso27001:A.5.21",
            "nist-csf:GV.SC-09",
            "pci-dss:6.3.2",
            "cis-controls:16.5",
            "nis2:21.2.d",
        ],
        policies: &["SIAC:5.2", "ENG-POL-003-HIPAA:3.5.1"],
        aliases: &["terraform_module_version"],
        description: "Checks module calls whose `source` is a registry address \
            (`namespace/name/system`, optionally with a private registry host): `version` must \
            be one exact version such as `5.8.1`. A range (`~> 5.0`, `>= 5`) or no version fails.",
        rationale: "With a range, `terraform init -upgrade` or a fresh checkout silently pulls \
            newer module code than the one that was reviewed. An exact version makes each \
            upgrade a visible change.",
        remediation: "Set `version = \"<exact version>\"` on the module call and raise it \
            deliberately (for example with Renovate or Dependabot pull requests).",
        examples: &[
            Example::tf_fail(
                r#"module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
}
"#,
            ),
            Example::tf_fail(
                r#"module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}
"#,
            ),
            Example::tf_pass(
                r#"module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
}
"#,
            ),
        ],
    },
    check,
};

fn check(call: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let Field::Known(v, a) = field(&call.body, "source") else {
        return vec![
            Check::unknown(call.span, "the module source is not a known string").at("source"),
        ];
    };
    if v.as_str().map(classify) != Some(ModuleSource::Registry) {
        return vec![Check::not_applicable(a.span, "not a registry module").at("version")];
    }
    let c = match field(&call.body, "version") {
        Field::Known(ver, va) => match ver.as_str() {
            Some(s) if is_exact_version(s) => Check::pass(va.span, format!("pinned to {s}")),
            Some(s) => Check::fail(
                va.span,
                format!("`version = \"{s}\"` is a range, not one version"),
            ),
            None => Check::unknown(va.span, "the version is not a string"),
        },
        Field::Unknown(va) => Check::unknown(va.span, "the version is known only after apply"),
        Field::Missing => Check::fail(call.span, "no `version`: any published version may be used"),
    };
    vec![c.at("version")]
}
