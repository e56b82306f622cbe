//! Templates the way HCL renders them: literals are split into one token per
//! line, `~` strip markers trim the single adjacent token, and `<<-` heredocs
//! drop the smallest indentation found at the start of lines (a line that
//! starts with an interpolation or directive has none), after stripping.

use hcl_edit::expr::Expression;
use hcl_edit::template::{Directive, Element, Template};

/// A template flattened into tokens.
pub enum Part<'a> {
    Lit(String),
    Interp(&'a Expression),
    If {
        cond: &'a Expression,
        then: Vec<Part<'a>>,
        els: Vec<Part<'a>>,
        has_else: bool,
    },
    For {
        key: Option<String>,
        val: String,
        coll: &'a Expression,
        body: Vec<Part<'a>>,
    },
}

/// Tokens of `t` with strip markers applied.
pub fn build(t: &Template) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    let mut pending = false;
    for el in t.iter() {
        match el {
            Element::Literal(s) => {
                let mut first = true;
                for tok in split_lines(s.value()) {
                    let tok = if first && pending {
                        tok.trim_start()
                    } else {
                        tok
                    };
                    first = false;
                    out.push(Part::Lit(super::expr::nfc(tok)));
                }
                pending = false;
            }
            Element::Interpolation(i) => {
                if i.strip.strip_start() {
                    trim_last(&mut out);
                }
                out.push(Part::Interp(&i.expr));
                pending = i.strip.strip_end();
            }
            Element::Directive(d) => match d.as_ref() {
                Directive::If(d) => {
                    if d.if_expr.strip.strip_start() {
                        trim_last(&mut out);
                    }
                    let mut then = build(&d.if_expr.template);
                    if d.if_expr.strip.strip_end() {
                        trim_first(&mut then);
                    }
                    let mut els = Vec::new();
                    let endif_start = d.endif_expr.strip.strip_start();
                    match &d.else_expr {
                        Some(e) => {
                            if e.strip.strip_start() {
                                trim_last(&mut then);
                            }
                            els = build(&e.template);
                            if e.strip.strip_end() {
                                trim_first(&mut els);
                            }
                            if endif_start {
                                trim_last(&mut els);
                            }
                        }
                        None => {
                            if endif_start {
                                trim_last(&mut then);
                            }
                        }
                    }
                    out.push(Part::If {
                        cond: &d.if_expr.cond_expr,
                        then,
                        els,
                        has_else: d.else_expr.is_some(),
                    });
                    pending = d.endif_expr.strip.strip_end();
                }
                Directive::For(d) => {
                    let fe = &d.for_expr;
                    if fe.strip.strip_start() {
                        trim_last(&mut out);
                    }
                    let mut body = build(&fe.template);
                    if fe.strip.strip_end() {
                        trim_first(&mut body);
                    }
                    if d.endfor_expr.strip.strip_start() {
                        trim_last(&mut body);
                    }
                    out.push(Part::For {
                        key: fe.key_var.as_ref().map(|k| k.value().as_str().to_string()),
                        val: fe.value_var.value().as_str().to_string(),
                        coll: &fe.collection_expr,
                        body,
                    });
                    pending = d.endfor_expr.strip.strip_end();
                }
            },
        }
    }
    out
}

/// Split after every newline (the newline stays with its line).
fn split_lines(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c == '\n' {
            out.push(s.get(start..=i).unwrap_or(""));
            start = i + 1;
        }
    }
    if start < s.len() || out.is_empty() {
        out.push(s.get(start..).unwrap_or(""));
    }
    out
}

fn trim_last(parts: &mut [Part<'_>]) {
    if let Some(Part::Lit(s)) = parts.last_mut() {
        let t = s.trim_end().len();
        s.truncate(t);
    }
}

fn trim_first(parts: &mut [Part<'_>]) {
    if let Some(Part::Lit(s)) = parts.first_mut() {
        let t = s.trim_start().to_string();
        *s = t;
    }
}

/// Remove the common indentation of a `<<-` heredoc.
pub fn dedent(parts: &mut [Part<'_>]) {
    let mut newline = true;
    let mut min = usize::MAX;
    measure(parts, &mut newline, &mut min);
    if min == 0 || min == usize::MAX {
        return;
    }
    let mut newline = true;
    adjust(parts, &mut newline, min);
}

fn marker(newline: &mut bool, min: &mut usize) {
    if *newline {
        *min = 0;
    }
    *newline = false;
}

fn measure(parts: &[Part<'_>], newline: &mut bool, min: &mut usize) {
    for p in parts {
        match p {
            Part::Lit(s) => {
                if *newline {
                    let trimmed = s.trim_start();
                    if !(trimmed.is_empty() && s.ends_with('\n')) {
                        let spaces = s.len() - trimmed.len();
                        let n = s.get(..spaces).map(|w| w.chars().count()).unwrap_or(0);
                        *min = (*min).min(n);
                    }
                }
                *newline = s.ends_with('\n');
            }
            Part::Interp(_) => marker(newline, min),
            Part::If {
                then,
                els,
                has_else,
                ..
            } => {
                marker(newline, min);
                measure(then, newline, min);
                if *has_else {
                    marker(newline, min);
                    measure(els, newline, min);
                }
                marker(newline, min);
            }
            Part::For { body, .. } => {
                marker(newline, min);
                measure(body, newline, min);
                marker(newline, min);
            }
        }
    }
}

fn adjust(parts: &mut [Part<'_>], newline: &mut bool, min: usize) {
    for p in parts {
        match p {
            Part::Lit(s) => {
                if *newline {
                    let trimmed_len = s.trim_start().len();
                    if !(trimmed_len == 0 && s.ends_with('\n')) {
                        let cut: usize = s
                            .chars()
                            .take(min)
                            .take_while(|c| c.is_whitespace() && *c != '\n')
                            .map(char::len_utf8)
                            .sum();
                        s.replace_range(..cut, "");
                    }
                }
                *newline = s.ends_with('\n');
            }
            Part::Interp(_) => *newline = false,
            Part::If { then, els, .. } => {
                *newline = false;
                adjust(then, newline, min);
                *newline = false;
                adjust(els, newline, min);
                *newline = false;
            }
            Part::For { body, .. } => {
                *newline = false;
                adjust(body, newline, min);
                *newline = false;
            }
        }
    }
}
