//! Base images are pinned by digest.

use rampart_model::{Resource, Severity};

use super::skip;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-DOCKER-002",
        name: "dockerfile-base-image-digest",
        title: "Dockerfile base images are pinned by digest",
        severity: Severity::Low,
        kinds: &["dockerfile_from"],
        frameworks: &[
            "soc2:CC8.1",
            "iso27001:A.5.21",
            "nist-csf:GV.SC-09",
            "pci-dss:6.3.2",
            "cis-controls:16.5", "nist-csf:ID.RA-09", "nis2:21.2.d"],
        policies: &["SIAC:5.2", "ENG-POL-003-HIPAA:3.6.1"],
        aliases: &["CKV_DOCKER_7"],
        description: "Checks that each `FROM` names its image by digest (`@sha256:...`). A \
            version tag passes RMP-DOCKER-001 but fails here, with low severity.",
        rationale: "Tags are mutable: a registry account takeover or a careless re-push can \
            change what `python:3.12.7` means. A digest names exactly one image.",
        remediation: "Resolve the tag to its digest (`docker buildx imagetools inspect \
            IMAGE:TAG`) and write `FROM IMAGE:TAG@sha256:<digest>`; let a bot such as Renovate \
            refresh it.",
        examples: &[
            Example::dockerfile_fail("FROM alpine:3.20\n"),
            Example::dockerfile_pass(
                "FROM alpine:3.20@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n",
            ),
        ],
    },
    check,
};

fn check(from: &Resource, _ctx: &Ctx) -> Vec<Check> {
    if let Some(c) = skip(from) {
        return vec![c.at("image")];
    }
    let image = from
        .body
        .value("image")
        .and_then(|v| v.as_str())
        .unwrap_or("");
    let c = if from.body.value("digest").is_some() {
        Check::pass(from.span, format!("`{image}` is pinned by digest"))
    } else {
        Check::fail(from.span, format!("`{image}` is not pinned by digest"))
    };
    vec![c.at("image")]
}
