# Functions added in recent terraform versions: templatestring (1.9),
# issensitive (1.8), strcontains/startswith/endswith, plus type(),
# coalesce type unification and conditional unification of empty lists.
variable "pw" {
  default   = "x"
  sensitive = true
}

locals {
  tmpl = "Hello, $${name}! You have $${n} items."
  out = {
    templatestring = templatestring(local.tmpl, { name = "Ann", n = 3 })
    issensitive    = issensitive(var.pw)
    notsensitive   = issensitive("plain")
    endswith       = endswith("main.tf", ".tf")
    coalesce_mixed = coalesce(1, "2")
    cond_lists     = jsonencode(true ? [] : ["a"])
    cond_objs      = jsonencode(false ? { a = 1 } : { a = 2 })
  }
}

resource "aws_sns_topic" "t" {
  name = "newer-functions"
  tags = { for k, v in local.out : k => tostring(v) }
}
