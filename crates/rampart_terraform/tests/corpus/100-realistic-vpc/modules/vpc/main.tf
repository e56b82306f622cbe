variable "create_vpc" {
  type    = bool
  default = true
}
variable "name" {
  type = string
}
variable "cidr" {
  type = string
}
variable "azs" {
  type    = list(string)
  default = []
}
variable "public_subnets" {
  type    = list(string)
  default = []
}
variable "private_subnets" {
  type    = list(string)
  default = []
}
variable "public_subnet_names" {
  type    = list(string)
  default = []
}
variable "public_subnet_suffix" {
  type    = string
  default = "public"
}
variable "single_nat" {
  type    = bool
  default = false
}
variable "tags" {
  type    = map(string)
  default = {}
}
variable "public_subnet_tags" {
  type    = map(string)
  default = {}
}
variable "vpc_tags" {
  type    = map(string)
  default = {}
}

locals {
  len_public  = length(var.public_subnets)
  len_private = length(var.private_subnets)
  max_subnets = max(local.len_public, local.len_private)
  nat_count   = var.single_nat ? 1 : local.max_subnets
  vpc_id      = try(aws_vpc.this[0].id, "")
  create_pub  = var.create_vpc && local.len_public > 0
}

resource "aws_vpc" "this" {
  count                = var.create_vpc ? 1 : 0
  cidr_block           = var.cidr
  enable_dns_hostnames = true
  tags                 = merge({ "Name" = var.name }, var.tags, var.vpc_tags)
}

resource "aws_subnet" "public" {
  count                   = local.create_pub && (!var.single_nat || local.len_public >= length(var.azs)) ? local.len_public : 0
  vpc_id                  = local.vpc_id
  cidr_block              = element(concat(var.public_subnets, [""]), count.index)
  availability_zone       = length(regexall("^[a-z]{2}-", element(var.azs, count.index))) > 0 ? element(var.azs, count.index) : null
  map_public_ip_on_launch = false
  tags = merge(
    {
      Name = try(
        var.public_subnet_names[count.index],
        format("${var.name}-${var.public_subnet_suffix}-%s", element(var.azs, count.index))
      )
    },
    var.tags,
    var.public_subnet_tags,
  )
}

resource "aws_subnet" "private" {
  count             = var.create_vpc && local.len_private > 0 ? local.len_private : 0
  vpc_id            = local.vpc_id
  cidr_block        = var.private_subnets[count.index]
  availability_zone = element(var.azs, count.index)
  tags              = merge({ Name = "${var.name}-private-${element(var.azs, count.index)}" }, var.tags)
}

resource "aws_eip" "nat" {
  count  = var.create_vpc ? local.nat_count : 0
  domain = "vpc"
  tags = merge(
    { Name = format("${var.name}-%s", element(var.azs, var.single_nat ? 0 : count.index)) },
    var.tags,
  )
}

resource "aws_nat_gateway" "this" {
  count         = var.create_vpc ? local.nat_count : 0
  allocation_id = element(aws_eip.nat[*].id, count.index)
  subnet_id     = element(aws_subnet.public[*].id, var.single_nat ? 0 : count.index)
  tags          = merge({ Name = "${var.name}-nat-${count.index}" }, var.tags)
}

output "vpc_id" {
  value = local.vpc_id
}
output "name" {
  value = var.name
}
output "public_cidrs" {
  value = aws_subnet.public[*].cidr_block
}
