//! Little-endian bit packing for the deflate stream.

/// Collects bits least-significant first and turns them into bytes.
#[derive(Debug, Default)]
pub(crate) struct BitSink {
    out: Vec<u8>,
    acc: u64,
    pending: u32,
}

impl BitSink {
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self {
            out: Vec::with_capacity(capacity),
            acc: 0,
            pending: 0,
        }
    }

    /// Appends the low `count` bits of `value` (`count` is at most 16).
    #[inline]
    pub(crate) fn put(&mut self, value: u32, count: u32) {
        debug_assert!(count <= 16);
        let mask = (1u64 << count) - 1;
        self.acc |= (u64::from(value) & mask) << self.pending;
        self.pending += count;
        if self.pending >= 32 {
            self.out.extend_from_slice(&(self.acc as u32).to_le_bytes());
            self.acc >>= 32;
            self.pending -= 32;
        }
    }

    /// Pads with zero bits up to the next byte boundary.
    pub(crate) fn align(&mut self) {
        while self.pending > 0 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.pending = self.pending.saturating_sub(8);
        }
        self.acc = 0;
    }

    /// Copies raw bytes; the sink is aligned first.
    pub(crate) fn raw(&mut self, bytes: &[u8]) {
        self.align();
        self.out.extend_from_slice(bytes);
    }

    pub(crate) fn into_bytes(mut self) -> Vec<u8> {
        self.align();
        self.out
    }
}
