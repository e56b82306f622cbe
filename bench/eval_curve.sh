#!/usr/bin/env bash
# Evaluator curve: generate configurations of 1k / 10k / 100k resource
# instances (10 instances per file: 100 / 1,000 / 10,000 files; plus 100k
# instances in 1,000 files to separate file count from instance count), then
#   1. evaluate each with rampart_terraform::evaluate_dir (the eval_curve
#      bench: parse + evaluate only; wall = min/median of RUNS, peak = VmHWM of
#      a fresh process per directory), and
#   2. run the whole `rampart scan DIR --format json` under /usr/bin/time -v
#      (parse + evaluate + all rules + JSON report).
# Writes bench/out/eval_curve.md.  Knobs: RUNS (3), CURVE ("1000:100 10000:1000
# 100000:10000 100000:1000"), SCAN_TIMEOUT (180 s; a cut-off scan shows rc 124).
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
OUT="$BENCH/out"
RUNS="${RUNS:-3}"
CURVE="${CURVE:-1000:100 10000:1000 100000:10000 100000:1000}"
RAMPART="$ROOT/target/release/rampart"
mkdir -p "$OUT" "$BENCH/corpus"
[ -x /usr/bin/time ] || { apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }; }
[ -x "$RAMPART" ] || (cd "$ROOT" && cargo build --release -p rampart)

dirs=()
for kf in $CURVE; do
  k="${kf%:*}"; f="${kf#*:}"
  d="$BENCH/corpus/curve-$k-f$f"
  [ -d "$d" ] || python3 "$BENCH/gen_corpus.py" --instances "$k" --files "$f" "$d"
  dirs+=("$d")
done

echo "eval_curve: building and running the evaluator bench" >&2
EVAL_TSV="$OUT/eval_curve.tsv"
(cd "$ROOT" && RUNS="$RUNS" cargo bench -q -p rampart_terraform --bench eval_curve -- "${dirs[@]}") > "$EVAL_TSV"

SCAN_TSV="$OUT/scan_curve.tsv"
printf 'dir\twall_s\tmaxrss_kb\trc\n' > "$SCAN_TSV"
for d in "${dirs[@]}"; do
  n="$RUNS"
  # Above 10k instances the full scan is slow: one run, cut off at SCAN_TIMEOUT.
  case "$(basename "$d")" in curve-1000-*|curve-10000-*) ;; *) n=1 ;; esac
  for i in $(seq 1 "$n"); do
    tf="$(mktemp)"
    rc=0
    /usr/bin/time -v -o "$tf" timeout "${SCAN_TIMEOUT:-180}" "$RAMPART" scan "$d" --format json > "$OUT/scan_curve.last.json" || rc=$?
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tf")"
    rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tf")"
    rm -f "$tf"
    printf '%s\t%s\t%s\t%s\n' "$d" "$wall" "$rss" "$rc" >> "$SCAN_TSV"
    echo "  scan $(basename "$d") run $i: $wall, ${rss} KB, rc $rc" >&2
  done
done

python3 "$BENCH/lib/curve_table.py" "$EVAL_TSV" "$SCAN_TSV" "$OUT/eval_curve.md"
