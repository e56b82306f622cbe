//! Containers add no dangerous Linux capabilities.

use rampart_model::{Resource, Severity};

use super::{HARDENING, HARDENING_POLICIES};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, strings, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-K8S-007",
        name: "kubernetes-no-dangerous-capabilities",
        title: "Kubernetes containers do not add dangerous Linux capabilities",
        severity: Severity::High,
        kinds: &["kubernetes_container"],
        frameworks: HARDENING,
        policies: HARDENING_POLICIES,
        aliases: &["CKV_K8S_39", "AVD-KSV-0005", "AVD-KSV-0119"],
        description: "Checks `securityContext.capabilities.add` of every container: it must not \
            add `ALL`, `SYS_ADMIN`, `NET_ADMIN`, `NET_RAW`, `SYS_PTRACE`, `SYS_MODULE`, \
            `SYS_RAWIO`, `SYS_BOOT`, `DAC_READ_SEARCH`, `BPF` or `PERFMON` (with or without \
            the `CAP_` prefix; CIS Kubernetes Benchmark 5.2.8 and 5.2.9).",
        rationale: "These capabilities each undo part of the container boundary: `SYS_ADMIN` \
            alone allows mounts and namespace changes that lead out of the container, \
            `SYS_PTRACE` reads other processes' memory, `SYS_MODULE` loads kernel code, \
            `NET_RAW` and `NET_ADMIN` forge and redirect traffic on the node's networks.",
        remediation: "Remove the capability from `capabilities.add`; drop `ALL` and add back \
            only narrow ones the workload needs, such as `NET_BIND_SERVICE`.",
        examples: &[
            Example::k8s_fail(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  containers:\n    - name: tools\n      image: tools:1.2.0\n      securityContext:\n        capabilities:\n          add: [\"SYS_ADMIN\"]\n",
            ),
            Example::k8s_fail(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: net\nspec:\n  template:\n    spec:\n      containers:\n        - name: probe\n          image: probe:0.9.1\n          securityContext:\n            capabilities:\n              add:\n                - CAP_NET_RAW\n",
            ),
            Example::k8s_pass(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.2\n      securityContext:\n        capabilities:\n          drop: [\"ALL\"]\n          add: [\"NET_BIND_SERVICE\"]\n",
            ),
            Example::k8s_pass(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.2\n",
            ),
        ],
    },
    check,
};

const DANGEROUS: &[&str] = &[
    "ALL",
    "SYS_ADMIN",
    "NET_ADMIN",
    "NET_RAW",
    "SYS_PTRACE",
    "SYS_MODULE",
    "SYS_RAWIO",
    "SYS_BOOT",
    "DAC_READ_SEARCH",
    "BPF",
    "PERFMON",
];

fn check(c: &Resource, _ctx: &Ctx) -> Vec<Check> {
    const PATH: &str = "securityContext.capabilities.add";
    let check = match field(&c.body, PATH) {
        Field::Missing => Check::pass(c.span, "no capabilities are added"),
        Field::Unknown(a) => {
            Check::unknown(a.span, "the added capabilities are known only after apply")
        }
        Field::Known(v, a) => {
            let bad: Vec<String> = strings(v)
                .into_iter()
                .map(|s| s.trim().to_ascii_uppercase())
                .map(|s| s.strip_prefix("CAP_").map(str::to_string).unwrap_or(s))
                .filter(|s| DANGEROUS.contains(&s.as_str()))
                .collect();
            if bad.is_empty() {
                Check::pass(a.span, "the added capabilities are all narrow")
            } else {
                Check::fail(a.span, format!("adds {}", bad.join(", ")))
            }
        }
    };
    vec![check.at(PATH)]
}
