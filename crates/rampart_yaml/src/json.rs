//! JSON templates with byte spans. Tolerates what people write by hand and
//! what tools emit: `//` and `/* */` comments, trailing commas, a byte order
//! mark. Nesting is capped at [`MAX_DEPTH`]; duplicate keys are reported (the
//! last one wins). On a syntax error the part read so far is kept.

use rampart_model::Diagnostic;
use rampart_source::{FileId, Span};

use crate::node::{Entry, Kind, Node, MAX_DEPTH};
use crate::Codes;

struct P<'a> {
    codes: &'a Codes,
    s: &'a [u8],
    text: &'a str,
    i: usize,
    file: FileId,
    diags: Vec<Diagnostic>,
    failed: bool,
}

/// Parse JSON text into a tree, with diagnostics (codes from `codes`).
pub fn parse(text: &str, file: FileId, codes: &Codes) -> (Option<Node>, Vec<Diagnostic>) {
    let mut p = P {
        codes,
        s: text.as_bytes(),
        text,
        i: 0,
        file,
        diags: Vec::new(),
        failed: false,
    };
    if text.starts_with('\u{feff}') {
        p.i = 3;
    }
    p.ws();
    if p.i >= p.s.len() {
        return (None, p.diags);
    }
    let node = p.value(0);
    p.ws();
    if !p.failed && p.i < p.s.len() {
        p.error("unexpected text after the JSON value");
    }
    (Some(node), p.diags)
}

impl P<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start, end)
    }

    fn error(&mut self, msg: &str) {
        if !self.failed {
            self.failed = true;
            let sp = self.span(self.i, self.i);
            self.diags.push(
                Diagnostic::error(self.codes.parse_error, format!("JSON syntax error: {msg}"))
                    .with_span(sp),
            );
        }
        // Stop reading: jump to the end.
        self.i = self.s.len();
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.i += 1,
                Some(b'/') => match self.s.get(self.i + 1) {
                    Some(b'/') => {
                        while let Some(c) = self.peek() {
                            if c == b'\n' {
                                break;
                            }
                            self.i += 1;
                        }
                    }
                    Some(b'*') => {
                        self.i += 2;
                        loop {
                            match self.peek() {
                                None => break,
                                Some(b'*') if self.s.get(self.i + 1) == Some(&b'/') => {
                                    self.i += 2;
                                    break;
                                }
                                Some(_) => self.i += 1,
                            }
                        }
                    }
                    _ => return,
                },
                _ => return,
            }
        }
    }

    fn value(&mut self, depth: usize) -> Node {
        let start = self.i;
        if depth >= MAX_DEPTH {
            let sp = self.span(start, start);
            self.diags.push(
                Diagnostic::error(
                    self.codes.too_deep,
                    format!("nesting deeper than {MAX_DEPTH} levels"),
                )
                .with_span(sp),
            );
            self.failed = true;
            self.i = self.s.len();
            return Node::new(Kind::Bad, sp);
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => match self.string() {
                Some(s) => Node::new(Kind::Str(s), self.span(start, self.i)),
                None => Node::new(Kind::Bad, self.span(start, self.i)),
            },
            Some(b't') if self.s.get(self.i..).is_some_and(|r| r.starts_with(b"true")) => {
                self.i += 4;
                Node::new(Kind::Bool(true), self.span(start, self.i))
            }
            Some(b'f')
                if self
                    .s
                    .get(self.i..)
                    .is_some_and(|r| r.starts_with(b"false")) =>
            {
                self.i += 5;
                Node::new(Kind::Bool(false), self.span(start, self.i))
            }
            Some(b'n') if self.s.get(self.i..).is_some_and(|r| r.starts_with(b"null")) => {
                self.i += 4;
                Node::new(Kind::Null, self.span(start, self.i))
            }
            Some(b'-' | b'0'..=b'9') => {
                while let Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') = self.peek() {
                    self.i += 1;
                }
                let t = self.text.get(start..self.i).unwrap_or("");
                match t.parse::<f64>() {
                    Ok(n) if n.is_finite() => {
                        Node::new(Kind::Number(n, t.to_string()), self.span(start, self.i))
                    }
                    _ => {
                        self.error("invalid number");
                        Node::new(Kind::Bad, self.span(start, start))
                    }
                }
            }
            _ => {
                self.error("expected a value");
                Node::new(Kind::Bad, self.span(start, start))
            }
        }
    }

    fn string(&mut self) -> Option<String> {
        // At the opening quote.
        self.i += 1;
        let mut out = String::new();
        let mut run = self.i;
        loop {
            match self.peek() {
                None => {
                    self.error("unterminated string");
                    return None;
                }
                Some(b'"') => {
                    out.push_str(self.text.get(run..self.i).unwrap_or(""));
                    self.i += 1;
                    return Some(out);
                }
                Some(b'\\') => {
                    out.push_str(self.text.get(run..self.i).unwrap_or(""));
                    self.i += 1;
                    let c = self.peek();
                    self.i += 1;
                    match c {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => {
                            let cp = self.hex4()?;
                            if (0xD800..0xDC00).contains(&cp)
                                && self.s.get(self.i) == Some(&b'\\')
                                && self.s.get(self.i + 1) == Some(&b'u')
                            {
                                self.i += 2;
                                let lo = self.hex4()?;
                                let c = 0x10000
                                    + ((cp - 0xD800) << 10)
                                    + (lo.wrapping_sub(0xDC00) & 0x3FF);
                                out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                            } else {
                                out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                            }
                        }
                        _ => {
                            self.error("invalid escape in string");
                            return None;
                        }
                    }
                    run = self.i;
                }
                Some(_) => self.i += 1,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let t = self.text.get(self.i..self.i + 4);
        match t.and_then(|t| u32::from_str_radix(t, 16).ok()) {
            Some(v) => {
                self.i += 4;
                Some(v)
            }
            None => {
                self.error("invalid \\u escape");
                None
            }
        }
    }

    fn object(&mut self, depth: usize) -> Node {
        let start = self.i;
        self.i += 1;
        let mut entries: Vec<Entry> = Vec::new();
        loop {
            self.ws();
            match self.peek() {
                Some(b'}') => {
                    self.i += 1;
                    break;
                }
                Some(b'"') => {}
                _ => {
                    self.error("expected a key or `}`");
                    break;
                }
            }
            let ks = self.i;
            let Some(key) = self.string() else { break };
            let key_span = self.span(ks, self.i);
            self.ws();
            if self.peek() != Some(b':') {
                self.error("expected `:`");
                break;
            }
            self.i += 1;
            self.ws();
            let value = self.value(depth + 1);
            if let Some(i) = entries.iter().position(|e| e.key == key) {
                entries.remove(i);
                self.diags.push(
                    Diagnostic::warning(
                        self.codes.duplicate_key,
                        format!("duplicate key `{key}`; the last one is used"),
                    )
                    .with_span(key_span),
                );
            }
            entries.push(Entry {
                key,
                key_span,
                value,
            });
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    break;
                }
                _ => {
                    self.error("expected `,` or `}`");
                    break;
                }
            }
        }
        let end = self.i.min(self.s.len());
        Node::new(Kind::Map(entries), self.span(start, end))
    }

    fn array(&mut self, depth: usize) -> Node {
        let start = self.i;
        self.i += 1;
        let mut items = Vec::new();
        loop {
            self.ws();
            if self.peek() == Some(b']') {
                self.i += 1;
                break;
            }
            if self.peek().is_none() {
                self.error("unterminated array");
                break;
            }
            items.push(self.value(depth + 1));
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    break;
                }
                _ => {
                    self.error("expected `,` or `]`");
                    break;
                }
            }
        }
        let end = self.i.min(self.s.len());
        Node::new(Kind::Seq(items), self.span(start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_trailing_commas_and_spans() {
        let src = "{\n // c\n \"a\": [1, \"x\\u00e9\",],\n /* b */ \"b\": {\"c\": true},\n}";
        let (n, d) = parse(src, FileId(0), &crate::PLAIN.codes);
        assert!(d.is_empty(), "{d:?}");
        let n = n.unwrap_or(Node::new(Kind::Null, Span::default()));
        assert_eq!(n.get("a").map(|a| a.items().len()), Some(2));
        let e = n.entry("b").map(|e| e.key_span.start as usize);
        assert_eq!(e, src.find("\"b\""));
    }

    #[test]
    fn errors_do_not_panic() {
        for src in [
            "{",
            "[1,",
            "{\"a\" 1}",
            "\"\\u12",
            "{\"a\": tru}",
            "-",
            "[[[[",
            "{\"a\":1}}",
        ] {
            let (_n, d) = parse(src, FileId(0), &crate::PLAIN.codes);
            assert!(d.iter().any(|d| d.code == "yaml-parse-error"), "{src}");
        }
    }
}
