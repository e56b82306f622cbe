provider "aws" {
  region = "us-east-1"
}

locals {
  # The open SSH rule is disabled and filtered out before it reaches the block.
  rules = [
    { port = 443, cidrs = ["10.0.0.0/8"], enabled = true },
    { port = 22, cidrs = ["0.0.0.0/0"], enabled = false },
  ]
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "web tier"

  dynamic "ingress" {
    for_each = [for r in local.rules : r if r.enabled]
    content {
      description = "port ${ingress.value.port}"
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }
}
