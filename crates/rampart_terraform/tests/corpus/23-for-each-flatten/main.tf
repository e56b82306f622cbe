# The flatten() pattern: a nested structure turned into a flat list of
# objects, then into a map keyed by a composite key for for_each.
variable "networks" {
  default = {
    app = {
      cidr    = "10.1.0.0/16"
      subnets = { a = 0, b = 1 }
    }
    data = {
      cidr    = "10.2.0.0/16"
      subnets = { a = 0, c = 2 }
    }
  }
}

locals {
  subnet_list = flatten([
    for net_name, net in var.networks : [
      for sub_name, idx in net.subnets : {
        key  = "${net_name}.${sub_name}"
        net  = net_name
        cidr = cidrsubnet(net.cidr, 8, idx)
        az   = "us-east-1${sub_name}"
      }
    ]
  ])
  subnets = { for s in local.subnet_list : s.key => s }
}

resource "aws_vpc" "v" {
  for_each   = var.networks
  cidr_block = each.value.cidr
}

resource "aws_subnet" "s" {
  for_each          = local.subnets
  vpc_id            = aws_vpc.v[each.value.net].id
  cidr_block        = each.value.cidr
  availability_zone = each.value.az
  tags = {
    Name = each.key
  }
}
