provider "aws" {
  region = "us-east-1"
}

locals {
  rules = [
    { port = 443, cidrs = ["10.0.0.0/8"] },
    { port = 22, cidrs = ["0.0.0.0/0"] },
  ]
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "web tier"

  dynamic "ingress" {
    for_each = local.rules
    content {
      description = "port ${ingress.value.port}"
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }
}
