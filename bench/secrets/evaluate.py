#!/usr/bin/env python3
"""Scores rampart and detect-secrets on the labelled corpus.

usage: evaluate.py LABELS RAMPART_TSV DETECT_SECRETS_JSON
Counting: a finding on a line labelled with a secret is a true positive
(rampart "strict" also requires the expected detector id); a finding on a
line labelled "none", or on an unlabelled line, is a false positive; a
labelled secret line with no finding is a false negative. Several findings
on one line count once.
"""
import json
import sys


def load_labels(path):
    labels = {}
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        f, l, d = line.rstrip("\n").split("\t")
        labels[(f, int(l))] = d
    return labels


def score(labels, found, strict):
    """found: dict (file, line) -> set of detector ids."""
    tp = fp = 0
    for key, dets in found.items():
        exp = labels.get(key)
        if exp is not None and exp != "none" and (not strict or exp in dets):
            tp += 1
        else:
            fp += 1
    pos = sum(1 for d in labels.values() if d != "none")
    fn = pos - tp
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    return tp, fp, fn, p, r


def main():
    labels = load_labels(sys.argv[1])
    ram = {}
    for line in open(sys.argv[2]):
        f, l, d = line.rstrip("\n").split("\t")
        ram.setdefault((f, int(l)), set()).add(d)
    if len(sys.argv) < 4:
        tp, fp, fn, p, r = score(labels, ram, False)
        print(f"| generated tree | {tp} | {fp} | {fn} | {p:.3f} | {r:.3f} |")
        return
    ds = {}
    data = json.load(open(sys.argv[3]))
    for f, items in data.get("results", {}).items():
        f = f[2:] if f.startswith("./") else f
        for it in items:
            ds.setdefault((f, it["line_number"]), set()).add(it["type"])
    rows = [
        ("rampart (detector id must match)", score(labels, ram, True)),
        ("rampart (any detector)", score(labels, ram, False)),
        ("detect-secrets (any plugin)", score(labels, ds, False)),
    ]
    pos = sum(1 for d in labels.values() if d != "none")
    neg = len(labels) - pos
    print(f"Corpus: {pos} labelled secrets, {neg} labelled near-misses "
          f"(findings on unlabelled lines count as false positives).\n")
    print("| tool | TP | FP | FN | precision | recall |")
    print("|---|---|---|---|---|---|")
    for name, (tp, fp, fn, p, r) in rows:
        print(f"| {name} | {tp} | {fp} | {fn} | {p:.3f} | {r:.3f} |")
    # detect-secrets misses by expected detector, to show where the gap is.
    missed = {}
    for key, exp in labels.items():
        if exp != "none" and key not in ds:
            missed[exp] = missed.get(exp, 0) + 1
    if missed:
        print("\ndetect-secrets misses by secret kind: " +
              ", ".join(f"{k} {v}" for k, v in sorted(missed.items(), key=lambda x: -x[1])))
    fps = {}
    for key, dets in ds.items():
        if labels.get(key, "unlabelled") in ("none", "unlabelled"):
            for d in dets:
                fps[d] = fps.get(d, 0) + 1
    if fps:
        print("\ndetect-secrets false positives by plugin: " +
              ", ".join(f"{k} {v}" for k, v in sorted(fps.items(), key=lambda x: -x[1])))


if __name__ == "__main__":
    main()
