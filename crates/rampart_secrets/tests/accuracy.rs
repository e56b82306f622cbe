//! Precision and recall over the labelled corpus in `tests/corpus/`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rampart_secrets::scan_text;

struct Label {
    file: String,
    line: usize,
    expected: String,
}

fn labels(dir: &Path) -> Vec<Label> {
    let text = std::fs::read_to_string(dir.join("labels.tsv")).expect("labels.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut p = l.split('\t');
            Label {
                file: p.next().unwrap_or_default().to_string(),
                line: p.next().and_then(|n| n.parse().ok()).unwrap_or(0),
                expected: p.next().unwrap_or_default().to_string(),
            }
        })
        .collect()
}

#[test]
fn precision_and_recall_on_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let labels = labels(&dir);
    let positives = labels.iter().filter(|l| l.expected != "none").count();
    let negatives = labels.len() - positives;
    assert!(positives >= 150, "corpus has {positives} secrets");
    assert!(negatives >= 150, "corpus has {negatives} near-misses");

    let mut by_file: BTreeMap<&str, BTreeMap<usize, &str>> = BTreeMap::new();
    for l in &labels {
        by_file
            .entry(&l.file)
            .or_default()
            .insert(l.line, &l.expected);
    }
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for (file, lines) in &by_file {
        let text = std::fs::read_to_string(dir.join("files").join(file)).expect("corpus file");
        let found = scan_text(file, &text);
        let mut hit: BTreeSet<usize> = BTreeSet::new();
        for m in &found {
            match lines.get(&m.line) {
                Some(&exp) if exp == m.detector.id => {
                    if hit.insert(m.line) {
                        tp += 1;
                    }
                }
                other => {
                    fp += 1;
                    misses.push(format!(
                        "FP {file}:{} {} ({}) expected {:?}",
                        m.line,
                        m.detector.id,
                        m.secret,
                        other.copied().unwrap_or("unlabelled")
                    ));
                }
            }
        }
        for (line, exp) in lines {
            if *exp != "none" && !hit.contains(line) {
                fn_ += 1;
                let got: Vec<_> = found
                    .iter()
                    .filter(|m| m.line == *line)
                    .map(|m| m.detector.id)
                    .collect();
                misses.push(format!("FN {file}:{line} expected {exp}, got {got:?}"));
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    for m in &misses {
        println!("{m}");
    }
    println!(
        "corpus: {positives} secrets, {negatives} near-misses; TP {tp} FP {fp} FN {fn_}; \
         precision {precision:.3} recall {recall:.3}"
    );
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.95, "recall {recall:.3}");
}
