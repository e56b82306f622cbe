#!/usr/bin/env bash
# Re-records examples/plan/network.plan.json: the plan that real `terraform plan`
# makes for examples/terraform/network, as `terraform show -json` prints it.
# Needs terraform and the AWS provider in a local filesystem mirror (offline);
# the scan and the tests only read the recorded file.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
mirror="${TF_PLUGIN_MIRROR:-/opt/tf-plugins}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$here/examples/terraform/network/." "$work/"
cat > "$work/provider_override.tf" <<'TF'
provider "aws" {
  region                      = "us-east-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}
TF
cat > "$work/.terraformrc" <<TF
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/*/*"]
  }
  direct {
    exclude = ["registry.terraform.io/*/*"]
  }
}
TF
export TF_CLI_CONFIG_FILE="$work/.terraformrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
# Dummy credentials: nothing is sent anywhere (offline plan, validation skipped).
export AWS_ACCESS_KEY_ID=dummy AWS_SECRET_ACCESS_KEY=dummy
(cd "$work" && terraform init -backend=false -input=false >/dev/null \
  && terraform plan -refresh=false -input=false -out plan.bin >/dev/null \
  && terraform show -json plan.bin) | python3 -m json.tool --indent 1 > "$here/examples/plan/network.plan.json"
echo "wrote examples/plan/network.plan.json"
