# terraform.tfvars overrides variable defaults (strings, numbers, maps, lists).
variable "bucket" {
  default = "rampart-default-bucket"
}
variable "force" {
  type    = bool
  default = false
}
variable "tags" {
  type    = map(string)
  default = { Env = "dev" }
}
variable "names" {
  type    = list(string)
  default = []
}

resource "aws_s3_bucket" "b" {
  bucket        = var.bucket
  force_destroy = var.force
  tags          = merge(var.tags, { Count = length(var.names) })
}

resource "aws_sqs_queue" "named" {
  count = length(var.names)
  name  = var.names[count.index]
}
