//! The image says how to check that it is healthy.

use rampart_model::{Resource, Severity, Value};

use super::HARDENING_POLICIES;
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-DOCKER-005",
        name: "dockerfile-healthcheck",
        title: "Dockerfiles define a HEALTHCHECK for the final image",
        severity: Severity::Low,
        kinds: &["dockerfile_from"],
        frameworks: &[
            "soc2:A1.2",
            "iso27001:A.8.16",
            "nist-csf:DE.CM-01",
            "cis-controls:4.1",
            "nis2:21.2.c",
        ],
        policies: HARDENING_POLICIES,
        aliases: &["CKV_DOCKER_2", "AVD-DS-0026"],
        description: "Checks the final stage of every Dockerfile: it must have a `HEALTHCHECK` \
            other than `HEALTHCHECK NONE` (CIS Docker Benchmark 4.6).",
        rationale: "Without a health check the runtime only knows whether the process exists: a \
            hung or half-started container keeps receiving traffic and is never restarted, \
            which turns faults and some attacks into silent outages.",
        remediation: "Add a `HEALTHCHECK CMD ...` that exercises the service \
            (`HEALTHCHECK CMD wget -q --spider http://localhost:8080/health || exit 1`). On \
            Kubernetes, liveness and readiness probes do the same job.",
        examples: &[
            Example::dockerfile_fail("FROM nginx:1.27.2\nCOPY site /usr/share/nginx/html\n"),
            Example::dockerfile_fail("FROM nginx:1.27.2\nHEALTHCHECK NONE\n"),
            Example::dockerfile_pass(
                "FROM nginx:1.27.2\nHEALTHCHECK --interval=30s CMD curl -fs http://localhost/ || exit 1\n",
            ),
        ],
    },
    check,
};

fn check(st: &Resource, _ctx: &Ctx) -> Vec<Check> {
    if st.body.value("final_stage") != Some(&Value::Bool(true)) {
        return Vec::new();
    }
    let check = match st.body.attr("healthcheck") {
        None => Check::fail(st.span, "the final stage has no HEALTHCHECK"),
        Some(a) => match a.value.as_str() {
            Some(args) if args.trim().eq_ignore_ascii_case("none") => {
                Check::fail(a.span, "HEALTHCHECK NONE turns the health check off")
            }
            _ => Check::pass(a.span, "the final stage defines a HEALTHCHECK"),
        },
    };
    vec![check.at("healthcheck")]
}
