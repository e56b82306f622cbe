#!/usr/bin/env bash
# Re-record Terraform's answers for the built-in function golden cases.
#
# Reads crates/rampart_tf_functions/tests/fixtures/cases.txt (one expression
# per line; blank lines and lines starting with '#' are skipped), evaluates
# each with the real `terraform console` in a temporary directory holding an
# empty configuration plus a copy of tests/fixtures/files/, and writes
# crates/rampart_tf_functions/tests/fixtures/expected.json:
#
#   [{"expr": "...", "result": "value", "value": <json>}            # a value
#    {"expr": "...", "result": "error", "error": "<summary>: <first detail line>"}
#    {"expr": "...", "result": "unknown"}                            # (known after apply)
#    {"expr": "...", "result": "sensitive"}]                         # (sensitive value)
#
# Piped `terraform console` prints only its last result and stops at the
# first error, so expressions are batched: one console run evaluates a whole
# chunk as a single tuple of `try({ok = jsonencode(e)}, {err = true})`,
# base64-encoded so the output is one plain token. Chunks that fail as a
# whole, and every case that errored, are then run one per console process to
# get Terraform's own message. Output never interleaves: each run's stdout and
# stderr are read separately after it exits.
#
# Needs terraform (1.11) and python3. Usage: scripts/record-function-fixtures.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIX="$ROOT/crates/rampart_tf_functions/tests/fixtures"
TF="${TERRAFORM:-terraform}"

command -v "$TF" >/dev/null || { echo "terraform not found" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 not found" >&2; exit 2; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp -r "$FIX/files" "$WORK/files"
cat >"$WORK/cli.tfrc" <<'EOF'
provider_installation {
  filesystem_mirror {
    path    = "/opt/tf-plugins"
    include = ["registry.terraform.io/*/*"]
  }
  direct {
    exclude = ["registry.terraform.io/*/*"]
  }
}
EOF
export TF_CLI_CONFIG_FILE="$WORK/cli.tfrc"
export TF_IN_AUTOMATION=1
export CHECKPOINT_DISABLE=1
# Stable answers for pathexpand and friends.
export HOME=/home/rampart

# (Not `terraform version | head`: with pipefail, head closing the pipe early
# can fail the script.)
TF_VERSION="$("$TF" version)"
echo "${TF_VERSION%%$'\n'*}" >&2

python3 - "$FIX/cases.txt" "$FIX/expected.json" "$WORK" "$TF" <<'PY'
import base64, json, re, subprocess, sys

cases_path, out_path, work, tf = sys.argv[1:5]
cases = []
with open(cases_path, encoding="utf-8") as f:
    for line in f:
        line = line.rstrip("\n")
        if line.strip() and not line.lstrip().startswith("#"):
            cases.append(line)

def console(expr):
    p = subprocess.run([tf, "console", "-no-color"], input=expr + "\n", cwd=work,
                       capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout.strip(), p.stderr

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

def first_error(stderr):
    stderr = ANSI.sub("", stderr)
    lines = [l.strip().lstrip("│").strip() for l in stderr.splitlines()]
    summary, detail = None, None
    for i, l in enumerate(lines):
        if summary is None and l.startswith("Error: "):
            summary = l[len("Error: "):]
            rest = lines[i + 1:]
            # Skip the blank line, the "on <console-input>" context lines.
            for r in rest:
                if not r or r.startswith("on <console-input>") or r == "(source code not available)":
                    continue
                if r.startswith("╵"):
                    break
                detail = r
                break
            if detail is not None:
                # The console wraps long messages: join the paragraph.
                j = rest.index(detail) + 1
                while j < len(rest) and rest[j] and not rest[j].startswith("╵"):
                    detail += " " + rest[j]
                    j += 1
            break
    if summary is None:
        return (stderr.strip().splitlines() or ["unknown error"])[0]
    if detail:
        # A Go panic inside a function carries a stack trace with addresses
        # that change from run to run: keep only the message.
        detail = detail.split(" goroutine ")[0]
        if len(detail) > 300:
            detail = detail[:300] + "..."
    return summary + (": " + detail if detail else "")

def decode_printed(out):
    out = ANSI.sub("", out).strip()
    if out == "(known after apply)":
        return {"result": "unknown"}
    if out == "(sensitive value)":
        return {"result": "sensitive"}
    if out.startswith('"') and out.endswith('"'):
        text = base64.b64decode(out[1:-1]).decode("utf-8")
        return {"result": "value", "value": json.loads(text)}
    return None

def single(expr):
    rc, out, err = console("base64encode(jsonencode(%s))" % expr)
    if rc != 0:
        return {"result": "error", "error": first_error(err)}
    got = decode_printed(out)
    if got is None:
        return {"result": "error", "error": "unparsed console output: " + out[:200]}
    return got

results = [None] * len(cases)
CHUNK = 60
for start in range(0, len(cases), CHUNK):
    chunk = cases[start:start + CHUNK]
    body = ",\n".join("try({ok = jsonencode(%s)}, {err = true})" % e for e in chunk)
    rc, out, err = console("base64encode(jsonencode([%s]))" % body.replace("\n", " "))
    parsed = decode_printed(out) if rc == 0 else None
    if not parsed or parsed.get("result") != "value" or len(parsed["value"]) != len(chunk):
        for i, e in enumerate(chunk):
            results[start + i] = single(e)
        continue
    for i, (e, r) in enumerate(zip(chunk, parsed["value"])):
        if "ok" in r:
            results[start + i] = {"result": "value", "value": json.loads(r["ok"])}
        else:
            # Re-run alone to get Terraform's message (and to be sure).
            results[start + i] = single(e)

with open(out_path, "w", encoding="utf-8") as f:
    json.dump([dict(expr=e, **r) for e, r in zip(cases, results)], f,
              indent=1, ensure_ascii=False)
    f.write("\n")
kinds = {}
for r in results:
    kinds[r["result"]] = kinds.get(r["result"], 0) + 1
print("recorded %d cases: %s" % (len(cases), kinds), file=sys.stderr)
PY
