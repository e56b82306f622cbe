# Deep structures in locals: nested maps of lists of objects, lookups with
# index and attribute chains, maps keyed by interpolation, values(), keys()
# ordering, lists of maps merged.
locals {
  envs = {
    prod = {
      regions = ["us-east-1", "eu-west-1"]
      sizes   = { web = "m5.large", db = "r5.xlarge" }
      flags   = [{ name = "a", on = true }, { name = "b", on = false }]
    }
    dev = {
      regions = ["us-east-1"]
      sizes   = { web = "t3.micro", db = "t3.small" }
      flags   = [{ name = "a", on = false }]
    }
  }
  by_region = { for env, cfg in local.envs : "${env}-${cfg.regions[0]}" => cfg.sizes.web }
  enabled   = { for env, cfg in local.envs : env => [for f in cfg.flags : f.name if f.on] }
  all_sizes = distinct(flatten([for cfg in values(local.envs) : values(cfg.sizes)]))
}

resource "aws_instance" "web" {
  for_each      = local.envs
  ami           = "ami-0123456789abcdef0"
  instance_type = each.value.sizes.web
  tags = {
    Regions = join(",", each.value.regions)
    Enabled = join(",", local.enabled[each.key])
    Key     = [for k, v in local.by_region : k if v == each.value.sizes.web][0]
    All     = join(",", local.all_sizes)
    Second  = try(each.value.regions[1], "none")
  }
}
