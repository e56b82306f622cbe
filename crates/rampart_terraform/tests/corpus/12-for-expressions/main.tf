# for expressions: list results, object results, filtering with if, grouping
# with ..., iterating maps (key, value) and lists (index, value) and sets.
locals {
  users = {
    alice = { team = "red", admin = true }
    bob   = { team = "blue", admin = false }
    carol = { team = "red", admin = false }
  }
  names       = [for n, u in local.users : upper(n)]
  admins      = [for n, u in local.users : n if u.admin]
  by_team     = { for n, u in local.users : u.team => n... }
  indexed     = { for i, v in ["x", "y", "z"] : v => i }
  from_set    = [for s in toset(["b", "a"]) : "${s}!"]
  nested      = [for t, ns in { for n, u in local.users : u.team => n... } : "${t}:${join("+", ns)}"]
  doubled     = [for x in [1, 2, 3] : x * 2 if x != 2]
  keys_only   = [for k, _ in local.users : k]
}

resource "aws_sqs_queue" "q" {
  name = "for-exprs"
  tags = {
    names   = join(",", local.names)
    admins  = join(",", local.admins)
    red     = join(",", local.by_team["red"])
    blue    = join(",", local.by_team["blue"])
    indexed = jsonencode(local.indexed)
    set     = join(",", local.from_set)
    nested  = join(";", local.nested)
    doubled = jsonencode(local.doubled)
    keys    = join(",", local.keys_only)
  }
}
