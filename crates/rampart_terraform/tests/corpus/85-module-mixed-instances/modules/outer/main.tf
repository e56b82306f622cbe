variable "region" {}
variable "n" {
  type = number
}

module "inner" {
  count  = var.n
  source = "../inner"
  name   = "${var.region}-${count.index}"
}

output "names" {
  value = module.inner[*].name
}
