//! Base images name a fixed version.

use rampart_model::{Resource, Severity};

use super::skip;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-DOCKER-001",
        name: "dockerfile-base-image-version",
        title: "Dockerfile base images name a version, not `latest` or nothing",
        severity: Severity::Medium,
        kinds: &["dockerfile_from"],
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
        policies: &["SIAC:5.2", "ENG-POL-003-HIPAA:3.6.1"],
        aliases: &["CKV_DOCKER_7", "AVD-DS-0001"],
        description: "Checks every `FROM` of a Dockerfile: the image must carry a tag other than \
            `latest`, or a digest. Build stages (`FROM build`), `FROM scratch` and images built \
            from a build argument without a default are not judged.",
        rationale: "An image without a tag means `latest`, which changes whenever the publisher \
            pushes: the same Dockerfile then builds different software from one day to the \
            next, and a compromised or broken release flows straight into your images.",
        remediation: "Name the exact version you tested (`FROM python:3.12.7-slim`), or better a \
            digest (`FROM python:3.12.7-slim@sha256:...`), and update it deliberately.",
        examples: &[
            Example::dockerfile_fail("FROM ubuntu\nRUN apt-get update\n"),
            Example::dockerfile_fail("FROM node:latest AS build\nRUN npm ci\n"),
            Example::dockerfile_pass(
                "ARG PY=3.12.7-slim\nFROM python:${PY} AS build\nRUN pip wheel .\nFROM build\n",
            ),
        ],
    },
    check,
};

fn check(from: &Resource, _ctx: &Ctx) -> Vec<Check> {
    if let Some(c) = skip(from) {
        return vec![c.at("image")];
    }
    let s = |k: &str| from.body.value(k).and_then(|v| v.as_str());
    let image = s("image").unwrap_or("");
    let c = match (s("tag"), s("digest")) {
        (_, Some(_)) => Check::pass(from.span, format!("`{image}` is pinned by digest")),
        (Some(t), None) if !t.eq_ignore_ascii_case("latest") => {
            Check::pass(from.span, format!("`{image}` names version `{t}`"))
        }
        (Some(_), None) => Check::fail(
            from.span,
            format!("`{image}` follows the moving `latest` tag"),
        ),
        (None, None) => Check::fail(
            from.span,
            format!("`{image}` has no tag, so it means `latest`, which moves"),
        ),
    };
    vec![c.at("image")]
}
