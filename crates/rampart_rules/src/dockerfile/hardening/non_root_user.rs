//! The image runs as a non-root user.

use rampart_model::{Resource, Severity};

use super::{HARDENING, HARDENING_POLICIES};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-DOCKER-003",
        name: "dockerfile-non-root-user",
        title: "Dockerfiles switch to a non-root USER for the final image",
        severity: Severity::Medium,
        kinds: &["dockerfile_from"],
        frameworks: HARDENING,
        policies: HARDENING_POLICIES,
        aliases: &["CKV_DOCKER_3", "CKV_DOCKER_8", "AVD-DS-0002"],
        description: "Checks the final stage of every Dockerfile (the image the build produces): \
            its last `USER`, or the one it inherits from the build stage it starts `FROM`, must \
            name a user other than `root` or UID 0. Without any `USER` the base image's user \
            applies, which is root for most images (CIS Docker Benchmark 4.1).",
        rationale: "A container whose process runs as root turns every escape bug, writable host \
            mount or added capability into root on the host, and lets an intruder rewrite the \
            image's own binaries.",
        remediation: "Create an unprivileged user in the image (`RUN useradd -r -u 10001 app`) \
            and end the final stage with `USER app` (or `USER 10001`).",
        examples: &[
            Example::dockerfile_fail("FROM python:3.12-slim\nCOPY app.py /app/\nCMD [\"python\", \"/app/app.py\"]\n"),
            Example::dockerfile_fail("FROM node:22.11.0\nUSER node\nRUN npm ci\nUSER root\n"),
            Example::dockerfile_pass(
                "FROM python:3.12-slim\nRUN useradd -r -u 10001 app\nCOPY app.py /app/\nUSER 10001\nCMD [\"python\", \"/app/app.py\"]\n",
            ),
            Example::dockerfile_pass(
                "FROM golang:1.23 AS base\nUSER nobody\nFROM base AS final\nCOPY app /app\n",
            ),
        ],
    },
    check,
};

fn check(st: &Resource, _ctx: &Ctx) -> Vec<Check> {
    if st.body.value("final_stage") != Some(&rampart_model::Value::Bool(true)) {
        return Vec::new();
    }
    let Some(attr) = st.body.attr("effective_user") else {
        return Vec::new();
    };
    let check = match attr.value.as_str() {
        None => Check::fail(
            st.span,
            "the final stage sets no USER: the base image's user runs the container, root for most images",
        ),
        Some(u) => {
            let name = u.split(':').next().unwrap_or("").trim();
            if name.eq_ignore_ascii_case("root") || name == "0" {
                Check::fail(attr.span, format!("the container runs as `{u}`"))
            } else {
                Check::pass(attr.span, format!("the container runs as `{u}`"))
            }
        }
    };
    vec![check.at("user")]
}
