# Object type constraints with optional() attributes, defaults, nested
# optional objects and lists of objects; attributes not given become null.
variable "buckets" {
  type = map(object({
    versioning = optional(bool, true)
    prefix     = optional(string)
    retention  = optional(number, 30)
    tags       = optional(map(string), {})
    logging = optional(object({
      target = string
      prefix = optional(string, "logs/")
    }))
  }))
  default = {
    alpha = {}
    beta = {
      versioning = false
      prefix     = "b"
      tags       = { Tier = "gold" }
      logging    = { target = "log-bucket" }
    }
  }
}

resource "aws_s3_bucket" "b" {
  for_each = var.buckets
  bucket   = "rampart-opt-${each.key}"
  tags = merge(each.value.tags, {
    Versioning = tostring(each.value.versioning)
    Prefix     = coalesce(each.value.prefix, "none")
    Retention  = each.value.retention
    LogPrefix  = try(each.value.logging.prefix, "nolog")
    HasLogging = each.value.logging != null
  })
}
