variable "env" {}
variable "tags" {
  type = map(string)
}

module "storage" {
  source = "../storage"
  name   = "app-${var.env}"
  tags   = merge(var.tags, { Layer = "app" })
}

output "bucket_name" {
  value = module.storage.bucket_name
}
