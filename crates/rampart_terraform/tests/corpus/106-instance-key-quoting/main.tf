# for_each instance keys that need escaping in addresses: a double quote, a
# backslash, non-ASCII, spaces, template sequences ${ and %{, and a module
# instance key with the same characters.
locals {
  keys = toset(["a\"b", "back\\slash", "uni-é", "with space", "$${dollar}", "%%{pct}", "tab\tkey"])
}

resource "aws_sqs_queue" "q" {
  for_each = local.keys
  name     = "key-${md5(each.key)}"
  tags     = { Key = each.key }
}

module "m" {
  for_each = toset(["q\"uote", "p$${x}"])
  source   = "./modules/m"
  label    = each.key
}
