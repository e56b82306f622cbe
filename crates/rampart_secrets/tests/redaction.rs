//! No output form of a match shows the secret.

use std::path::Path;

use rampart_secrets::scan_text;

#[test]
fn no_secret_in_debug_display_or_serde() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/files");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("corpus dir") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("utf-8 corpus file");
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let found = scan_text(&name, &text);
        let all_debug = format!("{found:?}");
        let all_json = serde_json::to_string(&found).expect("serialize");
        for m in &found {
            let secret = m.secret.expose();
            assert_eq!(&text[m.start..m.end], secret);
            // The masked form may keep a 4-character prefix; anything longer leaks.
            let probe = if secret.len() > 8 {
                &secret[..secret.len().min(12)]
            } else {
                secret
            };
            for (what, out) in [
                ("debug", format!("{m:?}")),
                ("alt-debug", format!("{m:#?}")),
                ("display", m.to_string()),
                ("json", serde_json::to_string(m).expect("serialize")),
            ] {
                assert!(
                    !out.contains(secret),
                    "{what} of {} shows the secret",
                    m.detector.id
                );
                assert!(
                    !out.contains(probe),
                    "{what} of {} shows a long prefix",
                    m.detector.id
                );
            }
            assert!(!all_debug.contains(secret) && !all_json.contains(secret));
            assert_eq!(m.fingerprint.len(), 32);
            checked += 1;
        }
    }
    assert!(checked >= 150, "only {checked} matches checked");
}

#[test]
fn fingerprint_is_stable_and_distinct() {
    let a = rampart_secrets::fingerprint("generic-password", "Zq8!rT5mLp2vXw");
    assert_eq!(
        a,
        rampart_secrets::fingerprint("generic-password", "Zq8!rT5mLp2vXw")
    );
    assert_ne!(
        a,
        rampart_secrets::fingerprint("generic-password", "Zq8!rT5mLp2vXx")
    );
    assert_ne!(
        a,
        rampart_secrets::fingerprint("generic-secret", "Zq8!rT5mLp2vXw")
    );
}
