# Null and conversion edges: tostring(null), can() on attributes of null,
# try() over a null object, object with a null attribute passed through
# merge, conditional with null on one side, a null map value dropped by
# compact-like for expressions, length of null-filtered lists.
variable "obj" {
  type = object({
    name = string
    opt  = optional(string)
  })
  default = { name = "n" }
}
variable "nothing" {
  type    = object({ a = string })
  default = null
}

locals {
  out = {
    tostring_null = tostring(null) == null
    can_null_attr = can(var.nothing.a)
    try_null      = try(var.nothing.a, "fallback")
    merged        = jsonencode(merge(var.obj, { extra = null }))
    cond_null     = jsonencode(true ? null : "x")
    filtered      = jsonencode({ for k, v in { a = "1", b = null, c = "3" } : k => v if v != null })
    count_nonnull = length([for v in [1, null, 3] : v if v != null])
    opt_is_null   = var.obj.opt == null
  }
}

resource "aws_sns_topic" "t" {
  name = "null-edge"
  tags = { for k, v in local.out : k => tostring(v) }
}
