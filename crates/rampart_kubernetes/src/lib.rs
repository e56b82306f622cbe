//! Kubernetes manifests.
//!
//! Multi-document YAML files whose documents carry `apiVersion` and `kind`
//! are read with the positioned YAML reader shared with the CloudFormation
//! front end (alias budget, depth limit, diagnostics with lines). Every
//! container of every workload (Pod, Deployment, StatefulSet, DaemonSet,
//! ReplicaSet, Job, CronJob; containers, initContainers, ephemeralContainers)
//! becomes a resource of kind `kubernetes_container`:
//!
//! | attribute | meaning |
//! |---|---|
//! | `image`, `repository`, `tag`, `digest` | the image reference and its parts |
//! | `name` | the container name |
//! | `workload_kind`, `workload_name`, `namespace` | where it runs |
//! | `container_type` | `containers`, `initContainers` or `ephemeralContainers` |
//!
//! Address: `kubernetes.<Kind>.<namespace>.<name>.<container>`. Every key the
//! container declares (`securityContext`, `resources`, ...) is in its body too,
//! and `pod_security_context` holds the pod's `securityContext` (the defaults a
//! container's own settings override).
//!
//! Each workload also becomes a resource of kind `kubernetes_pod` at
//! `kubernetes.<Kind>.<namespace>.<name>`, whose body holds the pod spec's
//! keys other than the container lists (`hostNetwork`, `hostPID`, `hostIPC`,
//! `securityContext`, `serviceAccountName`, ...) plus `workload_kind`,
//! `workload_name` and `namespace`.

use std::path::Path;

use rampart_model::{Attr, Block, Diagnostic, Resource, ResourceMode, SourceFormat, Span, Value};
use rampart_source::{FileId, SourceFile, SourceMap};
use rampart_yaml::node::{Kind, Node};

/// Workload kinds and the path from the document to their pod spec.
const WORKLOADS: &[(&str, &[&str])] = &[
    ("Pod", &["spec"]),
    ("Deployment", &["spec", "template", "spec"]),
    ("StatefulSet", &["spec", "template", "spec"]),
    ("DaemonSet", &["spec", "template", "spec"]),
    ("ReplicaSet", &["spec", "template", "spec"]),
    ("ReplicationController", &["spec", "template", "spec"]),
    ("Job", &["spec", "template", "spec"]),
    (
        "CronJob",
        &["spec", "jobTemplate", "spec", "template", "spec"],
    ),
];

/// True when the text looks like a Kubernetes manifest (some document has a
/// top-level `apiVersion:` and `kind:`).
pub fn detect(text: &str) -> bool {
    let mut api = false;
    let mut kind = false;
    for line in text.lines() {
        if line.starts_with("---") {
            if api && kind {
                return true;
            }
            api = false;
            kind = false;
        }
        api |= line.starts_with("apiVersion:");
        kind |= line.starts_with("kind:");
    }
    api && kind && !text.contains("AWSTemplateFormatVersion")
}

/// Split a YAML stream into documents: (byte offset, text) of each.
fn documents(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        if line.starts_with("---") && line.trim_end().trim_start_matches('-').trim().is_empty() {
            out.push((start, text.get(start..offset).unwrap_or("")));
            start = offset + line.len();
        }
        offset += line.len();
    }
    out.push((start, text.get(start..).unwrap_or("")));
    out.into_iter()
        .filter(|(_, d)| {
            d.lines()
                .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        })
        .collect()
}

fn shift_span(s: &mut Span, by: usize) {
    *s = Span::new(s.file, s.start as usize + by, s.end as usize + by);
}

fn shift(node: &mut Node, by: usize) {
    shift_span(&mut node.span, by);
    match &mut node.kind {
        Kind::Seq(items) => items.iter_mut().for_each(|n| shift(n, by)),
        Kind::Map(entries) => {
            for e in entries {
                shift_span(&mut e.key_span, by);
                shift(&mut e.value, by);
            }
        }
        _ => {}
    }
}

fn to_value(n: &Node) -> Value {
    match &n.kind {
        Kind::Null => Value::Null,
        Kind::Bool(b) => Value::Bool(*b),
        Kind::Number(f, _) => Value::from(*f),
        Kind::Str(s) => Value::String(s.clone()),
        Kind::Seq(items) => Value::List(items.iter().map(to_value).collect()),
        Kind::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|e| (e.key.clone(), to_value(&e.value)))
                .collect(),
        ),
        Kind::Bad => Value::unknown(),
    }
}

pub use rampart_model::resource::split_image_reference as split_image;

/// Load one manifest file; `display` is the path shown to users.
pub fn load(path: &Path, display: &str, sources: &SourceMap) -> (Vec<Resource>, Vec<Diagnostic>) {
    let text = match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(t)) => t,
        Ok(Err(_)) => {
            return (
                Vec::new(),
                vec![
                    Diagnostic::error("not-utf8", "the manifest is not UTF-8 text; skipped")
                        .with_path(display),
                ],
            )
        }
        Err(e) => {
            return (
                Vec::new(),
                vec![
                    Diagnostic::error("unreadable", format!("cannot read: {e}")).with_path(display)
                ],
            )
        }
    };
    let file = sources.add(SourceFile::new(display, path, text.clone()));
    from_text(&text, file)
}

/// The containers of every workload in a manifest text.
pub fn from_text(text: &str, file: FileId) -> (Vec<Resource>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for (offset, doc) in documents(text) {
        let (node, d) = rampart_yaml::yaml::parse(doc, file, &rampart_yaml::PLAIN);
        for mut diag in d {
            if let Some(s) = diag.span.as_mut() {
                shift_span(s, offset);
            }
            diags.push(diag);
        }
        let Some(mut node) = node else {
            continue;
        };
        shift(&mut node, offset);
        workload(&node, &mut out);
    }
    (out, diags)
}

fn workload(doc: &Node, out: &mut Vec<Resource>) {
    let Some(kind) = doc.get("kind").and_then(Node::as_str) else {
        return;
    };
    if kind == "List" {
        for item in doc.get("items").map(Node::items).unwrap_or(&[]) {
            workload(item, out);
        }
        return;
    }
    let Some((_, path)) = WORKLOADS.iter().find(|(k, _)| *k == kind) else {
        return;
    };
    let meta = doc.get("metadata");
    let name = meta
        .and_then(|m| m.get("name"))
        .and_then(Node::as_str)
        .unwrap_or("unnamed");
    let namespace = meta
        .and_then(|m| m.get("namespace"))
        .and_then(Node::as_str)
        .unwrap_or("default");
    let mut spec = Some(doc);
    for step in path.iter() {
        spec = spec.and_then(|n| n.get(step));
    }
    let Some(spec) = spec else {
        return;
    };
    const CONTAINER_LISTS: [&str; 3] = ["initContainers", "containers", "ephemeralContainers"];
    let placement = [
        ("workload_kind", kind),
        ("workload_name", name),
        ("namespace", namespace),
    ];
    let mut pod = Block::new("pod", spec.span);
    for e in spec.entries() {
        if !CONTAINER_LISTS.contains(&e.key.as_str()) {
            pod.attrs
                .insert(e.key.clone(), Attr::new(to_value(&e.value), e.span()));
        }
    }
    for (k, v) in placement {
        pod.attrs
            .insert(k.to_string(), Attr::new(Value::from(v), doc.span));
    }
    let pod_security = spec
        .entry("securityContext")
        .map(|e| Attr::new(to_value(&e.value), e.span()));
    out.push(Resource {
        address: format!("kubernetes.{kind}.{namespace}.{name}"),
        kind: "kubernetes_pod".into(),
        mode: ResourceMode::Managed,
        name: name.to_string(),
        module: String::new(),
        format: SourceFormat::Kubernetes,
        span: doc.span,
        body: pod,
        module_calls: Vec::new(),
    });
    for ctype in CONTAINER_LISTS {
        for c in spec.get(ctype).map(Node::items).unwrap_or(&[]) {
            let cname = c.get("name").and_then(Node::as_str).unwrap_or("unnamed");
            let image_entry = c.entry("image");
            let span = c.span;
            let mut body = Block::new("container", span);
            for e in c.entries() {
                let mut a = Attr::new(to_value(&e.value), e.span());
                a.origin = rampart_model::Origin::Explicit;
                body.attrs.insert(e.key.clone(), a);
            }
            if let Some(a) = &pod_security {
                body.attrs.insert("pod_security_context".into(), a.clone());
            }
            let attr_span = image_entry.map(|e| e.span()).unwrap_or(span);
            let image = image_entry.and_then(|e| e.value.as_str()).unwrap_or("");
            let (repository, tag, digest) = split_image(image);
            let opt = |v: Option<String>| v.map(Value::String).unwrap_or(Value::Null);
            for (k, v) in [
                ("repository", Value::String(repository)),
                ("tag", opt(tag)),
                ("digest", opt(digest)),
                ("workload_kind", Value::String(kind.to_string())),
                ("workload_name", Value::String(name.to_string())),
                ("namespace", Value::String(namespace.to_string())),
                ("container_type", Value::String(ctype.to_string())),
            ] {
                body.attrs.insert(k.to_string(), Attr::new(v, attr_span));
            }
            out.push(Resource {
                address: format!("kubernetes.{kind}.{namespace}.{name}.{cname}"),
                kind: "kubernetes_container".into(),
                mode: ResourceMode::Managed,
                name: cname.to_string(),
                module: String::new(),
                format: SourceFormat::Kubernetes,
                span,
                body,
                module_calls: Vec::new(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: migrate\n          image: registry.local:5000/shop/migrate:1.4.2\n      containers:\n        - name: app\n          image: nginx\n        - name: sidecar\n          image: envoyproxy/envoy@sha256:0123456789abcdef\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: report\n              image: busybox:latest\n";

    #[test]
    fn manifest_problems_have_yaml_codes_and_tags_stay_plain() {
        // A CloudFormation-looking tag means nothing in a manifest.
        let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: !Ref x\nspec:\n  containers:\n    - name: a\n      image: [unclosed\n";
        let (_, d) = from_text(text, FileId(0));
        let codes: Vec<&str> = d.iter().map(|x| x.code).collect();
        assert!(codes.contains(&"yaml-unknown-tag"), "{codes:?}");
        assert!(codes.contains(&"yaml-parse-error"), "{codes:?}");
        assert!(codes.iter().all(|c| !c.starts_with("cfn-")), "{codes:?}");
    }

    #[test]
    fn containers_of_all_workloads() {
        assert!(detect(MANIFEST));
        let (all, d) = from_text(MANIFEST, FileId(0));
        assert!(d.is_empty(), "{d:?}");
        let pods: Vec<&str> = all
            .iter()
            .filter(|x| x.kind == "kubernetes_pod")
            .map(|x| x.address.as_str())
            .collect();
        assert_eq!(
            pods,
            vec![
                "kubernetes.Deployment.shop.web",
                "kubernetes.CronJob.default.nightly"
            ]
        );
        let r: Vec<&Resource> = all
            .iter()
            .filter(|x| x.kind == "kubernetes_container")
            .collect();
        let addrs: Vec<&str> = r.iter().map(|x| x.address.as_str()).collect();
        assert_eq!(
            addrs,
            vec![
                "kubernetes.Deployment.shop.web.migrate",
                "kubernetes.Deployment.shop.web.app",
                "kubernetes.Deployment.shop.web.sidecar",
                "kubernetes.CronJob.default.nightly.report",
            ]
        );
        let tag = |i: usize| {
            r[i].body
                .value("tag")
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        assert_eq!(tag(0).as_deref(), Some("1.4.2"));
        assert_eq!(tag(1), None);
        assert_eq!(tag(3).as_deref(), Some("latest"));
        assert!(r[2].body.value("digest").is_some());
        // Spans point into the second document, at the image line.
        let img = r[1].body.attr("repository").expect("repository");
        assert_eq!(&MANIFEST[img.span.range()], "image: nginx");
    }

    #[test]
    fn pod_settings_are_on_the_pod_and_its_containers() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: a\n      image: nginx:1.27.2\n      securityContext:\n        privileged: false\n";
        let (r, d) = from_text(text, FileId(0));
        assert!(d.is_empty(), "{d:?}");
        let pod = r.iter().find(|x| x.kind == "kubernetes_pod").expect("pod");
        assert_eq!(pod.body.value("hostNetwork"), Some(&Value::Bool(true)));
        assert!(pod.body.value("containers").is_none());
        let c = r
            .iter()
            .find(|x| x.kind == "kubernetes_container")
            .expect("container");
        let nonroot = c
            .body
            .lookup("pod_security_context.runAsNonRoot")
            .map(|l| l.value.clone());
        assert_eq!(nonroot, Some(Value::Bool(true)));
        let privileged = c
            .body
            .lookup("securityContext.privileged")
            .map(|l| l.value.clone());
        assert_eq!(privileged, Some(Value::Bool(false)));
    }

    #[test]
    fn hostile_documents_do_not_panic() {
        let bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n";
        for t in [
            "",
            "---\n---\n",
            ": :",
            "kind: Pod\nspec: [",
            bomb,
            "kind: Deployment\nspec:\n  template: 3\n",
        ] {
            let _ = from_text(t, FileId(0));
        }
    }
}
