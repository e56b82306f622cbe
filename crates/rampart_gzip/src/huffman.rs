//! Length-limited prefix codes built the way Go's compress/flate builds them.
//!
//! Go does not use zlib's tree-then-rebalance method. Symbols are ranked by
//! (frequency, symbol) and a per-level "chain" walk (a form of package-merge)
//! decides how many symbols receive each code length; the most frequent
//! symbols get the shortest lengths and, within one length, codes are handed
//! out in symbol order. Reproducing the exact lengths matters because they
//! end up in the block header and drive the fixed/dynamic/stored decision.

/// A prefix code: bit length and bit-reversed code word per symbol.
#[derive(Debug, Clone)]
pub(crate) struct PrefixCode {
    pub(crate) lens: Vec<u8>,
    pub(crate) words: Vec<u16>,
}

/// Stand-in for "no more items" while walking the levels.
const EXHAUSTED: i64 = i32::MAX as i64;
/// One more than the deepest level the walk may touch.
const LEVEL_SLOTS: usize = 18;

#[derive(Debug, Clone, Copy, Default)]
struct Level {
    /// Weight of the most recent item placed on this level.
    last: i64,
    /// Weight of the next unused leaf.
    next_leaf: i64,
    /// Weight of the next pair offered by the level below.
    next_pair: i64,
    /// Items still to be produced on this level.
    needed: i64,
}

impl PrefixCode {
    /// A code of `size` symbols, all unused.
    pub(crate) fn empty(size: usize) -> Self {
        Self {
            lens: vec![0; size],
            words: vec![0; size],
        }
    }

    /// The fixed literal/length code of RFC 1951 §3.2.6. The code is built
    /// over all 288 symbols and then cut to the 286 that Go keeps.
    pub(crate) fn fixed_literals() -> Self {
        let lens: Vec<u8> = (0..288usize)
            .map(|s| match s {
                0..=143 => 8,
                144..=255 => 9,
                256..=279 => 7,
                _ => 8,
            })
            .collect();
        let mut code = Self::canonical(lens);
        code.lens.truncate(286);
        code.words.truncate(286);
        code
    }

    /// The fixed distance code: 5 bits for each of the 30 distance symbols.
    pub(crate) fn fixed_distances() -> Self {
        Self::canonical(vec![5; 30])
    }

    /// Builds canonical code words for the given lengths.
    fn canonical(lens: Vec<u8>) -> Self {
        let mut words = vec![0u16; lens.len()];
        let mut next: u32 = 0;
        for bits in 1..=15u8 {
            next <<= 1;
            for (sym, &len) in lens.iter().enumerate() {
                if len == bits {
                    words[sym] = reverse(next, bits);
                    next += 1;
                }
            }
        }
        Self { lens, words }
    }

    /// Total bits needed to write symbols with these frequencies.
    pub(crate) fn cost(&self, freqs: &[u32]) -> u64 {
        freqs
            .iter()
            .zip(&self.lens)
            .map(|(&f, &l)| u64::from(f) * u64::from(l))
            .sum()
    }

    /// Rebuilds this code for `freqs`, no code longer than `max_bits` (≤ 15).
    pub(crate) fn rebuild(&mut self, freqs: &[u32], max_bits: usize) {
        self.lens.clear();
        self.lens.resize(freqs.len(), 0);
        self.words.clear();
        self.words.resize(freqs.len(), 0);

        // (symbol, weight) of every used symbol, in symbol order.
        let mut ranked: Vec<(u16, i64)> = freqs
            .iter()
            .enumerate()
            .filter(|(_, &f)| f != 0)
            .map(|(s, &f)| (s as u16, i64::from(f)))
            .collect();

        if ranked.len() <= 2 {
            // One or two symbols: one bit each, numbered in symbol order.
            for (i, &(sym, _)) in ranked.iter().enumerate() {
                self.lens[usize::from(sym)] = 1;
                self.words[usize::from(sym)] = i as u16;
            }
            return;
        }

        ranked.sort_unstable_by_key(|&(sym, w)| (w, sym));
        let per_length = lengths_histogram(&ranked, max_bits.min(15));

        // Hand out lengths from the most frequent end, codes in symbol order.
        let mut rest = ranked.as_mut_slice();
        let mut next: u32 = 0;
        for (bits, &count) in per_length.iter().enumerate() {
            next <<= 1;
            if bits == 0 || count == 0 {
                continue;
            }
            let take = (count as usize).min(rest.len());
            let split = rest.len() - take;
            let (low, high) = rest.split_at_mut(split);
            high.sort_unstable_by_key(|&(sym, _)| sym);
            for &(sym, _) in high.iter() {
                self.lens[usize::from(sym)] = bits as u8;
                self.words[usize::from(sym)] = reverse(next, bits as u8);
                next += 1;
            }
            rest = low;
        }
    }
}

/// Number of symbols per code length (index = length) for symbols sorted by
/// ascending (weight, symbol). Needs at least three symbols.
fn lengths_histogram(ranked: &[(u16, i64)], max_bits: usize) -> Vec<i64> {
    let n = ranked.len();
    let weight = |i: usize| ranked.get(i).map_or(EXHAUSTED, |&(_, w)| w);
    let top = max_bits.min(n - 1).max(1);

    let mut levels = [Level::default(); LEVEL_SLOTS];
    // leaves[l][j]: leaves left of the level-j ancestor of level l's last item.
    let mut leaves = [[0i64; LEVEL_SLOTS]; LEVEL_SLOTS];

    for l in 1..=top {
        levels[l] = Level {
            last: weight(1),
            next_leaf: weight(2),
            next_pair: if l == 1 {
                EXHAUSTED
            } else {
                weight(0) + weight(1)
            },
            needed: 0,
        };
        leaves[l][l] = 2;
    }
    levels[top].needed = 2 * n as i64 - 4;

    let mut l = top;
    while l < LEVEL_SLOTS - 1 {
        if levels[l].next_pair == EXHAUSTED && levels[l].next_leaf == EXHAUSTED {
            // Nothing left to place here; never come back to this level.
            levels[l].needed = 0;
            levels[l + 1].next_pair = EXHAUSTED;
            l += 1;
            continue;
        }
        let before = levels[l].last;
        if levels[l].next_leaf < levels[l].next_pair {
            let used = leaves[l][l] + 1;
            levels[l].last = levels[l].next_leaf;
            leaves[l][l] = used;
            levels[l].next_leaf = weight(used as usize);
        } else {
            levels[l].last = levels[l].next_pair;
            let (below, here) = leaves.split_at_mut(l);
            here[0][..l].copy_from_slice(&below[l - 1][..l]);
            levels[l - 1].needed = 2;
        }
        levels[l].needed -= 1;
        if levels[l].needed == 0 {
            if l == top {
                break;
            }
            levels[l + 1].next_pair = before + levels[l].last;
            l += 1;
        } else {
            while l > 1 && levels[l - 1].needed > 0 {
                l -= 1;
            }
        }
    }

    let mut per_length = vec![0i64; top + 1];
    for (bits, level) in (1..=top).rev().enumerate() {
        per_length[bits + 1] = leaves[top][level] - leaves[top][level - 1];
    }
    per_length
}

/// Reverses the low `bits` bits of `code`.
fn reverse(code: u32, bits: u8) -> u16 {
    if bits == 0 {
        return 0;
    }
    ((code as u16).reverse_bits()) >> (16 - u32::from(bits))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kraft_ok(code: &PrefixCode) -> bool {
        let sum: f64 = code
            .lens
            .iter()
            .filter(|&&l| l > 0)
            .map(|&l| 0.5f64.powi(i32::from(l)))
            .sum();
        sum <= 1.0 + 1e-12
    }

    #[test]
    fn small_alphabets() {
        let mut c = PrefixCode::empty(5);
        c.rebuild(&[0, 3, 0, 9, 0], 15);
        assert_eq!(c.lens, vec![0, 1, 0, 1, 0]);
        assert_eq!(c.words[1], 0);
        assert_eq!(c.words[3], 1);
    }

    #[test]
    fn respects_limit() {
        // Fibonacci weights force deep trees.
        let mut freqs = vec![1u32, 1];
        while freqs.len() < 30 {
            let k = freqs.len();
            freqs.push(freqs[k - 1] + freqs[k - 2]);
        }
        let mut c = PrefixCode::empty(30);
        c.rebuild(&freqs, 7);
        assert!(c.lens.iter().all(|&l| (1..=7).contains(&l)));
        assert!(kraft_ok(&c));
    }

    #[test]
    fn fixed_code_words() {
        let f = PrefixCode::fixed_literals();
        // Symbol 0 is 00110000 (reversed: 00001100).
        assert_eq!(f.words[0], 0b0000_1100);
        assert_eq!(f.lens[256], 7);
        assert_eq!(f.words[256], 0);
        // Symbol 144 is 110010000.
        assert_eq!(f.lens[144], 9);
        assert_eq!(f.words[144], 0b0_0001_0011);
        assert_eq!(f.lens.len(), 286);
    }
}
