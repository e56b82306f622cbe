//! Containers do not run privileged.

use rampart_model::{Resource, Severity};

use super::{HARDENING, HARDENING_POLICIES};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_bool;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-K8S-002",
        name: "kubernetes-no-privileged-containers",
        title: "Kubernetes containers do not run in privileged mode",
        severity: Severity::High,
        kinds: &["kubernetes_container"],
        frameworks: HARDENING,
        policies: HARDENING_POLICIES,
        aliases: &["CKV_K8S_16", "AVD-KSV-0017"],
        description: "Checks every container of every workload: `securityContext.privileged` must \
            be absent or false (CIS Kubernetes Benchmark 5.2.2).",
        rationale: "A privileged container has every capability and every device of the node and \
            no seccomp or AppArmor confinement: breaking out of it is a matter of mounting the \
            host's disk. One compromised process owns the node and whatever secrets it can reach.",
        remediation: "Remove `privileged: true`. Grant only the capability the workload needs \
            (`capabilities.add`), or move node administration out of the cluster's workloads.",
        examples: &[
            Example::k8s_fail(
                "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      containers:\n        - name: agent\n          image: agent:2.1.0\n          securityContext:\n            privileged: true\n",
            ),
            Example::k8s_pass(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.2\n      securityContext:\n        privileged: false\n",
            ),
            Example::k8s_pass(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.2\n",
            ),
        ],
    },
    check,
};

fn check(c: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_bool(
        c,
        "securityContext.privileged",
        false,
        false,
        "Privileged mode",
    )]
}
