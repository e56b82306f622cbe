//! Files get into the image with COPY; ADD only where its extras are meant.

use rampart_model::{Resource, Severity};

use super::{HARDENING, HARDENING_POLICIES};
use crate::ctx::Ctx;
use crate::rule::{Check, Example, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RMP-DOCKER-004",
        name: "dockerfile-copy-not-add",
        title: "Dockerfiles use COPY for local files and verify what ADD downloads",
        severity: Severity::Low,
        kinds: &["dockerfile_from"],
        frameworks: HARDENING,
        policies: HARDENING_POLICIES,
        aliases: &["CKV_DOCKER_4", "AVD-DS-0005"],
        description: "Checks every `ADD` of every stage. Copying a local file or directory with \
            `ADD` fails (use `COPY`); a local tar archive, which `ADD` unpacks on purpose, \
            passes; a URL passes only with `--checksum=` (CIS Docker Benchmark 4.9).",
        rationale: "`ADD` silently unpacks archives and fetches URLs: a file that happens to be \
            an archive is expanded into the image, and a download is built in without any check \
            that it is the file the author meant.",
        remediation: "Use `COPY` for local files. For downloads, pin the content with \
            `ADD --checksum=sha256:...`, or fetch and verify it in a `RUN` step.",
        examples: &[
            Example::dockerfile_fail("FROM alpine:3.20\nADD config.yml /etc/app/\n"),
            Example::dockerfile_fail("FROM alpine:3.20\nADD https://example.com/tool /usr/local/bin/tool\n"),
            Example::dockerfile_pass(
                "FROM alpine:3.20\nCOPY config.yml /etc/app/\nADD rootfs.tar.gz /\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool /usr/local/bin/tool\n",
            ),
        ],
    },
    check,
};

const ARCHIVES: &[&str] = &[
    ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst",
];

fn check(st: &Resource, _ctx: &Ctx) -> Vec<Check> {
    let adds: Vec<_> = st.body.blocks("add").collect();
    if adds.is_empty() {
        return vec![Check::pass(st.span, "the stage has no ADD instruction")];
    }
    adds.into_iter()
        .map(|add| {
            let args = add.value("args").and_then(|v| v.as_str()).unwrap_or("");
            let words: Vec<&str> = args.split_whitespace().collect();
            let checksum = words.iter().any(|w| w.starts_with("--checksum="));
            let paths: Vec<&str> = words
                .iter()
                .copied()
                .filter(|w| !w.starts_with("--"))
                .collect();
            // All but the last word are sources.
            let sources = paths.split_last().map(|(_, s)| s).unwrap_or(&[]);
            let remote = |s: &&str| {
                let l = s.to_ascii_lowercase();
                l.starts_with("http://") || l.starts_with("https://") || l.starts_with("git@")
            };
            let archive = |s: &&str| {
                let l = s.to_ascii_lowercase();
                ARCHIVES.iter().any(|ext| l.ends_with(ext))
            };
            let check = if let Some(url) = sources.iter().find(|s| remote(s)) {
                if checksum {
                    Check::pass(add.span, format!("`{url}` is downloaded with a checksum"))
                } else {
                    Check::fail(
                        add.span,
                        format!("`{url}` is downloaded without a checksum"),
                    )
                }
            } else if let Some(plain) = sources.iter().find(|s| !archive(s)) {
                Check::fail(add.span, format!("`{plain}` is a local file: use COPY"))
            } else {
                Check::pass(add.span, "ADD unpacks a local archive")
            };
            check.at("add")
        })
        .collect()
}
