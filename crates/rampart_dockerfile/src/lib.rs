//! Dockerfile front end.
//!
//! Reads a Dockerfile (or Containerfile) into instructions with byte spans —
//! line continuations, comments, parser directives and heredocs handled — and
//! turns each `FROM` into a canonical resource of kind `dockerfile_from`, so
//! rules can judge base images like any other resource:
//!
//! | attribute | meaning |
//! |---|---|
//! | `image` | the image reference as written, `ARG` defaults substituted |
//! | `repository` | the reference without tag and digest |
//! | `tag` | the tag, or null |
//! | `digest` | the `sha256:…` digest, or null |
//! | `stage` | the `AS name`, or null |
//! | `is_stage_ref` | the image names an earlier build stage |
//! | `is_scratch` | `FROM scratch` |
//! | `unresolved` | an `${ARG}` without default is left in the reference |
//! | `final_stage` | this is the last stage, the image the build produces |
//! | `user` | the stage's last `USER` (span: that instruction), or null |
//! | `effective_user` | `user`, or the one inherited from the stage it builds on (`FROM build`), or null |
//! | `healthcheck` | the stage's last `HEALTHCHECK` arguments, or null |
//!
//! Each `ADD` of the stage is a nested block `add` with its `args` (span: the
//! instruction).
//!
//! Addresses are `dockerfile_from.<stage name>` or `dockerfile_from.stage<N>`.
//! Nothing here panics on input: a file that is not text is a diagnostic.

use std::collections::HashMap;
use std::path::Path;

use rampart_model::{Attr, Block, Diagnostic, Resource, ResourceMode, SourceFormat, Span, Value};
use rampart_source::{FileId, SourceFile, SourceMap};

/// One instruction: keyword (upper-cased), its arguments with continuations
/// joined, and the span from keyword to the end of its last line.
#[derive(Debug, Clone, PartialEq)]
pub struct Instruction {
    pub keyword: String,
    pub args: String,
    pub span: Span,
    pub line: usize,
}

/// True for file names Docker and Podman build from.
pub fn is_dockerfile_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n == "dockerfile"
        || n == "containerfile"
        || n.starts_with("dockerfile.")
        || n.ends_with(".dockerfile")
        || n.ends_with(".containerfile")
}

/// Split a Dockerfile into instructions.
pub fn parse(text: &str, file: FileId) -> Vec<Instruction> {
    let mut out = Vec::new();
    let mut escape = '\\';
    let mut directives_open = true;
    let mut offset = 0usize;
    let mut lines = text.split_inclusive('\n').enumerate().peekable();
    while let Some((idx, raw)) = lines.next() {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') {
            if directives_open {
                let d = trimmed.trim_start_matches('#').trim();
                if let Some(v) = d.strip_prefix("escape=") {
                    if let Some(c) = v.trim().chars().next() {
                        escape = c;
                    }
                }
            }
            continue;
        }
        if trimmed.is_empty() {
            continue;
        }
        directives_open = false;
        let mut body = trimmed.to_string();
        let mut end = offset;
        // Heredoc (`RUN <<EOF`): swallow lines up to the terminator.
        let heredoc = body
            .find("<<")
            .map(|i| {
                body[i + 2..]
                    .trim_start_matches('-')
                    .trim_matches(['"', '\''])
            })
            .and_then(|rest| rest.split_whitespace().next())
            .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .map(str::to_string);
        while body.ends_with(escape) {
            body.pop();
            match lines.next() {
                Some((_, more)) => {
                    offset += more.len();
                    end = offset;
                    let m = more.trim_end_matches(['\n', '\r']);
                    if m.trim_start().starts_with('#') {
                        body.push(escape);
                        continue;
                    }
                    body.push(' ');
                    body.push_str(m.trim());
                }
                None => break,
            }
        }
        if let Some(term) = heredoc {
            for (_, more) in lines.by_ref() {
                offset += more.len();
                end = offset;
                if more.trim() == term {
                    break;
                }
            }
        }
        let (kw, args) = match body.split_once(char::is_whitespace) {
            Some((k, a)) => (k, a.trim()),
            None => (body.as_str(), ""),
        };
        let end = end.min(text.len());
        let content_end = text
            .get(start..end)
            .map(|s| start + s.trim_end().len())
            .unwrap_or(end);
        out.push(Instruction {
            keyword: kw.to_ascii_uppercase(),
            args: args.to_string(),
            span: Span::new(file, start + (line.len() - trimmed.len()), content_end),
            line: idx + 1,
        });
    }
    out
}

/// Substitute `$NAME`, `${NAME}` and `${NAME:-default}` from `vars`; returns
/// the text and whether something stayed unresolved.
fn substitute(s: &str, vars: &HashMap<String, String>) -> (String, bool) {
    let mut out = String::new();
    let mut unresolved = false;
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '$' {
            out.push(c);
            i += 1;
            continue;
        }
        let braced = chars.get(i + 1) == Some(&'{');
        let mut j = if braced { i + 2 } else { i + 1 };
        let name_start = j;
        while j < chars.len() && (chars[j].is_ascii_alphanumeric() || chars[j] == '_') {
            j += 1;
        }
        let name: String = chars[name_start..j].iter().collect();
        let mut default = None;
        if braced {
            let mut k = j;
            while k < chars.len() && chars[k] != '}' {
                k += 1;
            }
            let inner: String = chars[j..k.min(chars.len())].iter().collect();
            if let Some(d) = inner.strip_prefix(":-") {
                default = Some(d.to_string());
            }
            j = (k + 1).min(chars.len());
        }
        if name.is_empty() {
            out.push('$');
            i += 1;
            continue;
        }
        match vars
            .get(&name)
            .filter(|v| !v.is_empty())
            .cloned()
            .or(default)
        {
            Some(v) => out.push_str(&v),
            None => {
                unresolved = true;
                out.push_str(&chars[i..j].iter().collect::<String>());
            }
        }
        i = j;
    }
    (out, unresolved)
}

pub use rampart_model::resource::split_image_reference as split_reference;

/// Load one Dockerfile: register it in `sources`, return its `FROM`s as resources.
pub fn load(path: &Path, display: &str, sources: &SourceMap) -> (Vec<Resource>, Vec<Diagnostic>) {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return (
                Vec::new(),
                vec![
                    Diagnostic::error("unreadable", format!("cannot read: {e}")).with_path(display)
                ],
            )
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return (
            Vec::new(),
            vec![
                Diagnostic::error("not-utf8", "the Dockerfile is not UTF-8 text; skipped")
                    .with_path(display),
            ],
        );
    };
    let file = sources.add(SourceFile::new(display, path, text.clone()));
    (from_resources(&text, file), Vec::new())
}

/// The `FROM` instructions of a Dockerfile text as canonical resources.
pub fn from_resources(text: &str, file: FileId) -> Vec<Resource> {
    let mut vars: HashMap<String, String> = HashMap::new();
    let mut stages: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let mut seen_from = false;
    for ins in parse(text, file) {
        match ins.keyword.as_str() {
            // ARGs before the first FROM are the ones FROM can use.
            "ARG" if !seen_from => {
                for part in ins.args.split_whitespace() {
                    let (k, v) = part.split_once('=').unwrap_or((part, ""));
                    vars.insert(k.to_string(), v.trim_matches('"').to_string());
                }
            }
            "FROM" => {
                seen_from = true;
                let words: Vec<&str> = ins
                    .args
                    .split_whitespace()
                    .filter(|w| !w.starts_with("--"))
                    .collect();
                let platform = ins
                    .args
                    .split_whitespace()
                    .find_map(|w| w.strip_prefix("--platform="))
                    .map(str::to_string);
                let Some(raw_image) = words.first() else {
                    continue;
                };
                let stage = match (words.get(1), words.get(2)) {
                    (Some(a), Some(name)) if a.eq_ignore_ascii_case("as") => Some(name.to_string()),
                    _ => None,
                };
                let (image, unresolved) = substitute(raw_image, &vars);
                let (repository, tag, digest) = split_reference(&image);
                let is_stage_ref = stages.iter().any(|s| s.eq_ignore_ascii_case(&image));
                let index = out.len();
                let mut body = Block::new("from", ins.span);
                let a = |v: Value| Attr::new(v, ins.span);
                let opt = |v: Option<String>| v.map(Value::String).unwrap_or(Value::Null);
                body.attrs
                    .insert("image".into(), a(Value::String(image.clone())));
                body.attrs
                    .insert("repository".into(), a(Value::String(repository)));
                body.attrs.insert("tag".into(), a(opt(tag)));
                body.attrs.insert("digest".into(), a(opt(digest)));
                body.attrs.insert("stage".into(), a(opt(stage.clone())));
                body.attrs.insert("platform".into(), a(opt(platform)));
                body.attrs
                    .insert("is_stage_ref".into(), a(Value::Bool(is_stage_ref)));
                body.attrs.insert(
                    "is_scratch".into(),
                    a(Value::Bool(image.eq_ignore_ascii_case("scratch"))),
                );
                body.attrs
                    .insert("unresolved".into(), a(Value::Bool(unresolved)));
                let name = stage.clone().unwrap_or_else(|| format!("stage{index}"));
                if let Some(s) = &stage {
                    stages.push(s.clone());
                }
                out.push(Resource {
                    address: format!("dockerfile_from.{name}"),
                    kind: "dockerfile_from".into(),
                    mode: ResourceMode::Managed,
                    name,
                    module: String::new(),
                    format: SourceFormat::Dockerfile,
                    span: ins.span,
                    body,
                    module_calls: Vec::new(),
                });
            }
            "USER" | "HEALTHCHECK" | "ADD" if seen_from => {
                let Some(stage) = out.last_mut() else {
                    continue;
                };
                let value = Attr::new(Value::String(ins.args.trim().to_string()), ins.span);
                match ins.keyword.as_str() {
                    "USER" => {
                        stage.body.attrs.insert("user".into(), value);
                    }
                    "HEALTHCHECK" => {
                        stage.body.attrs.insert("healthcheck".into(), value);
                    }
                    _ => {
                        let mut add = Block::new("add", ins.span);
                        add.attrs.insert("args".into(), value);
                        stage.body.blocks.push(add);
                    }
                }
            }
            _ => {}
        }
    }
    finish_stages(&mut out);
    out
}

/// Mark the final stage and work out each stage's effective user: its own
/// last `USER`, else the effective user of the stage it is built `FROM`.
fn finish_stages(stages: &mut [Resource]) {
    let last = stages.len().saturating_sub(1);
    // (stage name, effective user) of the stages seen so far.
    let mut seen: Vec<(Option<String>, Option<Attr>)> = Vec::with_capacity(stages.len());
    for (i, st) in stages.iter_mut().enumerate() {
        st.body.attrs.insert(
            "final_stage".into(),
            Attr::new(Value::Bool(i == last), st.span),
        );
        let name = st
            .body
            .value("stage")
            .and_then(Value::as_str)
            .map(str::to_string);
        let own = st.body.attr("user").cloned();
        let inherited = if st.body.value("is_stage_ref") == Some(&Value::Bool(true)) {
            let image = st.body.value("image").and_then(Value::as_str).unwrap_or("");
            // The latest earlier stage of that name (names may be reused).
            seen.iter()
                .rev()
                .find(|(n, _)| n.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(image)))
                .and_then(|(_, u)| u.clone())
        } else {
            None
        };
        let effective = own.or(inherited);
        st.body.attrs.insert(
            "effective_user".into(),
            effective
                .clone()
                .unwrap_or_else(|| Attr::new(Value::Null, st.span)),
        );
        seen.push((name, effective));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn froms(text: &str) -> Vec<Resource> {
        from_resources(text, FileId(0))
    }

    fn s<'a>(r: &'a Resource, k: &str) -> Option<&'a str> {
        r.body.value(k).and_then(|v| v.as_str())
    }

    #[test]
    fn references_split_into_parts() {
        assert_eq!(
            split_reference("registry.local:5000/team/app:1.2@sha256:abc"),
            (
                "registry.local:5000/team/app".to_string(),
                Some("1.2".to_string()),
                Some("sha256:abc".to_string())
            )
        );
        assert_eq!(
            split_reference("ubuntu"),
            ("ubuntu".to_string(), None, None)
        );
        assert_eq!(
            split_reference("registry.local:5000/app"),
            ("registry.local:5000/app".to_string(), None, None)
        );
    }

    #[test]
    fn stages_args_and_continuations() {
        let text = "# syntax=docker/dockerfile:1\nARG BASE=python:3.12-slim\nFROM --platform=linux/amd64 \\\n    ${BASE} AS build\nRUN echo hi\nFROM build AS test\nFROM scratch\nFROM $MISSING\n";
        let r = froms(text);
        assert_eq!(r.len(), 4);
        assert_eq!(r[0].address, "dockerfile_from.build");
        assert_eq!(s(&r[0], "image"), Some("python:3.12-slim"));
        assert_eq!(s(&r[0], "tag"), Some("3.12-slim"));
        assert_eq!(s(&r[0], "platform"), Some("linux/amd64"));
        assert_eq!(r[1].body.value("is_stage_ref"), Some(&Value::Bool(true)));
        assert_eq!(r[2].body.value("is_scratch"), Some(&Value::Bool(true)));
        assert_eq!(r[2].address, "dockerfile_from.stage2");
        assert_eq!(r[3].body.value("unresolved"), Some(&Value::Bool(true)));
    }

    #[test]
    fn spans_cover_the_instruction() {
        let text = "FROM alpine:3.20\nRUN <<EOF\nFROM not-an-instruction\nEOF\nFROM nginx\n";
        let ins = parse(text, FileId(0));
        let kws: Vec<&str> = ins.iter().map(|i| i.keyword.as_str()).collect();
        assert_eq!(kws, vec!["FROM", "RUN", "FROM"]);
        assert_eq!(ins[2].line, 5);
        assert_eq!(&text[ins[0].span.range()], "FROM alpine:3.20");
    }

    #[test]
    fn stages_carry_user_healthcheck_and_adds() {
        let text = "FROM golang:1.23 AS build\nUSER builder\nADD src.tar.gz /src/\nFROM build AS test\nFROM alpine:3.20\nADD a.txt /a\nHEALTHCHECK CMD wget -q localhost\nUSER app\nUSER root\n";
        let r = froms(text);
        let v = |i: usize, k: &str| r[i].body.value(k).cloned();
        assert_eq!(v(0, "final_stage"), Some(Value::Bool(false)));
        assert_eq!(v(2, "final_stage"), Some(Value::Bool(true)));
        // The test stage builds on `build` and inherits its user.
        assert_eq!(v(1, "user"), None);
        assert_eq!(v(1, "effective_user"), Some(Value::from("builder")));
        // The last USER wins.
        assert_eq!(v(2, "effective_user"), Some(Value::from("root")));
        assert_eq!(
            v(2, "healthcheck"),
            Some(Value::from("CMD wget -q localhost"))
        );
        assert_eq!(r[0].body.blocks("add").count(), 1);
        let add = r[2].body.blocks("add").next().expect("add");
        assert_eq!(&text[add.span.range()], "ADD a.txt /a");
    }

    #[test]
    fn hostile_text_does_not_panic() {
        for t in [
            "",
            "\\",
            "FROM",
            "FROM ${",
            "FROM $",
            "ARG\nFROM ${A:-}",
            "FROM a:b:c@",
            "\u{feff}FROM é:ü",
        ] {
            let _ = froms(t);
        }
    }

    #[test]
    fn recognises_file_names() {
        assert!(is_dockerfile_name("Dockerfile"));
        assert!(is_dockerfile_name("Dockerfile.prod"));
        assert!(is_dockerfile_name("api.dockerfile"));
        assert!(is_dockerfile_name("Containerfile"));
        assert!(!is_dockerfile_name("main.tf"));
    }
}
