variable "bucket" {
  type = string
}
variable "versioning" {
  type    = map(string)
  default = {}
}
variable "server_side_encryption_configuration" {
  type    = any
  default = {}
}
variable "lifecycle_rule" {
  type    = any
  default = []
}
variable "block_public" {
  type    = bool
  default = true
}

resource "aws_s3_bucket" "this" {
  bucket = var.bucket
}

resource "aws_s3_bucket_versioning" "this" {
  count  = length(keys(var.versioning)) > 0 ? 1 : 0
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = try(tobool(var.versioning["enabled"]) ? "Enabled" : "Suspended", tostring(var.versioning["status"]), "Suspended")
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  count  = length(keys(var.server_side_encryption_configuration)) > 0 ? 1 : 0
  bucket = aws_s3_bucket.this.id
  dynamic "rule" {
    for_each = try(flatten([var.server_side_encryption_configuration["rule"]]), [])
    content {
      bucket_key_enabled = try(rule.value.bucket_key_enabled, null)
      dynamic "apply_server_side_encryption_by_default" {
        for_each = try([rule.value.apply_server_side_encryption_by_default], [])
        content {
          sse_algorithm     = apply_server_side_encryption_by_default.value.sse_algorithm
          kms_master_key_id = try(apply_server_side_encryption_by_default.value.kms_master_key_id, null)
        }
      }
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  count  = length(var.lifecycle_rule) > 0 ? 1 : 0
  bucket = aws_s3_bucket.this.id
  dynamic "rule" {
    for_each = var.lifecycle_rule
    content {
      id     = try(rule.value.id, null)
      status = try(rule.value.enabled ? "Enabled" : "Disabled", "Enabled")
      filter {
        prefix = try(rule.value.filter.prefix, null)
      }
      dynamic "transition" {
        for_each = try(rule.value.transition, [])
        content {
          days          = try(transition.value.days, null)
          storage_class = transition.value.storage_class
        }
      }
      dynamic "expiration" {
        for_each = try([rule.value.expiration], [])
        content {
          days = lookup(expiration.value, "days", null)
        }
      }
    }
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  count                   = var.block_public ? 1 : 0
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
