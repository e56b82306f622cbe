variable "vpc_id" {}

resource "aws_subnet" "s" {
  count  = 2
  vpc_id = var.vpc_id
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}
