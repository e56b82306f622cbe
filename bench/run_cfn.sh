#!/usr/bin/env bash
# CloudFormation: time rampart, Checkov (--framework cloudformation) and Trivy
# on the same generated corpus of $CFN_FILES templates (default 1000, kept in
# bench/corpus/cfn-N/) and the bundled examples/cloudformation, in one run.
# Results: bench/out/cfn/results.md. Knobs: CFN_FILES, RUNS (3), CHECKOV_RUNS (1).
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
OUT="$BENCH/out/cfn"
N="${CFN_FILES:-1000}"
RUNS="${RUNS:-3}"
CHECKOV_RUNS="${CHECKOV_RUNS:-1}"
RAMPART="$ROOT/target/release/rampart"
CHECKOV="$BENCH/.venv/bin/checkov"
TRIVY="$("$BENCH/lib/find_trivy.sh" || true)"
if [ ! -x "$RAMPART" ] || [ ! -x "$CHECKOV" ] || [ -z "$TRIVY" ]; then
  echo "run_cfn.sh: missing tools; run bench/setup.sh first" >&2
  exit 1
fi
CORPUS="$BENCH/corpus/cfn-$N"
[ -d "$CORPUS" ] || python3 "$BENCH/gen_cfn.py" "$N" "$CORPUS"
mkdir -p "$OUT/trivy-cache"
rm -rf "$OUT/raw"
python3 "$BENCH/lib/bench.py" \
  --rampart "$RAMPART" --checkov "$CHECKOV" --trivy "$TRIVY" \
  --trivy-cache "$OUT/trivy-cache" --out "$OUT" \
  --runs "$RUNS" --checkov-runs "$CHECKOV_RUNS" --checkov-slow "cfn-$N" \
  --checkov-framework cloudformation \
  "cfn-$N=$CORPUS" "examples-cfn=$ROOT/examples/cloudformation"
echo "run_cfn.sh: wrote $OUT/results.md" >&2
