# for_each on module calls (module.x["key"]), each.value objects as inputs,
# a nested module with its own count inside a for_each module.
module "site" {
  for_each = {
    blog = { replicas = 1 }
    shop = { replicas = 2 }
  }
  source   = "./modules/site"
  name     = each.key
  replicas = each.value.replicas
}

resource "aws_sns_topic" "t" {
  name = "sites"
  tags = { for k, m in module.site : k => m.bucket }
}
