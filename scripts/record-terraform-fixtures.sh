#!/usr/bin/env bash
# Record terraform's own answers for the Terraform golden corpus.
#
# Usage: scripts/record-terraform-fixtures.sh [case-dir-name...]
#
# For every case under crates/rampart_terraform/tests/corpus/ (or only the named
# ones) this copies the case to a temporary directory, runs
#   terraform init -backend=false          (offline, provider from a filesystem mirror)
#   terraform plan -refresh=false -out ... (dummy credentials, no AWS calls)
#   terraform show -json ...
# and writes a trimmed `expected.json` next to the case's .tf files. Cases that
# set "keep_plan": true in case.json also get the untrimmed `plan.json`. It then
# rewrites corpus/schema_sensitive.json (the provider schema's sensitive
# attributes for the resource types the corpus uses) and corpus/README.md (from
# each case's leading comment). A case whose plan fails makes the script exit 1.
#
# case.json (optional) may hold:
#   "var_files": ["x.tfvars", ...]      passed as -var-file=... in order
#   "vars": [["name", "value"], ...]    passed as -var name=value in order
#   "workspace": "staging"              selected with `terraform workspace new`
#   "env": [["TF_VAR_x", "value"], ...] environment for terraform (and the test)
#   "keep_plan": true                   also store the full `terraform show -json`
#   "apply": true                       also apply (only for configurations that
#                                       apply offline: terraform_data, policy
#                                       documents) and store the state file as
#                                       state.json and `terraform show -json` of
#                                       it as state_show.json
#
# Environment:
#   TERRAFORM    terraform binary (default: terraform on PATH)
#   TF_MIRROR    provider filesystem mirror (default: /opt/tf-plugins)
#
# Nothing is written outside the case directories except temporary files, which
# are removed at exit (the provider plugin cache lives in a temp dir too).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$here/crates/rampart_terraform/tests/corpus"
terraform="${TERRAFORM:-terraform}"
mirror="${TF_MIRROR:-/opt/tf-plugins}"

command -v "$terraform" >/dev/null || { echo "terraform not found" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq not found" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/plugin-cache"
cat >"$work/cli.tfrc" <<EOF
plugin_cache_dir = "$work/plugin-cache"
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/*/*"]
  }
  direct {
    exclude = ["registry.terraform.io/*/*"]
  }
}
EOF

export TF_CLI_CONFIG_FILE="$work/cli.tfrc"
export TF_IN_AUTOMATION=1
export TF_INPUT=0
export CHECKPOINT_DISABLE=1
# Dummy credentials: the provider is told not to validate them and nothing
# calls AWS (plans are made with -refresh=false and no remote data sources).
export AWS_ACCESS_KEY_ID=mock-access-key
export AWS_SECRET_ACCESS_KEY=mock-secret-key
export AWS_DEFAULT_REGION=us-east-1
export AWS_EC2_METADATA_DISABLED=true
unset TF_WORKSPACE || true

if [ "$#" -gt 0 ]; then
  cases=("$@")
else
  cases=()
  for d in "$corpus"/*/; do
    d="${d%/}"
    cases+=("$(basename "$d")")
  done
fi

failed=()
for name in "${cases[@]}"; do
  name="${name%/}"
  name="$(basename "$name")"
  src="$corpus/$name"
  [ -d "$src" ] || { echo "no such case: $name" >&2; failed+=("$name"); continue; }
  dst="$work/cases/$name"
  mkdir -p "$dst"
  # Copy the case without previous outputs.
  (cd "$src" && tar --exclude=expected.json --exclude=plan.json --exclude=.terraform \
      --exclude=.terraform.lock.hcl -cf - .) | (cd "$dst" && tar -xf -)

  args=()
  workspace=""
  keep_plan=false
  apply=false
  envs=()
  if [ -f "$src/case.json" ]; then
    while IFS= read -r f; do args+=("-var-file=$f"); done \
      < <(jq -r '.var_files // [] | .[]' "$src/case.json")
    while IFS= read -r kv; do args+=("-var" "$kv"); done \
      < <(jq -r '.vars // [] | .[] | "\(.[0])=\(.[1])"' "$src/case.json")
    workspace="$(jq -r '.workspace // ""' "$src/case.json")"
    keep_plan="$(jq -r '.keep_plan // false' "$src/case.json")"
    apply="$(jq -r '.apply // false' "$src/case.json")"
    while IFS= read -r kv; do envs+=("$kv"); done \
      < <(jq -r '.env // [] | .[] | "\(.[0])=\(.[1])"' "$src/case.json")
  fi

  echo "== $name" >&2
  # (set -e does not apply inside a subshell used as a condition: chain.)
  if ! (
    for kv in "${envs[@]}"; do export "$kv"; done
    cd "$dst" &&
    "$terraform" init -backend=false -no-color >"$work/$name.init.log" 2>&1 &&
    if [ -n "$workspace" ] && [ "$workspace" != "default" ]; then
      "$terraform" workspace new -no-color "$workspace" >/dev/null
    fi &&
    "$terraform" plan -refresh=false -no-color -lock=false -out=plan.bin "${args[@]}" \
      >"$work/$name.plan.log" 2>&1 &&
    "$terraform" show -json plan.bin >plan.json &&
    if [ "$apply" = "true" ]; then
      "$terraform" apply -no-color -lock=false -auto-approve plan.bin >"$work/$name.apply.log" 2>&1 &&
      "$terraform" show -json >state_show.json
    fi
  ); then
    echo "   FAILED: $name" >&2
    for log in "$work/$name".*.log; do [ -f "$log" ] && tail -n 30 "$log" >&2; done
    failed+=("$name")
    continue
  fi

  jq 'def configured($prefix):
        ((.resources // []) | map({key: ($prefix + "|" + .address),
                                   value: ((.expressions // {}) | keys)}))
        + ((.module_calls // {}) | to_entries
           | map(.key as $k | .value.module
                 | configured(if $prefix == "" then $k else $prefix + "." + $k end))
           | add // []);
      {
        terraform_version,
        variables: (.variables // {}),
        planned_values,
        resource_changes: [ .resource_changes[]? | {
          address, module_address, mode, type, name, index,
          actions: .change.actions,
          after_unknown: .change.after_unknown,
          after_sensitive: .change.after_sensitive
        } | with_entries(select(.value != null)) ],
        prior_state: (.prior_state.values // null),
        configured: (.configuration.root_module // {} | configured("") | from_entries)
      }' "$dst/plan.json" >"$src/expected.json"
  if [ "$keep_plan" = "true" ]; then
    jq . "$dst/plan.json" >"$src/plan.json"
  fi
  if [ "$apply" = "true" ]; then
    cp "$dst/terraform.tfstate" "$src/state.json"
    jq . "$dst/state_show.json" >"$src/state_show.json"
  fi
done

# Which top-level attributes the provider schema marks sensitive, for the
# resource types the corpus uses (the golden test needs it to tell schema
# marks from marks the configuration put there).
if [ "${#failed[@]}" -lt "${#cases[@]}" ]; then
  mkdir -p "$work/schema"
  cp "$corpus/01-variables-defaults/providers.tf" "$work/schema/"
  types="$(cat "$corpus"/*/expected.json |
    jq -r '[.. | objects | select(has("type") and has("address")) | .type] | .[]' |
    sort -u | jq -R . | jq -s -c .)"
  if (cd "$work/schema" &&
      "$terraform" init -backend=false -no-color >"$work/schema.init.log" 2>&1 &&
      "$terraform" providers schema -json >schema.json); then
    jq -S --argjson types "$types" '
      def sensitive_attrs: with_entries(select(.key as $k | $types | index($k)))
        | with_entries(.value = [.value.block.attributes // {} | to_entries[]
            | select(.value.sensitive == true) | .key]);
      .provider_schemas["registry.terraform.io/hashicorp/aws"]
      | {resources: (.resource_schemas | sensitive_attrs),
         data_sources: (.data_source_schemas | sensitive_attrs)}' \
      "$work/schema/schema.json" >"$corpus/schema_sensitive.json"
  else
    echo "could not read the provider schema" >&2
  fi
fi

# Regenerate the corpus README from each case's leading comment (main.tf).
{
  cat <<'README'
# Terraform golden corpus

Each directory is one small Terraform configuration (AWS provider 5.100.0,
resources that plan offline with dummy credentials) and `expected.json`, what
`terraform plan` made of it, trimmed from `terraform show -json`:

* `planned_values` (every module level) and `variables`;
* `resource_changes[]`: address, actions, `after_unknown`, `after_sensitive`;
* `prior_state`: data sources terraform read while planning (this is where the
  provider's rendered `aws_iam_policy_document` JSON is);
* `configured`: for each resource block (`<module call path>|<address>`, e.g.
  `site.cert|aws_sqs_queue.q`), the arguments and blocks written in the
  configuration (from the plan's `configuration` section).

`case.json`, when present, holds `var_files`, `vars` (`-var` pairs, in order),
`workspace`, `env` (`TF_VAR_...` pairs), `apply` (also apply and keep
`state.json` / `state_show.json`; only for configurations that apply offline)
and `keep_plan` (also store the untrimmed `plan.json`, used by the
plan loader tests). The golden test (`tests/golden_plan.rs`) passes the same
arguments to `rampart_terraform::evaluate_dir`; `KNOWN_GAPS.txt` lists the cases
the evaluator does not get right yet, with the reason.

Re-record (needs `terraform` and `jq`; the provider comes from the filesystem
mirror at `/opt/tf-plugins`, or `$TF_MIRROR`; nothing is downloaded):

    scripts/record-terraform-fixtures.sh                      # every case
    scripts/record-terraform-fixtures.sh 12-for-expressions   # some cases

Add a case: create `NN-name/` with a `providers.tf` (copy one) and a `main.tf`
whose leading comment says what it covers, record it, commit both. This file is
regenerated by the script from those comments.

## Cases

README
  for d in "$corpus"/*/; do
    d="${d%/}"
    n="$(basename "$d")"
    [ -f "$d/main.tf" ] || continue
    desc="$(tr -d '\r' <"$d/main.tf" | awk '/^#/ { sub(/^# ?/, ""); printf "%s ", $0; next } { exit }' | sed 's/ *$//')"
    extra=""
    if [ -f "$d/case.json" ]; then
      extra=" (case.json: \`$(jq -c . "$d/case.json")\`)"
    fi
    echo "* \`$n\`: $desc$extra"
  done
} >"$corpus/README.md"

if [ "${#failed[@]}" -gt 0 ]; then
  echo "failed cases: ${failed[*]}" >&2
  exit 1
fi
echo "recorded ${#cases[@]} case(s)" >&2
