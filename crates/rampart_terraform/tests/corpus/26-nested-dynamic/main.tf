# Nested dynamic blocks: lifecycle rules each with dynamic transitions, an
# inner iterator referring to the outer one.
variable "rules" {
  default = {
    logs = {
      prefix      = "logs/"
      transitions = [{ days = 30, class = "STANDARD_IA" }, { days = 90, class = "GLACIER" }]
      expire      = 365
    }
    tmp = {
      prefix      = "tmp/"
      transitions = []
      expire      = 7
    }
  }
}

resource "aws_s3_bucket" "b" {
  bucket = "rampart-nested-dynamic"
}

resource "aws_s3_bucket_lifecycle_configuration" "lc" {
  bucket = aws_s3_bucket.b.id

  dynamic "rule" {
    for_each = var.rules
    iterator = r
    content {
      id     = r.key
      status = "Enabled"
      filter {
        prefix = r.value.prefix
      }
      dynamic "transition" {
        for_each = r.value.transitions
        content {
          days          = transition.value.days
          storage_class = transition.value.class
        }
      }
      expiration {
        days = r.value.expire
      }
    }
  }
}
