//! The parsed template: a small tree shared by the YAML and JSON readers.
//! Every node keeps the byte span it was written at. Short-form YAML tags
//! (`!Ref x`) are already rewritten to their long form (`{Ref: x}`).

use rampart_source::Span;

/// Most nesting levels a template may have; deeper parts become [`Kind::Bad`].
pub const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    /// A number with the text it was written as (`1.10` stays `1.10` in strings).
    Number(f64, String),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
    /// Something that could not be read (unknown tag, too deep, alias budget
    /// exhausted); evaluates to an unknown value. A diagnostic says why.
    Bad,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: Kind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

impl Entry {
    /// Span of the whole `key: value` pair.
    pub fn span(&self) -> Span {
        self.key_span.join(self.value.span)
    }
}

impl Node {
    pub fn new(kind: Kind, span: Span) -> Node {
        Node { kind, span }
    }

    pub fn entries(&self) -> &[Entry] {
        match &self.kind {
            Kind::Map(e) => e,
            _ => &[],
        }
    }

    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries().iter().find(|e| e.key == key)
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Str(s) => Some(s),
            Kind::Number(_, t) => Some(t),
            _ => None,
        }
    }

    pub fn items(&self) -> &[Node] {
        match &self.kind {
            Kind::Seq(v) => v,
            _ => &[],
        }
    }

    pub fn is_map(&self) -> bool {
        matches!(self.kind, Kind::Map(_))
    }

    /// Nesting depth of the tree (a scalar is 1).
    pub fn depth(&self) -> usize {
        1 + match &self.kind {
            Kind::Seq(v) => v.iter().map(Node::depth).max().unwrap_or(0),
            Kind::Map(e) => e.iter().map(|e| e.value.depth()).max().unwrap_or(0),
            _ => 0,
        }
    }

    /// Number of nodes in the tree (for the alias expansion budget).
    pub fn size(&self) -> usize {
        1 + match &self.kind {
            Kind::Seq(v) => v.iter().map(Node::size).sum(),
            Kind::Map(e) => e.iter().map(|e| 1 + e.value.size()).sum(),
            _ => 0,
        }
    }
}
