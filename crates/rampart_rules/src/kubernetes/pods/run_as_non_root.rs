//! Containers run as a non-root user.

use rampart_model::{Resource, Severity, Span};

use super::{HARDENING, HARDENING_POLICIES};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-K8S-005",
        name: "kubernetes-run-as-non-root",
        title: "Kubernetes containers run as a non-root user",
        severity: Severity::Medium,
        kinds: &["kubernetes_container"],
        frameworks: HARDENING,
        policies: HARDENING_POLICIES,
        aliases: &["CKV_K8S_23", "AVD-KSV-0012"],
        description: "Checks every container of every workload, with the container's \
            `securityContext` taking precedence over the pod's: `runAsUser` must not be 0, and \
            either `runAsNonRoot: true` or a non-zero `runAsUser` must be set. Without either, \
            the image's `USER` decides, which is root for most images (CIS Kubernetes \
            Benchmark 5.2.7).",
        rationale: "Root in a container is root on the node's kernel: one kernel or runtime \
            vulnerability, a writable host mount or an added capability turns it into root on \
            the node. Non-root processes also cannot change the container's own binaries.",
        remediation: "Set `runAsNonRoot: true` and a non-zero `runAsUser` in the pod's \
            `securityContext` (containers inherit it), and build images with a non-root `USER`.",
        examples: &[
            Example::k8s_fail(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.2\n",
            ),
            Example::k8s_fail(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n      containers:\n        - name: app\n          image: app:1.0.0\n          securityContext:\n            runAsUser: 0\n",
            ),
            Example::k8s_pass(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n      containers:\n        - name: app\n          image: app:1.0.0\n",
            ),
            Example::k8s_pass(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: app:1.0.0\n      securityContext:\n        runAsUser: 1000\n",
            ),
        ],
    },
    check,
};

/// The container's setting, else the pod's: value, span and which of the two.
enum Setting {
    Set(rampart_model::Value, Span, &'static str),
    Unknown(Span),
    Unset,
}

fn setting(c: &Resource, key: &str) -> Setting {
    for (path, place) in [
        (format!("securityContext.{key}"), "the container"),
        (format!("pod_security_context.{key}"), "the pod"),
    ] {
        match field(&c.body, &path) {
            Field::Known(v, a) => return Setting::Set(v.clone(), a.span, place),
            Field::Unknown(a) => return Setting::Unknown(a.span),
            Field::Missing => {}
        }
    }
    Setting::Unset
}

fn check(c: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let user = setting(c, "runAsUser");
    let non_root = setting(c, "runAsNonRoot");
    let check = match (&user, &non_root) {
        (Setting::Set(v, span, place), _) if v.as_f64() == Some(0.0) => Check::fail(
            *span,
            format!("`runAsUser` is 0 in {place}: the container runs as root"),
        )
        .at("securityContext.runAsUser"),
        (Setting::Unknown(span), _) | (_, Setting::Unknown(span)) => Check::unknown(
            *span,
            "the user the container runs as is known only after apply",
        ),
        (_, Setting::Set(v, span, place)) if v.as_bool() == Some(true) => Check::pass(
            *span,
            format!("`runAsNonRoot` is true in {place}"),
        )
        .at("securityContext.runAsNonRoot"),
        (Setting::Set(v, span, place), _) if v.as_f64().is_some_and(|u| u > 0.0) => {
            Check::pass(*span, format!("`runAsUser` is {v} in {place}"))
                .at("securityContext.runAsUser")
        }
        (_, Setting::Set(_, span, place)) => Check::fail(
            *span,
            format!("`runAsNonRoot` is false in {place} and no non-zero `runAsUser` is set"),
        )
        .at("securityContext.runAsNonRoot"),
        _ => Check::fail(
            c.span,
            "neither `runAsNonRoot` nor `runAsUser` is set: the image's USER decides, root for most images",
        )
        .at("securityContext.runAsNonRoot"),
    };
    vec![check]
}
