//! YAML templates, read from saphyr-parser's event stream so that positions,
//! tags, anchors and merge keys are under our control:
//!
//! * local tags the [`Dialect`] knows become one-key mappings (CloudFormation's
//!   `!Ref x` is `{Ref: x}`, `!GetAtt a.b` is `{"Fn::GetAtt": [a, b]}`);
//! * `<<` merge keys are expanded here (keys written in the mapping win);
//! * aliases are copied, within a budget of nodes (a "billion laughs" document
//!   stops at the budget with a diagnostic instead of exhausting memory);
//! * nesting deeper than [`MAX_DEPTH`] is cut off;
//! * duplicate keys are reported (the last one wins, as CloudFormation does);
//! * on a syntax error the part read so far is kept, so resources before the
//!   error are still evaluated.

use std::collections::HashMap;

use rampart_model::Diagnostic;
use rampart_source::{FileId, Span};
use saphyr_parser::{Event, Parser, ScalarStyle, Tag};

use crate::node::{Entry, Kind, Node, MAX_DEPTH};
use crate::Dialect;

/// Most nodes that alias expansion may create in one document.
pub const ALIAS_BUDGET: usize = 100_000;

/// Maps saphyr's character indices to byte offsets.
struct Offsets {
    /// `None` for ASCII text (indices are byte offsets already).
    table: Option<Vec<u32>>,
    len: usize,
}

impl Offsets {
    fn new(text: &str) -> Offsets {
        if text.is_ascii() {
            return Offsets {
                table: None,
                len: text.len(),
            };
        }
        let mut t: Vec<u32> = text
            .char_indices()
            .map(|(i, _)| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        t.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        Offsets {
            table: Some(t),
            len: text.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        match &self.table {
            None => char_index.min(self.len),
            Some(t) => t
                .get(char_index)
                .or_else(|| t.last())
                .map(|v| *v as usize)
                .unwrap_or(0),
        }
    }
}

enum Frame {
    Seq {
        items: Vec<Node>,
        start: Span,
        anchor: usize,
        tag: Option<String>,
    },
    Map {
        entries: Vec<Entry>,
        /// Merged entries from `<<`, applied when the mapping ends.
        merged: Vec<Entry>,
        key: Option<(String, Span, bool)>,
        start: Span,
        anchor: usize,
        tag: Option<String>,
    },
}

struct Builder<'a> {
    dialect: &'a Dialect,
    file: FileId,
    offsets: &'a Offsets,
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Node, usize, usize)>,
    budget: usize,
    budget_reported: bool,
    /// Depth of skipped (too deep) collections still open.
    skipping: usize,
    skip_start: Span,
    docs: Vec<Node>,
    diags: Vec<Diagnostic>,
}

/// Parse YAML text into the first document's tree (`None` when there is no
/// document at all), with diagnostics.
pub fn parse(text: &str, file: FileId, dialect: &Dialect) -> (Option<Node>, Vec<Diagnostic>) {
    let offsets = Offsets::new(text);
    let mut b = Builder {
        dialect,
        file,
        offsets: &offsets,
        stack: Vec::new(),
        anchors: HashMap::new(),
        budget: ALIAS_BUDGET,
        budget_reported: false,
        skipping: 0,
        skip_start: Span::default(),
        docs: Vec::new(),
        diags: Vec::new(),
    };
    let parser = Parser::new_from_str(text);
    for item in parser {
        match item {
            Ok((ev, span)) => {
                let s = b.span(span.start.index(), span.end.index());
                b.event(ev, s);
            }
            Err(e) => {
                let at = offsets.byte(e.marker().index());
                let sp = Span::new(file, at, at);
                b.diags.push(
                    Diagnostic::error(
                        dialect.codes.parse_error,
                        format!("YAML syntax error: {}", e.info()),
                    )
                    .with_span(sp),
                );
                // Keep what was read: close every open collection.
                while !b.stack.is_empty() {
                    b.end_collection(sp);
                }
                break;
            }
        }
    }
    if b.docs.len() > 1 {
        let sp = b.docs.get(1).map(|d| d.span).unwrap_or_default();
        b.diags.push(
            Diagnostic::warning(
                dialect.codes.multiple_documents,
                "the file holds several YAML documents; only the first is read as a template",
            )
            .with_span(sp),
        );
    }
    let mut docs = b.docs.into_iter();
    (docs.next(), b.diags)
}

impl Builder<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, self.offsets.byte(start), self.offsets.byte(end))
    }

    fn event(&mut self, ev: Event<'_>, span: Span) {
        if self.skipping > 0 {
            match ev {
                Event::SequenceStart(..) | Event::MappingStart(..) => self.skipping += 1,
                Event::SequenceEnd | Event::MappingEnd => {
                    self.skipping -= 1;
                    if self.skipping == 0 {
                        let sp = self.skip_start.join(span);
                        self.complete(Node::new(Kind::Bad, sp), 0);
                    }
                }
                _ => {}
            }
            return;
        }
        match ev {
            Event::Scalar(text, style, anchor, tag) => {
                let tag = tag.map(|t| tag_name(&t));
                let node = self.scalar(&text, style, tag.as_deref(), span);
                self.complete(node, anchor);
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag)
                if self.stack.len() >= MAX_DEPTH =>
            {
                let _ = (anchor, tag);
                self.diags.push(
                    Diagnostic::error(
                        self.dialect.codes.too_deep,
                        format!("nesting deeper than {MAX_DEPTH} levels; the rest of this value is ignored"),
                    )
                    .with_span(span),
                );
                self.skipping = 1;
                self.skip_start = span;
            }
            Event::SequenceStart(anchor, tag) => self.stack.push(Frame::Seq {
                items: Vec::new(),
                start: span,
                anchor,
                tag: tag.map(|t| tag_name(&t)),
            }),
            Event::MappingStart(anchor, tag) => self.stack.push(Frame::Map {
                entries: Vec::new(),
                merged: Vec::new(),
                key: None,
                start: span,
                anchor,
                tag: tag.map(|t| tag_name(&t)),
            }),
            Event::SequenceEnd | Event::MappingEnd => self.end_collection(span),
            Event::Alias(id) => {
                let node = match self.anchors.get(&id) {
                    Some((_, _, depth)) if self.stack.len() + *depth > MAX_DEPTH => {
                        self.diags.push(
                            Diagnostic::error(
                                self.dialect.codes.too_deep,
                                format!(
                                    "this alias would nest the document deeper than {MAX_DEPTH} levels; it is not expanded"
                                ),
                            )
                            .with_span(span),
                        );
                        Node::new(Kind::Bad, span)
                    }
                    Some((n, size, _)) => {
                        let size = *size;
                        if size > self.budget {
                            if !self.budget_reported {
                                self.budget_reported = true;
                                self.diags.push(
                                    Diagnostic::error(
                                        self.dialect.codes.alias_budget,
                                        format!(
                                            "YAML aliases expand to more than {ALIAS_BUDGET} nodes; \
                                             further aliases are not expanded"
                                        ),
                                    )
                                    .with_span(span),
                                );
                            }
                            Node::new(Kind::Bad, span)
                        } else {
                            self.budget -= size;
                            let mut c = n.clone();
                            c.span = span;
                            // Keep inner spans (they point at the anchored text).
                            c
                        }
                    }
                    None => {
                        self.diags.push(
                            Diagnostic::error(
                                self.dialect.codes.parse_error,
                                "alias to an unknown anchor",
                            )
                            .with_span(span),
                        );
                        Node::new(Kind::Bad, span)
                    }
                };
                self.complete(node, 0);
            }
            Event::Nothing
            | Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd => {}
        }
    }

    fn end_collection(&mut self, span: Span) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let (node, anchor, tag) = match frame {
            Frame::Seq {
                items,
                start,
                anchor,
                tag,
            } => {
                let end = items.last().map(|n| n.span).unwrap_or(span);
                let sp = start.join(end);
                (Node::new(Kind::Seq(items), sp), anchor, tag)
            }
            Frame::Map {
                mut entries,
                merged,
                key,
                start,
                anchor,
                tag,
            } => {
                if let Some((k, ks, _)) = key {
                    // A key without value (truncated input).
                    entries.push(Entry {
                        key: k,
                        key_span: ks,
                        value: Node::new(Kind::Null, ks),
                    });
                }
                for m in merged {
                    if !entries.iter().any(|e| e.key == m.key) {
                        entries.push(m);
                    }
                }
                let end = entries.iter().map(|e| e.span()).fold(start, Span::join);
                let sp = if entries.is_empty() {
                    start.join(span)
                } else {
                    end
                };
                (Node::new(Kind::Map(entries), sp), anchor, tag)
            }
        };
        let node = self.apply_tag(node, tag.as_deref());
        self.complete(node, anchor);
    }

    fn scalar(&mut self, text: &str, style: ScalarStyle, tag: Option<&str>, span: Span) -> Node {
        let plain = matches!(style, ScalarStyle::Plain);
        let kind = match tag {
            Some("tag:yaml.org,2002:str") => Kind::Str(text.to_string()),
            Some("tag:yaml.org,2002:int") | Some("tag:yaml.org,2002:float") => {
                match text.trim().parse::<f64>() {
                    Ok(n) => Kind::Number(n, text.to_string()),
                    Err(_) => Kind::Str(text.to_string()),
                }
            }
            Some("tag:yaml.org,2002:bool") => match resolve_plain(text) {
                k @ Kind::Bool(_) => k,
                _ => Kind::Str(text.to_string()),
            },
            Some("tag:yaml.org,2002:null") => Kind::Null,
            _ if plain => resolve_plain(text),
            _ => Kind::Str(text.to_string()),
        };
        let node = Node::new(kind, span);
        match tag {
            Some(t) if t.starts_with("tag:yaml.org,2002:") => node,
            other => self.apply_tag(node, other),
        }
    }

    fn apply_tag(&mut self, node: Node, tag: Option<&str>) -> Node {
        let Some(tag) = tag else {
            return node;
        };
        if let Some(short) = tag.strip_prefix('!') {
            if let Some(long) = (self.dialect.long_form)(short) {
                let span = node.span;
                let inner = if self.dialect.split_get_att && long == "Fn::GetAtt" {
                    // `!GetAtt Res.Attr` is the string form of `[Res, Attr]`.
                    match &node.kind {
                        Kind::Str(s) => match s.split_once('.') {
                            Some((a, b)) => Node::new(
                                Kind::Seq(vec![
                                    Node::new(Kind::Str(a.to_string()), span),
                                    Node::new(Kind::Str(b.to_string()), span),
                                ]),
                                span,
                            ),
                            None => node,
                        },
                        _ => node,
                    }
                } else {
                    node
                };
                return Node::new(
                    Kind::Map(vec![Entry {
                        key: long.to_string(),
                        key_span: span,
                        value: inner,
                    }]),
                    span,
                );
            }
        }
        if tag.starts_with("tag:yaml.org,2002:") {
            return node;
        }
        self.diags.push(
            Diagnostic::warning(
                self.dialect.codes.unknown_tag,
                format!("unknown YAML tag `{tag}`; the value is treated as unknown"),
            )
            .with_span(node.span),
        );
        Node::new(Kind::Bad, node.span)
    }

    fn complete(&mut self, node: Node, anchor: usize) {
        if anchor != 0 {
            let size = node.size();
            let depth = node.depth();
            self.anchors.insert(anchor, (node.clone(), size, depth));
        }
        let mut dup: Option<(String, Span)> = None;
        match self.stack.last_mut() {
            None => self.docs.push(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                merged,
                key,
                ..
            }) => match key.take() {
                None => {
                    let (k, plain_merge) = match &node.kind {
                        Kind::Str(s) => (s.clone(), s == "<<"),
                        Kind::Number(_, t) => (t.clone(), false),
                        Kind::Bool(b) => (b.to_string(), false),
                        Kind::Null => ("null".to_string(), false),
                        _ => (String::new(), false),
                    };
                    *key = Some((k, node.span, plain_merge));
                }
                Some((k, key_span, is_merge)) => {
                    if is_merge {
                        let sources: Vec<&Node> = match &node.kind {
                            Kind::Map(_) => vec![&node],
                            Kind::Seq(items) => items.iter().collect(),
                            _ => Vec::new(),
                        };
                        // Earlier sources win over later ones.
                        for src in sources {
                            for e in src.entries() {
                                if !merged.iter().any(|m| m.key == e.key) {
                                    merged.push(e.clone());
                                }
                            }
                        }
                        return;
                    }
                    if let Some(i) = entries.iter().position(|e| e.key == k) {
                        dup = Some((k.clone(), key_span));
                        entries.remove(i);
                    }
                    entries.push(Entry {
                        key: k,
                        key_span,
                        value: node,
                    });
                }
            },
        }
        if let Some((k, sp)) = dup {
            self.diags.push(
                Diagnostic::warning(
                    self.dialect.codes.duplicate_key,
                    format!("duplicate key `{k}`; the last one is used"),
                )
                .with_span(sp),
            );
        }
    }
}

fn tag_name(t: &Tag) -> String {
    format!("{}{}", t.handle, t.suffix)
}

/// Resolve a plain scalar (YAML 1.2 core schema, which is what CloudFormation
/// accepts; `yes`/`no` stay strings).
fn resolve_plain(s: &str) -> Kind {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Kind::Null,
        "true" | "True" | "TRUE" => return Kind::Bool(true),
        "false" | "False" | "FALSE" => return Kind::Bool(false),
        _ => {}
    }
    let looks_numeric = s
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
        && s.bytes().any(|b| b.is_ascii_digit());
    if looks_numeric {
        if let Ok(n) = s.parse::<f64>() {
            if n.is_finite() {
                return Kind::Number(n, s.to_string());
            }
        }
    }
    if let Some(h) = s.strip_prefix("0x") {
        if let Ok(n) = i64::from_str_radix(h, 16) {
            return Kind::Number(n as f64, s.to_string());
        }
    }
    Kind::Str(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn short(tag: &str) -> Option<&'static str> {
        match tag {
            "Ref" => Some("Ref"),
            "GetAtt" => Some("Fn::GetAtt"),
            "Sub" => Some("Fn::Sub"),
            _ => None,
        }
    }

    /// CloudFormation-like local tags, plain codes.
    const TEST: Dialect = Dialect {
        long_form: short,
        split_get_att: true,
        codes: crate::PLAIN.codes,
    };

    fn p(src: &str) -> (Node, Vec<Diagnostic>) {
        let (n, d) = parse(src, FileId(0), &TEST);
        (n.unwrap_or(Node::new(Kind::Null, Span::default())), d)
    }

    #[test]
    fn short_tags_become_long_form() {
        let (n, d) = p("a: !Ref X\nb: !GetAtt R.Arn\nc: !Sub 'x-${Y}'\n");
        assert!(d.is_empty(), "{d:?}");
        let a = n.get("a").and_then(|v| v.get("Ref")).and_then(Node::as_str);
        assert_eq!(a, Some("X"));
        let b = n
            .get("b")
            .and_then(|v| v.get("Fn::GetAtt"))
            .map(|v| v.items().len());
        assert_eq!(b, Some(2));
        assert!(n.get("c").and_then(|v| v.get("Fn::Sub")).is_some());
    }

    #[test]
    fn merge_keys_and_duplicates() {
        let (n, d) = p("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n  y: 4\n");
        let m = n
            .get("m")
            .cloned()
            .unwrap_or(Node::new(Kind::Null, Span::default()));
        assert_eq!(m.get("x").and_then(Node::as_str), Some("1"));
        assert_eq!(m.get("y").and_then(Node::as_str), Some("4"));
        assert!(d.iter().any(|d| d.code == "yaml-duplicate-key"));
    }

    #[test]
    fn billion_laughs_is_capped() {
        let mut src = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = format!("*a{}", i - 1);
            let items = [prev.as_str(); 10].join(", ");
            src.push_str(&format!("a{i}: &a{i} [{items}]\n"));
        }
        let (_n, d) = p(&src);
        assert!(d.iter().any(|d| d.code == "yaml-alias-budget"));
    }

    #[test]
    fn deep_nesting_is_cut() {
        // saphyr stops flow collections at its own recursion limit.
        let src = format!("a: {}1{}\nb: 2\n", "[".repeat(500), "]".repeat(500));
        let (_n, d) = p(&src);
        assert!(
            d.iter()
                .any(|d| d.code == "yaml-too-deep" || d.code == "yaml-parse-error"),
            "{d:?}"
        );
        // Block style: cut by our own limit, the rest is read.
        let mut src = String::new();
        for i in 0..100 {
            src.push_str(&" ".repeat(i));
            src.push_str("k:\n");
        }
        src.push_str("z: 1\n");
        let (n, d) = p(&src);
        assert!(d.iter().any(|d| d.code == "yaml-too-deep"), "{d:?}");
        assert_eq!(n.get("z").and_then(Node::as_str), Some("1"));
    }

    #[test]
    fn unknown_tag_is_reported() {
        let (n, d) = p("a: !Bogus 1\nb: 2\n");
        assert!(d.iter().any(|d| d.code == "yaml-unknown-tag"));
        assert_eq!(n.get("a").map(|v| &v.kind), Some(&Kind::Bad));
        assert_eq!(n.get("b").and_then(Node::as_str), Some("2"));
    }

    #[test]
    fn syntax_error_keeps_earlier_part() {
        let (n, d) = p("a: 1\nb: [1, 2\nc: 3\n");
        assert!(d.iter().any(|d| d.code == "yaml-parse-error"));
        assert_eq!(n.get("a").and_then(Node::as_str), Some("1"));
    }

    #[test]
    fn spans_are_bytes() {
        let (n, _) = p("é: x\nb: y\n");
        let e = n.entry("b").map(|e| e.key_span.start);
        assert_eq!(e, Some(6));
    }
}
