variable "name" {}
variable "tags" {
  type = map(string)
}

module "bucket" {
  source = "../bucket"
  bucket = "rampart-${var.name}"
  tags   = merge(var.tags, { Layer = "storage" })
}

resource "aws_s3_bucket_versioning" "v" {
  bucket = module.bucket.id
  versioning_configuration {
    status = "Enabled"
  }
}

output "bucket_name" {
  value = module.bucket.name
}
