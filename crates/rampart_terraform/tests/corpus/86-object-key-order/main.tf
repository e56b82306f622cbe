# Ordering: for over a map iterates keys in lexical order (uppercase first),
# numeric-looking keys sort as strings, keys() and values() agree, jsonencode
# sorts object keys.
locals {
  m = {
    b  = 1
    A  = 2
    a  = 3
    "10" = 4
    "9"  = 5
    _x = 6
  }
}

resource "aws_sns_topic" "t" {
  name = "key-order"
  tags = {
    Keys   = join(",", keys(local.m))
    Values = join(",", values(local.m))
    For    = join(",", [for k, v in local.m : "${k}:${v}"])
    Json   = jsonencode(local.m)
  }
}
