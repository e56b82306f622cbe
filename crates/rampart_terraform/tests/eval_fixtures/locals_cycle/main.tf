locals {
  a  = local.b
  b  = local.a
  ok = "fine"
}

resource "aws_s3_bucket" "x" {
  bucket = local.a
  acl    = local.ok
}
