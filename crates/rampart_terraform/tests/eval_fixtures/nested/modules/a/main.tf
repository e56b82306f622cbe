variable "name" {}

module "b" {
  source   = "../b"
  for_each = { k1 = "one", k2 = "two" }
  name     = "${var.name}-${each.key}-${each.value}"
}

output "names" {
  value = { for k, m in module.b : k => m.bucket }
}

output "ids" {
  value = [for m in values(module.b) : m.id]
}
