//! Containers cannot gain more privileges than their parent process.

use rampart_model::{Resource, Severity};

use super::{HARDENING, HARDENING_POLICIES};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_bool;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-K8S-003",
        name: "kubernetes-no-privilege-escalation",
        title: "Kubernetes containers set allowPrivilegeEscalation to false",
        severity: Severity::Medium,
        kinds: &["kubernetes_container"],
        frameworks: HARDENING,
        policies: HARDENING_POLICIES,
        aliases: &["CKV_K8S_20", "AVD-KSV-0001"],
        description: "Checks every container of every workload: \
            `securityContext.allowPrivilegeEscalation` must be false. Kubernetes allows \
            escalation when the field is not written (CIS Kubernetes Benchmark 5.2.6).",
        rationale: "With escalation allowed, a setuid binary or file capability in the image lets \
            a compromised process become root inside the container, the first step of most \
            container escapes.",
        remediation: "Set `securityContext.allowPrivilegeEscalation: false` on each container \
            (and drop capabilities the workload does not use).",
        examples: &[
            Example::k8s_fail(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27.2\n",
            ),
            Example::k8s_fail(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.2\n      securityContext:\n        allowPrivilegeEscalation: true\n",
            ),
            Example::k8s_pass(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.2\n      securityContext:\n        allowPrivilegeEscalation: false\n",
            ),
        ],
    },
    check,
};

fn check(c: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_bool(
        c,
        "securityContext.allowPrivilegeEscalation",
        false,
        true,
        "Privilege escalation",
    )]
}
