#!/usr/bin/env bash
# Records Terraform's own results for the number fixture cases.
#
# Reads crates/rampart_number/tests/fixtures/cases.txt (one expression per
# line, '#' starts a comment line; every expression must evaluate to a
# string) and writes crates/rampart_number/tests/fixtures/expected.json as
# [{"expr": ..., "text": ...}, ...] using `terraform console` (offline).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fixtures="$root/crates/rampart_number/tests/fixtures"
terraform_bin="${TERRAFORM:-terraform}"

workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT

export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1 TF_CLI_CONFIG_FILE=/dev/null

python3 - "$fixtures/cases.txt" "$fixtures/expected.json" "$terraform_bin" "$workdir" <<'PY'
import json
import subprocess
import sys

cases_path, out_path, tf, workdir = sys.argv[1:5]
exprs = []
with open(cases_path, encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            exprs.append(line)


def evaluate(batch):
    """Evaluates a list of expressions in one console run; None on error."""
    src = "jsonencode([" + ", ".join(batch) + "])\n"
    proc = subprocess.run(
        [tf, "console"], input=src, capture_output=True, text=True, cwd=workdir
    )
    if proc.returncode != 0:
        return None
    out = proc.stdout.strip()
    # The console prints the JSON document as a quoted string.
    values = json.loads(json.loads(out))
    if len(values) != len(batch):
        return None
    return values


results = []
failed = []
chunk = 40
for start in range(0, len(exprs), chunk):
    batch = exprs[start : start + chunk]
    values = evaluate(batch)
    if values is None:
        values = []
        for e in batch:
            v = evaluate([e])
            if v is None:
                failed.append(e)
                values.append(None)
            else:
                values.append(v[0])
    for e, v in zip(batch, values):
        if v is None:
            continue
        if not isinstance(v, str):
            failed.append(e + "  (result is not a string)")
            continue
        results.append({"expr": e, "text": v})

if failed:
    sys.stderr.write("these cases failed in terraform console:\n")
    for e in failed:
        sys.stderr.write("  " + e + "\n")
    sys.exit(1)

with open(out_path, "w", encoding="utf-8") as f:
    json.dump(results, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"wrote {len(results)} cases to {out_path}")
PY
