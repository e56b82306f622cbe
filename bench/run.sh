#!/usr/bin/env bash
# Time rampart, Checkov and Trivy on the same inputs, in one run:
#   * a generated corpus of $BENCH_FILES .tf files (default 2000; kept in bench/corpus/)
#   * the repository's examples/
# Results: bench/out/results.md (Markdown table) and bench/out/results.json;
# each tool's raw output in bench/out/raw/.
#
# Environment knobs: BENCH_FILES (2000), RUNS (3, rampart and trivy),
# CHECKOV_RUNS (1 on the generated corpus; Checkov gets RUNS on examples/),
# TOOLS (rampart,checkov,trivy).
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
OUT="$BENCH/out"
N="${BENCH_FILES:-2000}"
RUNS="${RUNS:-3}"
CHECKOV_RUNS="${CHECKOV_RUNS:-1}"
TOOLS="${TOOLS:-rampart,checkov,trivy}"

if [ ! -x /usr/bin/time ]; then
  apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi
RAMPART="$ROOT/target/release/rampart"
CHECKOV="$BENCH/.venv/bin/checkov"
TRIVY="$("$BENCH/lib/find_trivy.sh" || true)"
if [ ! -x "$RAMPART" ] || [ ! -x "$CHECKOV" ] || [ -z "$TRIVY" ]; then
  echo "run.sh: missing tools; run bench/setup.sh first" >&2
  exit 1
fi

CORPUS="$BENCH/corpus/tree-$N"
if [ ! -d "$CORPUS" ]; then
  python3 "$BENCH/gen_corpus.py" "$N" "$CORPUS"
fi
mkdir -p "$OUT/trivy-cache"
rm -rf "$OUT/raw"

# Checkov and Trivy report paths relative to the scan root like rampart does;
# all three get the same absolute directory.
python3 "$BENCH/lib/bench.py" \
  --rampart "$RAMPART" --checkov "$CHECKOV" --trivy "$TRIVY" \
  --trivy-cache "$OUT/trivy-cache" --out "$OUT" \
  --runs "$RUNS" --checkov-runs "$CHECKOV_RUNS" --checkov-slow "corpus-$N" \
  --tools "$TOOLS" \
  "corpus-$N=$CORPUS" "examples=$ROOT/examples"
echo "run.sh: wrote $OUT/results.md" >&2
