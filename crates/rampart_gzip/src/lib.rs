//! A gzip encoder whose output matches, byte for byte, what Go's
//! `compress/gzip` produces at the default level (flate level 6).
//!
//! Terraform's `base64gzip` builds its result with `gzip.NewWriter`, one
//! `Write` of the whole string, `Flush`, then `Close`; [`gzip`] reproduces
//! exactly that byte sequence (including the empty stored block the flush
//! leaves behind) so the base64 of it equals Terraform's.
//!
//! The encoder works on bytes. Terraform normalizes every string to Unicode
//! NFC before a function sees it, so to match `base64gzip` the caller must
//! pass the string as Terraform holds it (already normalized).
//!
//! General-purpose compressors such as zlib or miniz pick different matches
//! and Huffman codes, so this crate carries its own deflate encoder that
//! mirrors Go's choices: the lazy matcher, the hash chains, the block
//! splitting and the stored/fixed/dynamic block selection.

#![forbid(unsafe_code)]

mod bits;
mod block;
mod huffman;
mod lz77;

use lz77::Deflater;

/// Which calls the emulated Go writer receives after the single `Write`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Finish {
    /// `Flush()` then `Close()`: what Terraform's `base64gzip` does.
    #[default]
    FlushThenClose,
    /// `Close()` only.
    Close,
}

/// gzip of `data`, byte for byte what Terraform's `base64gzip` encodes
/// (Go's `compress/gzip` at the default level, written then flushed and closed).
pub fn gzip(data: &[u8]) -> Vec<u8> {
    gzip_with(data, Finish::FlushThenClose)
}

/// gzip of `data` as Go writes it for the given sequence of closing calls.
pub fn gzip_with(data: &[u8], finish: Finish) -> Vec<u8> {
    // ID1 ID2 CM FLG, MTIME (zero), XFL (0 at the default level), OS (unknown).
    const HEADER: [u8; 10] = [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff];
    let body = deflate_with(data, finish);
    let mut out = Vec::with_capacity(HEADER.len() + body.len() + 8);
    out.extend_from_slice(&HEADER);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32fast::hash(data).to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out
}

/// The raw deflate stream inside [`gzip`]'s output.
pub fn deflate(data: &[u8]) -> Vec<u8> {
    deflate_with(data, Finish::FlushThenClose)
}

/// The raw deflate stream Go's `compress/flate` writes at level 6 for one
/// `Write` of `data` followed by `finish`.
pub fn deflate_with(data: &[u8], finish: Finish) -> Vec<u8> {
    let mut d = Deflater::new(data.len());
    d.write(data);
    if finish == Finish::FlushThenClose {
        d.flush();
    }
    d.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input() {
        assert_eq!(
            gzip(b""),
            [
                0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 0, 0, 0, 0xff, 0xff, 1, 0, 0, 0xff, 0xff, 0,
                0, 0, 0, 0, 0, 0, 0
            ]
        );
        assert_eq!(deflate_with(b"", Finish::Close), [1, 0, 0, 0xff, 0xff]);
    }

    #[test]
    fn hello() {
        let body = deflate(b"hello");
        assert_eq!(
            body,
            [0xca, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0, 0, 0, 0xff, 0xff, 1, 0, 0, 0xff, 0xff]
        );
    }
}
