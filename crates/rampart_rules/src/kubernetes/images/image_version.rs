//! Container images name a fixed version.

use rampart_model::{Resource, Severity};

use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};
use crate::util::{field, Field};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-K8S-001",
        name: "kubernetes-image-version",
        title: "Kubernetes containers run images with a version tag or digest, not `latest`",
        severity: Severity::Medium,
        kinds: &["kubernetes_container"],
        frameworks: &[
            "soc2:CC8.1",
            "iso27001:A.5.21",
            "iso27001:A.8.32",
            "nist-csf:GV.SC-09",
            "nist-csf:PR.PS-02",
            "pci-dss:6.3.2",
            "cis-controls:16.5", "nis2:21.2.d", "nis2:21.2.e"],
        policies: &["SIAC:5.2", "ENG-POL-003-HIPAA:3.6.1"],
        aliases: &["CKV_K8S_14", "AVD-KSV-0013"],
        description: "Checks every container, init container and ephemeral container of Pods, \
            Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs and CronJobs: its `image` \
            must carry a tag other than `latest`, or a digest.",
        rationale: "With `latest` or no tag, each node pulls whatever the tag points to when the \
            pod starts: replicas of one Deployment can run different code, rollbacks do not roll \
            back, and a bad push reaches production without a change in the manifest.",
        remediation: "Use an exact version (`nginx:1.27.2`) or a digest \
            (`nginx@sha256:...`) and change it through a reviewed manifest update.",
        examples: &[
            Example::k8s_fail(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx\n",
            ),
            Example::k8s_fail(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: tools\nspec:\n  containers:\n    - name: shell\n      image: busybox:latest\n",
            ),
            Example::k8s_pass(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27.2\n",
            ),
        ],
    },
    check,
};

fn check(c: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let image = match field(&c.body, "image") {
        Field::Known(v, a) => match v.as_str() {
            Some(s) if !s.trim().is_empty() => (s, a.span),
            _ => return vec![Check::unknown(a.span, "the image is not a string").at("image")],
        },
        Field::Unknown(a) => {
            return vec![Check::unknown(a.span, "the image is not known").at("image")]
        }
        Field::Missing => {
            return vec![Check::unknown(c.span, "the container names no image").at("image")]
        }
    };
    let s = |k: &str| c.body.value(k).and_then(|v| v.as_str());
    let (img, span) = image;
    let check = match (s("tag"), s("digest")) {
        (_, Some(_)) => Check::pass(span, format!("`{img}` is pinned by digest")),
        (Some(t), None) if !t.eq_ignore_ascii_case("latest") => {
            Check::pass(span, format!("`{img}` names version `{t}`"))
        }
        (Some(_), None) => Check::fail(span, format!("`{img}` follows the moving `latest` tag")),
        (None, None) => Check::fail(span, format!("`{img}` has no tag, so it means `latest`")),
    };
    vec![check.at("image")]
}
