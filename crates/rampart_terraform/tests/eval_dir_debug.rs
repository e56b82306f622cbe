//! Debugging aid (ignored): `DIR=... cargo test --test eval_dir_debug -- --ignored --nocapture`
//! prints the evaluation of a directory; with `JSON=1`, one JSON line per resource.

use rampart_source::SourceMap;
use rampart_terraform::{evaluate_dir, Options};

#[test]
#[ignore]
fn dump() {
    let dir = std::env::var("DIR").unwrap_or_else(|_| "tests/eval_fixtures/basic".into());
    let json = std::env::var("JSON").is_ok();
    let sm = SourceMap::new();
    let ev = evaluate_dir(std::path::Path::new(&dir), &sm, &Options::default());
    for r in &ev.resources {
        if json {
            let mut unknown = Vec::new();
            for (k, a) in &r.body.attrs {
                if !a.value.is_wholly_known() {
                    unknown.push(k.clone());
                }
            }
            let line = serde_json::json!({"address": r.address, "mode": format!("{:?}", r.mode), "values": r.body.to_json(), "unknown": unknown});
            println!("JSONLINE {line}");
            continue;
        }
        println!(
            "{:?} {} [{}] {}",
            r.mode,
            r.address,
            r.module,
            serde_json::to_string(&r.body.to_json()).unwrap_or_default()
        );
        for (k, a) in &r.body.attrs {
            if !a.refs.is_empty() || a.origin != rampart_model::Origin::Explicit {
                println!("    {k}: refs={:?} origin={:?}", a.refs, a.origin);
            }
        }
    }
    for d in &ev.diagnostics {
        let loc = d
            .span
            .and_then(|s| sm.locate(s))
            .map(|l| l.to_string())
            .unwrap_or_default();
        println!("DIAG {:?} {} {} {}", d.level, d.code, loc, d.message);
    }
}
