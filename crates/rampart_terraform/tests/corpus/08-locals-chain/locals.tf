locals {
  prefix    = lower(local.org)
  org       = "ACME"
  env       = local.envs[local.env_index]
  envs      = ["dev", "stage", "prod"]
  env_index = length(local.envs) - 1
  suffix    = substr(md5(local.org), 0, 6)
  base_tags = {
    Org = local.org
    Env = local.env
  }
}
