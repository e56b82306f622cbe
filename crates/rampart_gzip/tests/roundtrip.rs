//! Property tests: any input compresses without panicking and inflates back.

use std::io::Read;

use proptest::prelude::*;

fn inflate(gz: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(gz)
        .read_to_end(&mut out)
        .expect("valid gzip");
    out
}

/// Bytes drawn from a small alphabet with repeats, so matches are common.
fn repetitive() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec((0u8..6, 1usize..300), 0..400).prop_map(|runs| {
        let mut out = Vec::new();
        for (sym, n) in runs {
            let chunk: Vec<u8> = if sym < 3 {
                vec![b'a' + sym; n]
            } else {
                (0..n)
                    .map(|i| b"abcdefgh"[(i * usize::from(sym)) % 8])
                    .collect()
            };
            out.extend_from_slice(&chunk);
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn arbitrary_bytes_round_trip(data in prop::collection::vec(any::<u8>(), 0..20_000)) {
        prop_assert_eq!(inflate(&rampart_gzip::gzip(&data)), data.clone());
        let close_only = rampart_gzip::gzip_with(&data, rampart_gzip::Finish::Close);
        prop_assert_eq!(inflate(&close_only), data);
    }

    #[test]
    fn repetitive_input_round_trips(data in repetitive()) {
        prop_assert_eq!(inflate(&rampart_gzip::gzip(&data)), data);
    }

    #[test]
    fn long_repetitive_input_round_trips(seed in any::<u64>(), len in 60_000usize..200_000) {
        // A cheap generator: mostly copies of earlier text, some fresh bytes.
        let mut state = seed | 1;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut data: Vec<u8> = Vec::with_capacity(len);
        while data.len() < len {
            let r = next();
            if data.len() > 64 && r % 3 != 0 {
                let back = 1 + (next() as usize % data.len().min(40_000));
                let n = 3 + (next() as usize % 300);
                let start = data.len() - back;
                for k in 0..n {
                    let b = data[start + k % back];
                    data.push(b);
                }
            } else {
                data.push((r >> 8) as u8);
            }
        }
        prop_assert_eq!(inflate(&rampart_gzip::gzip(&data)), data);
    }
}
