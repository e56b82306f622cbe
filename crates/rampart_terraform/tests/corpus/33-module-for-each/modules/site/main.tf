variable "name" {}
variable "replicas" {
  type = number
}

resource "aws_s3_bucket" "site" {
  bucket = "rampart-site-${var.name}"
}

module "cert" {
  count  = var.replicas
  source = "./modules/cert"
  label  = "${var.name}-${count.index}"
}

output "bucket" {
  value = aws_s3_bucket.site.bucket
}
