//! The lazy-matching LZ77 stage, state for state what Go's compressor does at
//! level 6: a 64 KiB buffer holding two 32 KiB windows, 17-bit hash of four
//! bytes, hash chains with a sliding offset, minimum match of four bytes, at
//! most 16384 tokens per block.

use crate::block::{BlockWriter, Token};

const WINDOW: usize = 1 << 15;
const WINDOW_MASK: usize = WINDOW - 1;
const MIN_MATCH: usize = 4;
const MAX_MATCH: usize = 258;
/// Lookahead the matcher wants before it works without a flush request.
const LOOKAHEAD: usize = MIN_MATCH + MAX_MATCH;
const HASH_BITS: u32 = 17;
const HASH_SIZE: usize = 1 << HASH_BITS;
const HASH_MUL: u32 = 0x1e35_a7bd;
/// Bound on the hash offset before the tables are renumbered.
const MAX_HASH_OFFSET: usize = 1 << 24;
const BLOCK_TOKENS: usize = 1 << 14;

/// Level 6 tuning.
const GOOD: usize = 8;
const LAZY: usize = 16;
const NICE: usize = 128;
const CHAIN: usize = 128;

fn hash4(b: &[u8]) -> usize {
    let v = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (v.wrapping_mul(HASH_MUL) >> (32 - HASH_BITS)) as usize
}

/// Length of the common prefix of `a` and `b`, at most `limit`.
#[inline]
fn common_prefix(a: &[u8], b: &[u8], limit: usize) -> usize {
    let a = &a[..limit];
    let b = &b[..limit];
    let mut n = 0;
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        let mut xa = [0u8; 8];
        let mut ya = [0u8; 8];
        xa.copy_from_slice(x);
        ya.copy_from_slice(y);
        let diff = u64::from_le_bytes(xa) ^ u64::from_le_bytes(ya);
        if diff != 0 {
            return n + (diff.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + a[n..]
        .iter()
        .zip(&b[n..])
        .take_while(|(x, y)| x == y)
        .count()
}

/// Compressor state. Positions stored in the hash tables are
/// `position + hash_offset`, so that zero means "nothing here".
pub(crate) struct Deflater {
    out: BlockWriter,
    window: Vec<u8>,
    window_end: usize,
    index: usize,
    /// Where the pending block's input starts; `None` once it slid away.
    block_start: Option<usize>,
    /// A literal at `index - 1` is waiting for the lazy decision.
    byte_pending: bool,
    tokens: Vec<Token>,
    head: Vec<u32>,
    prev: Vec<u32>,
    hash_offset: usize,
    chain_head: isize,
    length: usize,
    offset: usize,
    max_insert: isize,
    sync: bool,
}

impl Deflater {
    pub(crate) fn new(expected_input: usize) -> Self {
        Self {
            out: BlockWriter::new(expected_input / 2 + 64),
            window: vec![0; 2 * WINDOW],
            window_end: 0,
            index: 0,
            block_start: Some(0),
            byte_pending: false,
            tokens: Vec::with_capacity(BLOCK_TOKENS + 1),
            head: vec![0; HASH_SIZE],
            prev: vec![0; WINDOW],
            hash_offset: 1,
            chain_head: -1,
            length: MIN_MATCH - 1,
            offset: 0,
            max_insert: 0,
            sync: false,
        }
    }

    /// Feeds input, compressing whatever has enough lookahead.
    pub(crate) fn write(&mut self, mut data: &[u8]) {
        while !data.is_empty() {
            self.step();
            let n = self.fill(data);
            data = &data[n..];
        }
    }

    /// Compresses everything buffered and writes an empty stored block
    /// (a sync flush marker).
    pub(crate) fn flush(&mut self) {
        self.sync = true;
        self.step();
        self.out.stored_header(0, false);
        self.out.align();
        self.sync = false;
    }

    /// Compresses everything buffered and ends the stream with an empty,
    /// final stored block.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        self.sync = true;
        self.step();
        self.out.stored_header(0, true);
        self.out.align();
        self.out.into_bytes()
    }

    fn fill(&mut self, data: &[u8]) -> usize {
        if self.index >= 2 * WINDOW - LOOKAHEAD {
            self.slide();
        }
        let room = self.window.len() - self.window_end;
        let n = room.min(data.len());
        self.window[self.window_end..self.window_end + n].copy_from_slice(&data[..n]);
        self.window_end += n;
        n
    }

    fn slide(&mut self) {
        self.window.copy_within(WINDOW..2 * WINDOW, 0);
        self.index -= WINDOW;
        self.window_end -= WINDOW;
        self.block_start = match self.block_start {
            Some(s) if s >= WINDOW => Some(s - WINDOW),
            _ => None,
        };
        self.hash_offset += WINDOW;
        if self.hash_offset > MAX_HASH_OFFSET {
            let delta = self.hash_offset - 1;
            self.hash_offset -= delta;
            self.chain_head -= delta as isize;
            let shift = |v: &mut u32| {
                *v = if *v as usize > delta {
                    (*v as usize - delta) as u32
                } else {
                    0
                };
            };
            self.prev.iter_mut().for_each(shift);
            self.head.iter_mut().for_each(shift);
        }
    }

    fn emit_block(&mut self, end: usize) {
        if end == 0 {
            return;
        }
        let source = match self.block_start {
            Some(s) if s <= end => Some(&self.window[s..end]),
            _ => None,
        };
        self.block_start = Some(end);
        self.out.write_block(&self.tokens, source);
        self.tokens.clear();
    }

    /// Inserts the four bytes at `index` into the hash chains and returns
    /// the previous chain head for that hash.
    #[inline]
    fn insert(&mut self, index: usize) -> u32 {
        let h = hash4(&self.window[index..index + MIN_MATCH]);
        let old = self.head[h];
        self.prev[index & WINDOW_MASK] = old;
        self.head[h] = (index + self.hash_offset) as u32;
        old
    }

    fn step(&mut self) {
        if self.window_end - self.index < LOOKAHEAD && !self.sync {
            return;
        }
        self.max_insert = self.window_end as isize - (MIN_MATCH as isize - 1);

        loop {
            let lookahead = self.window_end - self.index;
            if lookahead < LOOKAHEAD {
                if !self.sync {
                    break;
                }
                if lookahead == 0 {
                    if self.byte_pending {
                        let b = self.window[self.index - 1];
                        self.tokens.push(Token::Literal(b));
                        self.byte_pending = false;
                    }
                    if !self.tokens.is_empty() {
                        self.emit_block(self.index);
                    }
                    break;
                }
            }
            if (self.index as isize) < self.max_insert {
                self.chain_head = self.insert(self.index) as isize;
            }

            let prev_length = self.length;
            let prev_offset = self.offset;
            self.length = MIN_MATCH - 1;
            self.offset = 0;
            let min_index = self.index.saturating_sub(WINDOW) as isize;

            let candidate = self.chain_head - self.hash_offset as isize;
            if candidate >= min_index && lookahead > prev_length && prev_length < LAZY {
                if let Some((len, off)) = self.find_match(self.index, candidate, lookahead) {
                    self.length = len;
                    self.offset = off;
                }
            }

            if prev_length >= MIN_MATCH && self.length <= prev_length {
                // The match that began one byte back wins.
                self.tokens.push(Token::Copy {
                    len: prev_length as u16,
                    dist: prev_offset as u16,
                });
                let end = self.index + prev_length - 1;
                self.index += 1;
                while self.index < end {
                    if (self.index as isize) < self.max_insert {
                        self.insert(self.index);
                    }
                    self.index += 1;
                }
                self.byte_pending = false;
                self.length = MIN_MATCH - 1;
                if self.tokens.len() == BLOCK_TOKENS {
                    self.emit_block(self.index);
                }
            } else {
                if self.byte_pending {
                    let b = self.window[self.index - 1];
                    self.tokens.push(Token::Literal(b));
                    if self.tokens.len() == BLOCK_TOKENS {
                        self.emit_block(self.index);
                    }
                }
                self.index += 1;
                self.byte_pending = true;
            }
        }
    }

    /// Walks the hash chain from `start` looking for the longest match at
    /// `pos` (longer than three bytes); returns (length, distance).
    fn find_match(&self, pos: usize, start: isize, lookahead: usize) -> Option<(usize, usize)> {
        let limit = MAX_MATCH.min(lookahead);
        let win = &self.window[..pos + limit];
        let nice = NICE.min(limit);
        let mut length = MIN_MATCH - 1;
        let mut tries = CHAIN;
        if length >= GOOD {
            tries >>= 2;
        }
        let mut best = None;
        let mut probe_end = win[pos + length];
        let here = &win[pos..];
        let min_index = pos as isize - WINDOW as isize;

        let mut i = start;
        while tries > 0 {
            let at = i as usize;
            if win[at + length] == probe_end {
                let n = common_prefix(&win[at..], here, limit);
                if n > length && (n > MIN_MATCH || pos - at <= 4096) {
                    length = n;
                    best = Some((n, pos - at));
                    if n >= nice {
                        break;
                    }
                    probe_end = win[pos + n];
                }
            }
            if i == min_index {
                // The chain slot for this position was reused already.
                break;
            }
            i = self.prev[at & WINDOW_MASK] as isize - self.hash_offset as isize;
            if i < min_index || i < 0 {
                break;
            }
            tries -= 1;
        }
        best
    }
}
