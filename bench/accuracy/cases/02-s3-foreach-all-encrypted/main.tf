provider "aws" {
  region = "us-east-1"
}

locals {
  # "kms = false" is only the default; every bucket overrides it.
  defaults = { kms = false }
  buckets = {
    assets = merge(local.defaults, { kms = true })
    logs   = merge(local.defaults, { kms = true })
  }
}

resource "aws_kms_key" "s3" {
  description         = "bucket key"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "b" {
  for_each = local.buckets
  bucket   = "trap-${each.key}"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "b" {
  for_each = { for k, v in local.buckets : k => v if v.kms }
  bucket   = aws_s3_bucket.b[each.key].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
  }
}
