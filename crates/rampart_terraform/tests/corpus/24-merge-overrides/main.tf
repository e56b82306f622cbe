# merge() with later maps overriding earlier ones, merge of objects with
# different attribute types, and tags built from several layers.
variable "extra_tags" {
  default = {
    Env   = "override"
    Extra = "yes"
  }
}

locals {
  defaults = {
    Env     = "dev"
    Owner   = "platform"
    Managed = "terraform"
  }
  per_resource = {
    bucket = { Role = "storage", Owner = "data" }
    queue  = { Role = "messaging" }
  }
  merged_obj = merge({ a = 1, b = "two" }, { b = 2, c = true })
}

resource "aws_s3_bucket" "b" {
  bucket = "rampart-merge"
  tags   = merge(local.defaults, local.per_resource.bucket, var.extra_tags)
}

resource "aws_sqs_queue" "q" {
  name = "merge"
  tags = merge(local.defaults, local.per_resource["queue"], {
    Obj = jsonencode(local.merged_obj)
  })
}
