# A for_each module containing a counted module, outputs collected back up
# as maps and lists, instance keys used in names at every level.
module "outer" {
  for_each = { east = 2, west = 1 }
  source   = "./modules/outer"
  region   = each.key
  n        = each.value
}

resource "aws_sns_topic" "t" {
  name = "mixed"
  tags = {
    East = join(",", module.outer["east"].names)
    All  = join(";", flatten([for k, m in module.outer : m.names]))
  }
}
