# Logic and type functions: alltrue, anytrue, one, sum, coalesce, try, can,
# tobool/tonumber/tostring/tolist/toset/tomap, type conversion errors caught
# by try/can, nullable values.
variable "maybe" {
  default = null
}

locals {
  obj = { a = { b = "deep" } }
  out = {
    alltrue   = alltrue([true, 1 == 1])
    alltrue0  = alltrue([])
    anytrue   = anytrue([false, "true"])
    one       = one(["only"])
    one_empty = one([]) == null
    sum       = sum([1, 2, 3.5])
    coalesce  = coalesce(var.maybe, "", "fallback")
    try_ok    = try(local.obj.a.b, "none")
    try_fail  = try(local.obj.x.y, "none")
    can_ok    = can(regex("^a", "abc"))
    can_fail  = can(regex("^z", "abc"))
    tobool    = tobool("true")
    tonumber  = tonumber("42") + 1
    tostring  = tostring(5)
    tolist    = tolist(toset(["b", "a"]))
    tomap     = tomap({ k = "v" })
    bad_num   = try(tonumber("abc"), -1)
    nulltest  = var.maybe == null
  }
}

resource "aws_sns_topic" "t" {
  name = "logic"
  tags = { for k, v in local.out : k => jsonencode(v) }
}
