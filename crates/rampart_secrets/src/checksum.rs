//! Checksums embedded in some token formats.

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Base62 encoding of `n`, left-padded with `0` to `width` digits.
pub(crate) fn base62(mut n: u32, width: usize) -> String {
    let mut digits = Vec::with_capacity(width);
    while n > 0 {
        digits.push(BASE62[(n % 62) as usize]);
        n /= 62;
    }
    while digits.len() < width {
        digits.push(b'0');
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

/// GitHub classic tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`) and npm
/// tokens (`npm_`) end with six base62 digits holding the CRC32 of the 30
/// random characters before them. `body` is the token without its prefix.
pub(crate) fn crc32_base62_ok(body: &str) -> bool {
    if body.len() != 36 || !body.is_ascii() {
        return false;
    }
    let (random, check) = body.split_at(30);
    base62(crc32fast::hash(random.as_bytes()), 6) == check
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base62_pads() {
        assert_eq!(base62(0, 6), "000000");
        assert_eq!(base62(61, 2), "0z");
        assert_eq!(base62(62, 1), "10");
    }

    #[test]
    fn crc_roundtrip() {
        let random = "abcdefghijABCDEFGHIJ0123456789";
        let body = format!("{random}{}", base62(crc32fast::hash(random.as_bytes()), 6));
        assert!(crc32_base62_ok(&body));
        let mut bad = body.clone();
        bad.replace_range(0..1, "z");
        assert!(!crc32_base62_ok(&bad));
    }
}
