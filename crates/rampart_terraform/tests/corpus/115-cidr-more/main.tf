# More network functions: IPv6 cidrsubnets, cidrhost with large host numbers,
# a /32 and a /0, cidrsubnet with newbits 0, netmask of small prefixes.
locals {
  out = {
    v6_subnets = join(",", cidrsubnets("2600:1f18:abcd:1200::/56", 8, 8, 4))
    big_host   = cidrhost("10.0.0.0/8", 16777214)
    single     = cidrhost("192.168.1.7/32", 0)
    all        = cidrsubnet("0.0.0.0/0", 8, 10)
    same       = cidrsubnet("10.1.0.0/16", 0, 0)
    mask1      = cidrnetmask("128.0.0.0/1")
    mask31     = cidrnetmask("10.0.0.0/31")
    v6_host    = cidrhost("2600:1f18::/32", 65536)
  }
}

resource "aws_sns_topic" "t" {
  name = "cidr-more"
  tags = local.out
}
