#!/usr/bin/env bash
# Render compliance reports in headless Chromium and check what a person sees.
#
#   bash crates/rampart_compliance/tests/browser.sh
#
# Needs Debian's chromium (apt-get install -y chromium); skips with a message
# when it is absent. Writes the HTML, the DOM dump, a screenshot and a PDF
# print under target/compliance-browser/ so they can be looked at.
set -euo pipefail
cd "$(dirname "$0")/../../.."

CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$CHROMIUM" ]; then
  echo "browser.sh: chromium not installed; skipping (apt-get install -y chromium)"
  exit 0
fi

OUT=target/compliance-browser
mkdir -p "$OUT"
FIXTURE=crates/rampart_compliance/tests/fixtures/infra

cargo run -q -p rampart_compliance --example html_report -- "$OUT/soc2.html" soc2 "$FIXTURE"
cargo run -q -p rampart_compliance --example html_report -- \
  "$OUT/eng-pol-003.html" crates/rampart_compliance/examples/eng-pol-003.toml "$FIXTURE"

chrome() {
  local profile
  profile="$(mktemp -d)"
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    "$@" 2>/dev/null
  rm -rf "$profile"
}

fail=0
check() { # file pattern description
  if grep -q -- "$2" "$1"; then
    echo "ok   $3"
  else
    echo "FAIL $3 (no '$2' in $1)"
    fail=1
  fi
}

for name in soc2 eng-pol-003; do
  html="$PWD/$OUT/$name.html"
  chrome --dump-dom "file://$html" > "$OUT/$name.dom.html"
  chrome --screenshot="$PWD/$OUT/$name.png" --window-size=1280,2400 "file://$html" || true
  chrome --print-to-pdf="$PWD/$OUT/$name.pdf" --no-pdf-header-footer "file://$html" || true
  dom="$OUT/$name.dom.html"
  check "$dom" '<svg' "$name: the status chart is in the DOM"
  check "$dom" 'id="exception-register"' "$name: the exception register is rendered"
  check "$dom" 'data-status="failing"' "$name: a failing control is shown"
  check "$dom" 'Manual evidence' "$name: manual controls are labelled"
  check "$dom" 'aws_s3_bucket.site' "$name: the excepted resource is named"
  [ -s "$OUT/$name.png" ] && echo "ok   $name: screenshot $OUT/$name.png" || { echo "FAIL $name: no screenshot"; fail=1; }
  [ -s "$OUT/$name.pdf" ] && echo "ok   $name: print to PDF $OUT/$name.pdf" || { echo "FAIL $name: no PDF"; fail=1; }
done
check "$OUT/soc2.dom.html" 'data-control="CC6.1"' "soc2: control CC6.1 is listed"
check "$OUT/soc2.dom.html" 'data-control="CC1.1" data-status="manual"' "soc2: CC1.1 is manual"
check "$OUT/eng-pol-003.dom.html" 'data-control="3.2.c" data-status="failing"' "eng-pol-003: 3.2.c is failing"
check "$OUT/eng-pol-003.dom.html" 'data-control="6" data-status="manual"' "eng-pol-003: section 6 is manual"

if [ "$fail" -ne 0 ]; then
  echo "browser.sh: FAILED"
  exit 1
fi
echo "browser.sh: all checks passed"
