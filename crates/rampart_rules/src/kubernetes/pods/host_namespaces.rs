//! Pods do not share the node's process, IPC or network namespaces.

use rampart_model::{Resource, Severity};

use super::{HARDENING, HARDENING_POLICIES};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_bool;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-K8S-004",
        name: "kubernetes-no-host-namespaces",
        title: "Kubernetes pods do not share the host's PID, IPC or network namespace",
        severity: Severity::High,
        kinds: &["kubernetes_pod"],
        frameworks: HARDENING,
        policies: HARDENING_POLICIES,
        aliases: &[
            "CKV_K8S_17",
            "CKV_K8S_18",
            "CKV_K8S_19",
            "AVD-KSV-0008",
            "AVD-KSV-0009",
            "AVD-KSV-0010",
        ],
        description: "Checks the pod spec of every workload: `hostPID`, `hostIPC` and \
            `hostNetwork` must be absent or false, each reported on its own \
            (CIS Kubernetes Benchmark 5.2.3 to 5.2.5).",
        rationale: "A pod in the host's PID namespace sees and can signal every process on the \
            node; in its IPC namespace it reads other workloads' shared memory; in its network \
            namespace it binds node ports, reaches services on localhost and sniffs traffic. \
            Each removes one of the walls between a compromised pod and the node.",
        remediation: "Remove `hostPID`, `hostIPC` and `hostNetwork` (or set them to false). \
            Expose network services through a Service, and run node agents that truly need \
            host access in a dedicated, tightly controlled namespace.",
        examples: &[
            Example::k8s_fail(
                "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: monitor\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      hostPID: true\n      containers:\n        - name: monitor\n          image: monitor:3.0.1\n",
            ),
            Example::k8s_fail(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: shm\nspec:\n  hostIPC: true\n  containers:\n    - name: app\n      image: app:1.0.0\n",
            ),
            Example::k8s_pass(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: false\n  containers:\n    - name: app\n      image: nginx:1.27.2\n",
            ),
        ],
    },
    check,
};

fn check(p: &Resource, _ctx: &Ctx) -> Vec<Check> {
    [
        ("hostPID", "Host PID namespace"),
        ("hostIPC", "Host IPC namespace"),
        ("hostNetwork", "Host network namespace"),
    ]
    .into_iter()
    .map(|(key, what)| expect_bool(p, key, false, false, what))
    .collect()
}
