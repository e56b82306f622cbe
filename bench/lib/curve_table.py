"""Render bench/out/eval_curve.md from the evaluator bench and scan TSVs."""
import csv
import os
import statistics
import sys


def secs(v):
    w = 0.0
    for p in v.split(":"):
        w = w * 60 + float(p)
    return w


def main(eval_tsv, scan_tsv, out_md):
    ev = list(csv.DictReader(open(eval_tsv), delimiter="\t"))
    scan = {}
    for r in csv.DictReader(open(scan_tsv), delimiter="\t"):
        scan.setdefault(r["dir"], []).append((secs(r["wall_s"]), int(r["maxrss_kb"]), r["rc"]))
    out = ["| config | instances | files | evaluate_dir wall (median; min) | evaluate_dir peak RSS "
           "| `rampart scan` wall (median; min) | `rampart scan` peak RSS |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    for r in ev:
        s = scan.get(r["dir"], [])
        if not s:
            tail = "– | – |"
        elif any(x[2] == "124" for x in s):
            tail = f"> {max(x[0] for x in s):.0f} s (cut off) | ≥ {max(x[1] for x in s) / 1024:.0f} MB |"
        else:
            tail = (f"{statistics.median([x[0] for x in s]):.2f} s; {min(x[0] for x in s):.2f} s | "
                    f"{statistics.median([x[1] for x in s]) / 1024:.0f} MB |")
        out.append(f"| {os.path.basename(r['dir'])} | {int(r['instances']):,} | {int(r['files']):,} | "
                   f"{float(r['median_ms']) / 1000:.2f} s; {float(r['min_ms']) / 1000:.2f} s | "
                   f"{float(r['peak_rss_mb']):.0f} MB | " + tail)
    with open(out_md, "w") as f:
        f.write("\n".join(out) + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    main(*sys.argv[1:4])
