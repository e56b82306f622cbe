//! Block encoding: picks stored, fixed or dynamic Huffman per block with
//! the same size arithmetic Go's huffman bit writer uses.

use crate::bits::BitSink;
use crate::huffman::PrefixCode;

/// Literal/length alphabet size as Go counts it (no symbols 286/287).
const LITERAL_SYMBOLS: usize = 286;
const DISTANCE_SYMBOLS: usize = 30;
const CODE_LENGTH_SYMBOLS: usize = 19;
const END_OF_BLOCK: usize = 256;
const MAX_STORED: usize = 65535;

/// Order in which code-length code lengths appear in a dynamic header.
const CODE_LENGTH_ORDER: [usize; CODE_LENGTH_SYMBOLS] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

/// One LZ77 output item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Token {
    Literal(u8),
    /// `len` in 4..=258 (Go never emits 3), `dist` in 1..=32768.
    Copy {
        len: u16,
        dist: u16,
    },
}

/// Length symbol (0-based from 257), its extra-bit count and base length.
fn length_symbol(len: u16) -> (usize, u32, u16) {
    const BASE: [u16; 29] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
        131, 163, 195, 227, 258,
    ];
    const EXTRA: [u32; 29] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ];
    let len = len.clamp(3, 258);
    let idx = if len == 258 {
        28
    } else {
        BASE.partition_point(|&b| b <= len) - 1
    };
    (idx, EXTRA[idx], BASE[idx])
}

/// Distance symbol, its extra-bit count and base distance.
fn distance_symbol(dist: u16) -> (usize, u32, u32) {
    let d = u32::from(dist).clamp(1, 32768) - 1;
    if d < 4 {
        return (d as usize, 0, d + 1);
    }
    // Two symbols per power of two beyond the first four.
    let top = 31 - d.leading_zeros();
    let extra = top - 1;
    let sym = 2 * top + ((d >> extra) & 1);
    let base = ((2 | ((d >> extra) & 1)) << extra) + 1;
    (sym as usize, extra, base)
}

/// Writes deflate blocks into a bit sink.
#[derive(Debug)]
pub(crate) struct BlockWriter {
    sink: BitSink,
    lit_freq: Vec<u32>,
    dist_freq: Vec<u32>,
    lit_code: PrefixCode,
    dist_code: PrefixCode,
    cl_code: PrefixCode,
    fixed_lit: PrefixCode,
    fixed_dist: PrefixCode,
    /// Run-length coded code lengths: (symbol, extra value).
    cl_stream: Vec<(u8, u8)>,
    cl_freq: [u32; CODE_LENGTH_SYMBOLS],
    lens_scratch: Vec<u8>,
}

impl BlockWriter {
    pub(crate) fn new(capacity: usize) -> Self {
        Self {
            sink: BitSink::with_capacity(capacity),
            lit_freq: vec![0; LITERAL_SYMBOLS],
            dist_freq: vec![0; DISTANCE_SYMBOLS],
            lit_code: PrefixCode::empty(LITERAL_SYMBOLS),
            dist_code: PrefixCode::empty(DISTANCE_SYMBOLS),
            cl_code: PrefixCode::empty(CODE_LENGTH_SYMBOLS),
            fixed_lit: PrefixCode::fixed_literals(),
            fixed_dist: PrefixCode::fixed_distances(),
            cl_stream: Vec::with_capacity(LITERAL_SYMBOLS + DISTANCE_SYMBOLS),
            cl_freq: [0; CODE_LENGTH_SYMBOLS],
            lens_scratch: Vec::with_capacity(LITERAL_SYMBOLS + DISTANCE_SYMBOLS),
        }
    }

    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.sink.into_bytes()
    }

    /// Header of a stored block holding `len` bytes (0 for a flush marker).
    pub(crate) fn stored_header(&mut self, len: usize, last: bool) {
        self.sink.put(u32::from(last), 3);
        self.sink.align();
        let len = len.min(MAX_STORED) as u32;
        self.sink.put(len, 16);
        self.sink.put(!len & 0xffff, 16);
    }

    /// Pads the stream to a byte boundary.
    pub(crate) fn align(&mut self) {
        self.sink.align();
    }

    /// Writes one non-final block for `tokens`. `source` is the input those
    /// tokens cover when it is still available (needed for a stored block).
    pub(crate) fn write_block(&mut self, tokens: &[Token], source: Option<&[u8]>) {
        let (lit_count, dist_count, extra_bits) = self.count(tokens);
        self.lit_code.rebuild(&self.lit_freq, 15);
        self.dist_code.rebuild(&self.dist_freq, 15);

        let stored_bits = match source {
            Some(s) if s.len() <= MAX_STORED => Some((s.len() as u64 + 5) * 8),
            _ => None,
        };

        let fixed_bits = 3
            + self.fixed_lit.cost(&self.lit_freq)
            + self.fixed_dist.cost(&self.dist_freq)
            + extra_bits;

        self.run_length_lengths(lit_count, dist_count);
        self.cl_code.rebuild(&self.cl_freq, 7);
        let cl_used = self.code_length_count();
        let dynamic_bits = 3
            + 5
            + 5
            + 4
            + 3 * cl_used as u64
            + self.cl_code.cost(&self.cl_freq)
            + 2 * u64::from(self.cl_freq[16])
            + 3 * u64::from(self.cl_freq[17])
            + 7 * u64::from(self.cl_freq[18])
            + self.lit_code.cost(&self.lit_freq)
            + self.dist_code.cost(&self.dist_freq)
            + extra_bits;

        let dynamic = dynamic_bits < fixed_bits;
        let best = fixed_bits.min(dynamic_bits);

        if let (Some(bits), Some(src)) = (stored_bits, source) {
            if bits < best {
                self.stored_header(src.len(), false);
                self.sink.raw(src);
                return;
            }
        }

        if dynamic {
            self.dynamic_header(lit_count, dist_count, cl_used);
            let lit = std::mem::replace(&mut self.lit_code, PrefixCode::empty(0));
            let dist = std::mem::replace(&mut self.dist_code, PrefixCode::empty(0));
            self.tokens(tokens, &lit, &dist);
            self.lit_code = lit;
            self.dist_code = dist;
        } else {
            // Fixed Huffman, not final: BFINAL 0, BTYPE 01.
            self.sink.put(2, 3);
            let lit = std::mem::replace(&mut self.fixed_lit, PrefixCode::empty(0));
            let dist = std::mem::replace(&mut self.fixed_dist, PrefixCode::empty(0));
            self.tokens(tokens, &lit, &dist);
            self.fixed_lit = lit;
            self.fixed_dist = dist;
        }
    }

    /// Fills the histograms; returns the used literal and distance alphabet
    /// sizes and the total count of extra bits.
    fn count(&mut self, tokens: &[Token]) -> (usize, usize, u64) {
        self.lit_freq.iter_mut().for_each(|f| *f = 0);
        self.dist_freq.iter_mut().for_each(|f| *f = 0);
        let mut extra = 0u64;
        for &t in tokens {
            match t {
                Token::Literal(b) => self.lit_freq[usize::from(b)] += 1,
                Token::Copy { len, dist } => {
                    let (ls, le, _) = length_symbol(len);
                    let (ds, de, _) = distance_symbol(dist);
                    self.lit_freq[257 + ls] += 1;
                    self.dist_freq[ds] += 1;
                    extra += u64::from(le) + u64::from(de);
                }
            }
        }
        self.lit_freq[END_OF_BLOCK] += 1;

        let lit_count = self
            .lit_freq
            .iter()
            .rposition(|&f| f != 0)
            .map_or(END_OF_BLOCK + 1, |p| p + 1);
        let dist_count = match self.dist_freq.iter().rposition(|&f| f != 0) {
            Some(p) => p + 1,
            None => {
                // A block without copies still declares one distance code.
                self.dist_freq[0] = 1;
                1
            }
        };
        (lit_count, dist_count, extra)
    }

    /// Run-length codes the literal and distance code lengths with symbols
    /// 16/17/18, counting how often each code-length symbol is used.
    fn run_length_lengths(&mut self, lit_count: usize, dist_count: usize) {
        self.cl_freq = [0; CODE_LENGTH_SYMBOLS];
        self.cl_stream.clear();
        self.lens_scratch.clear();
        self.lens_scratch
            .extend_from_slice(&self.lit_code.lens[..lit_count]);
        self.lens_scratch
            .extend_from_slice(&self.dist_code.lens[..dist_count]);

        let lens = &self.lens_scratch;
        let mut i = 0;
        while i < lens.len() {
            let value = lens[i];
            let mut run = lens[i..].iter().take_while(|&&l| l == value).count();
            i += run;
            if value != 0 {
                // The first copy is spelled out, the rest repeated in sixes.
                self.cl_stream.push((value, 0));
                self.cl_freq[usize::from(value)] += 1;
                run -= 1;
                while run >= 3 {
                    let n = run.min(6);
                    self.cl_stream.push((16, (n - 3) as u8));
                    self.cl_freq[16] += 1;
                    run -= n;
                }
            } else {
                while run >= 11 {
                    let n = run.min(138);
                    self.cl_stream.push((18, (n - 11) as u8));
                    self.cl_freq[18] += 1;
                    run -= n;
                }
                if run >= 3 {
                    self.cl_stream.push((17, (run - 3) as u8));
                    self.cl_freq[17] += 1;
                    run = 0;
                }
            }
            for _ in 0..run {
                self.cl_stream.push((value, 0));
                self.cl_freq[usize::from(value)] += 1;
            }
        }
    }

    /// How many code-length code lengths the header must carry (at least 4).
    fn code_length_count(&self) -> usize {
        let mut n = CODE_LENGTH_SYMBOLS;
        while n > 4 && self.cl_freq[CODE_LENGTH_ORDER[n - 1]] == 0 {
            n -= 1;
        }
        n
    }

    fn dynamic_header(&mut self, lit_count: usize, dist_count: usize, cl_used: usize) {
        // BFINAL 0, BTYPE 10.
        self.sink.put(4, 3);
        self.sink.put((lit_count - 257) as u32, 5);
        self.sink.put((dist_count - 1) as u32, 5);
        self.sink.put((cl_used - 4) as u32, 4);
        for &sym in &CODE_LENGTH_ORDER[..cl_used] {
            self.sink.put(u32::from(self.cl_code.lens[sym]), 3);
        }
        for &(sym, arg) in &self.cl_stream {
            let s = usize::from(sym);
            self.sink.put(
                u32::from(self.cl_code.words[s]),
                u32::from(self.cl_code.lens[s]),
            );
            match sym {
                16 => self.sink.put(u32::from(arg), 2),
                17 => self.sink.put(u32::from(arg), 3),
                18 => self.sink.put(u32::from(arg), 7),
                _ => {}
            }
        }
    }

    fn tokens(&mut self, tokens: &[Token], lit: &PrefixCode, dist: &PrefixCode) {
        let sink = &mut self.sink;
        for &t in tokens {
            match t {
                Token::Literal(b) => {
                    let s = usize::from(b);
                    sink.put(u32::from(lit.words[s]), u32::from(lit.lens[s]));
                }
                Token::Copy { len, dist: d } => {
                    let (ls, le, lb) = length_symbol(len);
                    let s = 257 + ls;
                    sink.put(u32::from(lit.words[s]), u32::from(lit.lens[s]));
                    if le > 0 {
                        sink.put(u32::from(len - lb), le);
                    }
                    let (ds, de, db) = distance_symbol(d);
                    sink.put(u32::from(dist.words[ds]), u32::from(dist.lens[ds]));
                    if de > 0 {
                        sink.put(u32::from(d) - db, de);
                    }
                }
            }
        }
        sink.put(
            u32::from(lit.words[END_OF_BLOCK]),
            u32::from(lit.lens[END_OF_BLOCK]),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_symbols() {
        assert_eq!(length_symbol(3), (0, 0, 3));
        assert_eq!(length_symbol(10), (7, 0, 10));
        assert_eq!(length_symbol(11), (8, 1, 11));
        assert_eq!(length_symbol(12), (8, 1, 11));
        assert_eq!(length_symbol(257), (27, 5, 227));
        assert_eq!(length_symbol(258), (28, 0, 258));
    }

    #[test]
    fn distance_symbols() {
        assert_eq!(distance_symbol(1), (0, 0, 1));
        assert_eq!(distance_symbol(4), (3, 0, 4));
        assert_eq!(distance_symbol(5), (4, 1, 5));
        assert_eq!(distance_symbol(7), (5, 1, 7));
        assert_eq!(distance_symbol(9), (6, 2, 9));
        assert_eq!(distance_symbol(24577), (29, 13, 24577));
        assert_eq!(distance_symbol(32768), (29, 13, 24577));
        assert_eq!(distance_symbol(16384), (27, 12, 12289));
    }
}
