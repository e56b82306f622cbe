# Network functions: cidrsubnet, cidrsubnets, cidrhost, cidrnetmask on IPv4
# and IPv6 prefixes.
locals {
  base = "10.0.0.0/16"
  out = {
    subnet0   = cidrsubnet(local.base, 8, 0)
    subnet255 = cidrsubnet(local.base, 8, 255)
    subnets   = join(",", cidrsubnets(local.base, 4, 4, 8, 4))
    host5     = cidrhost(local.base, 5)
    hostneg   = cidrhost("10.1.2.0/24", -2)
    netmask   = cidrnetmask("172.16.0.0/12")
    v6        = cidrsubnet("fd00:fd12:3456:7890::/56", 8, 3)
    v6host    = cidrhost("fd00:fd12:3456:7890::/64", 16)
  }
}

resource "aws_vpc" "v" {
  cidr_block = local.base
  tags       = local.out
}

resource "aws_subnet" "s" {
  for_each   = { for i, c in cidrsubnets(local.base, 8, 8) : i => c }
  vpc_id     = aws_vpc.v.id
  cidr_block = each.value
}
