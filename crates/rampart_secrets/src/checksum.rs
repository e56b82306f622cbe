//! Checksums embedded in some token formats.

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/// The other digit order in use by base62 libraries.
const BASE62_LOWER_FIRST: &[u8; 62] =
    b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

fn encode(mut n: u32, width: usize, alphabet: &[u8; 62]) -> String {
    let mut digits = Vec::with_capacity(width);
    while n > 0 {
        digits.push(alphabet[(n % 62) as usize]);
        n /= 62;
    }
    while digits.len() < width {
        digits.push(b'0');
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

/// Base62 encoding of `n` (digits, upper, lower), left-padded with `0` to `width` digits.
#[cfg(test)]
pub(crate) fn base62(n: u32, width: usize) -> String {
    encode(n, width, BASE62)
}

/// GitHub classic tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`) and npm
/// tokens (`npm_`) end with six base62 digits holding the CRC32 of the 30
/// random characters before them. `token` is the whole token and `prefix`
/// the length of its prefix. Public write-ups differ on the details (CRC of
/// the random part or of prefix + random part, and the base62 digit order),
/// so each of those variants is accepted: a random 6-character tail still
/// passes with odds of about 4 in 10^10.
pub(crate) fn crc32_base62_ok(token: &str, prefix: usize) -> bool {
    let Some(body) = token.get(prefix..) else {
        return false;
    };
    if body.len() != 36 || !body.is_ascii() {
        return false;
    }
    let (random, check) = body.split_at(30);
    let with_prefix = token.get(..prefix + 30).unwrap_or_default();
    [random, with_prefix].iter().any(|data| {
        let crc = crc32fast::hash(data.as_bytes());
        encode(crc, 6, BASE62) == check || encode(crc, 6, BASE62_LOWER_FIRST) == check
    })
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
        let token = format!(
            "ghp_{random}{}",
            base62(crc32fast::hash(random.as_bytes()), 6)
        );
        assert!(crc32_base62_ok(&token, 4));
        let mut bad = token.clone();
        bad.replace_range(4..5, "z");
        assert!(!crc32_base62_ok(&bad, 4));
        assert!(!crc32_base62_ok("ghp_short", 4));
    }
}
