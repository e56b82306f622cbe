//! Replays the Terraform-recorded number cases in `fixtures/expected.json`
//! (see `scripts/record-number-fixtures.sh`) through a tiny interpreter for
//! the expression shapes used there, and compares the printed text.

use num_bigint::BigInt;
use rampart_number::Number;

#[derive(Debug, Clone)]
enum Val {
    Num(Number),
    Str(String),
    List(usize),
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(String),
    Str(String),
    Ident(String),
    Punct(char),
}

fn lex(src: &str) -> Vec<Tok> {
    let b: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == '.') {
                i += 1;
            }
            if i < b.len() && (b[i] == 'e' || b[i] == 'E') {
                i += 1;
                if i < b.len() && (b[i] == '+' || b[i] == '-') {
                    i += 1;
                }
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
            }
            out.push(Tok::Num(b[start..i].iter().collect()));
        } else if c == '"' {
            i += 1;
            let start = i;
            while b[i] != '"' {
                i += 1;
            }
            out.push(Tok::Str(b[start..i].iter().collect()));
            i += 1;
        } else if c.is_ascii_alphabetic() {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == '_') {
                i += 1;
            }
            out.push(Tok::Ident(b[start..i].iter().collect()));
        } else {
            out.push(Tok::Punct(c));
            i += 1;
        }
    }
    out
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }
    fn next(&mut self) -> Tok {
        let t = self.toks[self.pos].clone();
        self.pos += 1;
        t
    }
    fn expect(&mut self, c: char) {
        assert_eq!(self.next(), Tok::Punct(c));
    }

    fn expr(&mut self) -> Val {
        let mut lhs = self.term();
        while let Some(Tok::Punct(c @ ('+' | '-'))) = self.peek().cloned() {
            self.pos += 1;
            let rhs = self.term();
            let (a, b) = (num(&lhs), num(&rhs));
            lhs = Val::Num(if c == '+' { a.add(&b) } else { a.sub(&b) }.expect("NaN"));
        }
        lhs
    }

    fn term(&mut self) -> Val {
        let mut lhs = self.unary();
        while let Some(Tok::Punct(c @ ('*' | '/' | '%'))) = self.peek().cloned() {
            self.pos += 1;
            let rhs = self.unary();
            let (a, b) = (num(&lhs), num(&rhs));
            let r = match c {
                '*' => a.mul(&b),
                '/' => a.div(&b),
                _ => a.rem(&b),
            };
            lhs = Val::Num(r.expect("NaN"));
        }
        lhs
    }

    fn unary(&mut self) -> Val {
        if self.peek() == Some(&Tok::Punct('-')) {
            self.pos += 1;
            let v = self.unary();
            return Val::Num(num(&v).neg());
        }
        self.primary()
    }

    fn args(&mut self) -> Vec<Val> {
        self.expect('(');
        let mut out = Vec::new();
        while self.peek() != Some(&Tok::Punct(')')) {
            out.push(self.expr());
            if self.peek() == Some(&Tok::Punct(',')) {
                self.pos += 1;
            }
        }
        self.expect(')');
        out
    }

    fn primary(&mut self) -> Val {
        match self.next() {
            Tok::Num(t) => Val::Num(Number::parse(&t).expect("literal")),
            Tok::Str(s) => Val::Str(s),
            Tok::Punct('(') => {
                let v = self.expr();
                self.expect(')');
                v
            }
            Tok::Punct('[') => {
                let mut n = 0;
                while self.peek() != Some(&Tok::Punct(']')) {
                    self.expr();
                    n += 1;
                    if self.peek() == Some(&Tok::Punct(',')) {
                        self.pos += 1;
                    }
                }
                self.expect(']');
                Val::List(n)
            }
            Tok::Ident(name) => {
                let a = self.args();
                call(&name, &a)
            }
            t => panic!("unexpected token {t:?}"),
        }
    }
}

fn num(v: &Val) -> Number {
    match v {
        Val::Num(n) => n.clone(),
        other => panic!("not a number: {other:?}"),
    }
}

fn call(name: &str, a: &[Val]) -> Val {
    match name {
        "tostring" => Val::Str(num(&a[0]).to_text_shortest()),
        "tonumber" => match &a[0] {
            Val::Str(s) => Val::Num(Number::parse(s).expect("tonumber")),
            v => v.clone(),
        },
        "floor" => Val::Num(num(&a[0]).floor()),
        "ceil" => Val::Num(num(&a[0]).ceil()),
        "abs" => Val::Num(num(&a[0]).abs()),
        "max" | "min" => {
            let mut best = num(&a[0]);
            for v in &a[1..] {
                let n = num(v);
                let better = if name == "max" { n > best } else { n < best };
                if better {
                    best = n;
                }
            }
            Val::Num(best)
        }
        "length" => match a[0] {
            Val::List(n) => Val::Num(Number::from_i64(n as i64)),
            _ => panic!("length"),
        },
        "parseint" => {
            let (Val::Str(s), Val::Num(base)) = (&a[0], &a[1]) else {
                panic!("parseint")
            };
            let radix = base.to_i64().expect("base") as u32;
            let v = BigInt::parse_bytes(s.as_bytes(), radix).expect("parseint");
            Val::Num(Number::from_bigint(&v))
        }
        "pow" => {
            let r = num(&a[0]).to_f64().powf(num(&a[1]).to_f64());
            Val::Num(Number::from_f64(r).expect("pow NaN"))
        }
        "format" => {
            let Val::Str(spec) = &a[0] else {
                panic!("format")
            };
            let n = num(&a[1]);
            let body = spec.strip_prefix('%').expect("verb");
            let verb = body.chars().last().expect("verb");
            let prec_text = &body[..body.len() - 1];
            let prec: Option<i32> = prec_text
                .strip_prefix('.')
                .map(|p| p.parse().expect("precision"));
            let (fmt, prec) = match verb {
                'v' => ('g', -1),
                'g' | 'G' => (verb, prec.unwrap_or(-1)),
                _ => (verb, prec.unwrap_or(6)),
            };
            Val::Str(n.text(fmt, prec))
        }
        _ => panic!("unknown function {name}"),
    }
}

fn eval(src: &str) -> String {
    let mut p = Parser {
        toks: lex(src),
        pos: 0,
    };
    let v = p.expr();
    assert_eq!(p.pos, p.toks.len(), "trailing tokens in {src}");
    match v {
        Val::Str(s) => s,
        other => panic!("{src} did not produce a string: {other:?}"),
    }
}

#[test]
fn recorded_terraform_cases() {
    let text = include_str!("fixtures/expected.json");
    let cases: serde_json::Value = serde_json::from_str(text).expect("json");
    let cases = cases.as_array().expect("array");
    assert!(cases.len() >= 150);
    let mut failures = Vec::new();
    for c in cases {
        let expr = c["expr"].as_str().expect("expr");
        let want = c["text"].as_str().expect("text");
        let got = std::panic::catch_unwind(|| eval(expr)).unwrap_or_else(|_| "<panic>".to_string());
        if got != want {
            failures.push(format!("{expr}\n   want {want}\n   got  {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
