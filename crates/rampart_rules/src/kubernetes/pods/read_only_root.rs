//! Containers keep their root filesystem read-only.

use rampart_model::{Resource, Severity};

use super::{HARDENING, HARDENING_POLICIES};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::expect_bool;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-K8S-006",
        name: "kubernetes-read-only-root-filesystem",
        title: "Kubernetes containers mount their root filesystem read-only",
        severity: Severity::Low,
        kinds: &["kubernetes_container"],
        frameworks: HARDENING,
        policies: HARDENING_POLICIES,
        aliases: &["CKV_K8S_22", "AVD-KSV-0014"],
        description: "Checks every container of every workload: \
            `securityContext.readOnlyRootFilesystem` must be true (Kubernetes leaves the image's \
            filesystem writable by default).",
        rationale: "A writable root filesystem lets an intruder drop tools, replace binaries and \
            persist changes for the life of the container; read-only images also make drift from \
            the built image impossible.",
        remediation: "Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` \
            volume at the few paths the application writes to (`/tmp`, caches).",
        examples: &[
            Example::k8s_fail(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.2\n",
            ),
            Example::k8s_pass(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.2\n      securityContext:\n        readOnlyRootFilesystem: true\n      volumeMounts:\n        - name: tmp\n          mountPath: /tmp\n  volumes:\n    - name: tmp\n      emptyDir: {}\n",
            ),
        ],
    },
    check,
};

fn check(c: &Resource, _ctx: &Ctx) -> Vec<Check> {
    vec![expect_bool(
        c,
        "securityContext.readOnlyRootFilesystem",
        true,
        false,
        "Read-only root filesystem",
    )]
}
