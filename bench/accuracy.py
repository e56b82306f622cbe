#!/usr/bin/env python3
"""Accuracy side by side: run rampart, Checkov and Trivy on the trap cases in
bench/accuracy/cases/ and record which tool reports the expected finding.

Each case (bench/accuracy/cases.json) names one rampart rule and the resource
it is about.  The equivalent Checkov and Trivy ids are the rule's aliases from
`rampart rules --json` (Checkov `CKV_*`/`CKV2_*`; Trivy `AVD-AWS-NNNN`, which
Trivy 0.6x+ prints as `AWS-NNNN`).

  bad case:  TP if the tool reports one of those ids on that resource (any
             instance of it), FN otherwise.  When the case names the one bad
             instance, other instances the tool also flags are counted as
             over-reports ("TP, +N").
  safe case: FP if the tool reports one of those ids on that resource, TN
             otherwise.
A tool that exits with an error, or whose output cannot be read, gets "ERR"
(its findings are still used if it produced any).

Writes bench/out/accuracy.md and bench/out/accuracy.json; prints the table.
Usage: bench/accuracy.py  (after bench/setup.sh)
Standard library only.
"""
import json
import os
import re
import subprocess
import sys

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
CASES = os.path.join(BENCH, "accuracy", "cases")
OUT = os.path.join(BENCH, "out")
RAMPART = os.path.join(ROOT, "target", "release", "rampart")
CHECKOV = os.path.join(BENCH, ".venv", "bin", "checkov")


def trivy_path():
    r = subprocess.run([os.path.join(BENCH, "lib", "find_trivy.sh")], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("trivy not found: run bench/setup.sh")
    return r.stdout.strip()


def checkov_env():
    env = dict(os.environ)
    env.update({"BC_SKIP_MAPPING": "TRUE", "CHECKOV_RUN_SCA_PACKAGE_SCAN_V2": "false"})
    env.pop("BC_API_KEY", None)
    env.pop("PRISMA_API_URL", None)
    return env


def strip_instance(addr):
    """`module.m["a"].aws_x.y[1]` -> `aws_x.y` (type.name of the last step)."""
    addr = re.sub(r"\[[^\]]*\]", "", addr)
    parts = addr.split(".")
    return ".".join(parts[-2:]) if len(parts) >= 2 else addr


def norm_instance(addr):
    """Drop module prefixes, keep the instance key: `aws_x.y["k"]`."""
    m = re.search(r'([a-z0-9_]+\.[A-Za-z0-9_-]+(\[[^\]]*\])?)$', addr)
    return m.group(1) if m else addr


def run_rampart(d):
    r = subprocess.run([RAMPART, "scan", d, "--format", "json"], capture_output=True, text=True)
    hits = []
    try:
        rep = json.loads(r.stdout)
        for f in rep["findings"]:
            if f["status"] == "fail" and not f.get("suppressed"):
                hits.append((f["rule_id"], f["resource"]))
        errors = [e.get("message", "") for e in rep.get("errors", [])]
    except (ValueError, KeyError) as e:
        return hits, False, f"unreadable output: {e}; {r.stderr.strip()[:200]}"
    note = "; ".join(errors)[:200]
    return hits, r.returncode in (0, 1), note


def run_checkov(d):
    r = subprocess.run([CHECKOV, "-d", d, "--quiet", "--compact", "-o", "json", "--skip-download",
                        "--framework", "terraform"], capture_output=True, text=True, env=checkov_env())
    hits = []
    try:
        rep = json.loads(r.stdout) if r.stdout.strip() else {}
    except ValueError as e:
        return hits, False, f"unreadable output: {e}"
    reps = rep if isinstance(rep, list) else [rep]
    parse_errors = []
    for x in reps:
        for c in x.get("results", {}).get("failed_checks", []):
            hits.append((c["check_id"], c.get("resource", "")))
        parse_errors += x.get("results", {}).get("parsing_errors", []) or []
        parse_errors += x.get("summary", {}).get("parsing_errors", 0) and ["parsing errors"] or []
    return hits, r.returncode in (0, 1), "; ".join(map(str, parse_errors))[:200]


def run_trivy(d, trivy, cache):
    r = subprocess.run([trivy, "config", "--skip-check-update", "--cache-dir", cache, "--format", "json", d],
                       capture_output=True, text=True)
    hits = []
    try:
        rep = json.loads(r.stdout)
    except ValueError as e:
        return hits, False, f"unreadable output: {e}; {r.stderr.strip()[-200:]}"
    for res in rep.get("Results", []) or []:
        for m in res.get("Misconfigurations", []) or []:
            if m.get("Status") == "FAIL":
                ident = m.get("AVDID") or m["ID"]
                ident = ident[4:] if ident.startswith("AVD-") else ident
                hits.append((ident, (m.get("CauseMetadata") or {}).get("Resource", "")))
    errs = [ln for ln in r.stderr.splitlines() if "ERROR" in ln and "embedded checks" not in ln]
    return hits, r.returncode == 0, "; ".join(errs)[:200]


def judge(case, ids, hits):
    mine = [res for (rid, res) in hits if rid in ids and strip_instance(res) == case["resource"]]
    if case["kind"] == "bad":
        if not mine:
            return "FN", mine
        inst = case.get("instance")
        if inst:
            extra = {norm_instance(r) for r in mine} - {inst}
            if inst not in {norm_instance(r) for r in mine}:
                return "TP (not the bad instance)", mine
            if extra:
                return f"TP, +{len(extra)} over-report", mine
        return "TP", mine
    return ("FP" if mine else "TN"), mine


def main():
    if not os.path.exists(RAMPART) or not os.path.exists(CHECKOV):
        sys.exit("missing tools: run bench/setup.sh")
    trivy = trivy_path()
    cache = os.path.join(OUT, "trivy-cache")
    os.makedirs(cache, exist_ok=True)
    rules = {r["id"]: r for r in json.loads(subprocess.run([RAMPART, "rules", "--json"], capture_output=True,
                                                            text=True, check=True).stdout)}
    with open(os.path.join(BENCH, "accuracy", "cases.json")) as f:
        cases = json.load(f)
    rows = []
    for c in cases:
        d = os.path.join(CASES, c["case"])
        aliases = rules[c["rule"]]["aliases"]
        ids = {
            "rampart": {c["rule"]},
            "checkov": {a for a in aliases if a.startswith("CKV")} | set(c.get("checkov_extra", [])),
            "trivy": {a[4:] for a in aliases if a.startswith("AVD-")} | set(c.get("trivy_extra", [])),
        }
        runs = {"rampart": run_rampart(d), "checkov": run_checkov(d), "trivy": run_trivy(d, trivy, cache)}
        row = {"case": c["case"], "kind": c["kind"], "what": c["what"],
               "ids": {k: sorted(v) for k, v in ids.items()}, "tools": {}}
        for tool, (hits, ok, note) in runs.items():
            if not ids[tool]:
                verdict, mine = "no such check", []
            else:
                verdict, mine = judge(c, ids[tool], hits)
            if not ok:
                verdict += " (ERR)"
            row["tools"][tool] = {"verdict": verdict, "matched": mine, "note": note}
        print(f"{c['case']:42s} " + "  ".join(f"{t}={row['tools'][t]['verdict']}" for t in runs),
              file=sys.stderr, flush=True)
        rows.append(row)
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "accuracy.json"), "w") as f:
        json.dump(rows, f, indent=2)
    md = render(rows)
    with open(os.path.join(OUT, "accuracy.md"), "w") as f:
        f.write(md)
    print(md)


def render(rows):
    tools = ["rampart", "checkov", "trivy"]
    out = ["| case | kind | the trap | ids (rampart / Checkov / Trivy) | rampart | Checkov | Trivy |",
           "|---|---|---|---|---|---|---|"]
    for r in rows:
        ids = " / ".join(", ".join(r["ids"][t]) or "–" for t in tools)
        cells = []
        for t in tools:
            v = r["tools"][t]["verdict"]
            good = v.startswith("TP") or v.startswith("TN")
            cells.append(("✅ " if good else "❌ ") + v)
        out.append(f"| {r['case']} | {r['kind']} | {r['what']} | {ids} | " + " | ".join(cells) + " |")
    out.append("")
    bad = [r for r in rows if r["kind"] == "bad"]
    safe = [r for r in rows if r["kind"] == "safe"]
    out.append("| tool | true positives (of %d bad) | false negatives | false positives (of %d safe) | true negatives |"
               % (len(bad), len(safe)))
    out.append("|---|---:|---:|---:|---:|")
    for t in tools:
        tp = sum(1 for r in bad if r["tools"][t]["verdict"].startswith("TP"))
        fp = sum(1 for r in safe if r["tools"][t]["verdict"].startswith("FP"))
        out.append(f"| {t} | {tp} | {len(bad) - tp} | {fp} | {len(safe) - fp} |")
    notes = [f"- {r['case']} / {t}: {r['tools'][t]['note']}" for r in rows for t in tools if r["tools"][t]["note"]]
    if notes:
        out.append("")
        out.append("Errors and diagnostics reported by the tools:")
        out.extend(notes)
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
