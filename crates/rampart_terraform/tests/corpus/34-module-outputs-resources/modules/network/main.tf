variable "cidr" {}

locals {
  private = [for i in range(2) : cidrsubnet(var.cidr, 8, i)]
}

resource "aws_vpc" "this" {
  cidr_block = var.cidr
}

resource "aws_subnet" "private" {
  count      = length(local.private)
  vpc_id     = aws_vpc.this.id
  cidr_block = local.private[count.index]
}

output "vpc_id" {
  value = aws_vpc.this.id
}
output "subnet_ids" {
  value = aws_subnet.private[*].id
}
output "private_cidrs" {
  value = local.private
}
output "settings" {
  value = { size = "t3.large" }
}
