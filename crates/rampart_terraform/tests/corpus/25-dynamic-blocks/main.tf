# dynamic blocks: default iterator name, a custom iterator, for_each over a
# list and over a map, an empty for_each, and a static block next to them.
variable "ingress" {
  default = [
    { port = 443, cidrs = ["0.0.0.0/0"], desc = "https" },
    { port = 22, cidrs = ["10.0.0.0/8", "192.168.0.0/16"], desc = "ssh" },
  ]
}
variable "egress" {
  default = {
    all = { port = 0, proto = "-1" }
  }
}

resource "aws_security_group" "sg" {
  name        = "dynamic"
  description = "dynamic blocks"

  dynamic "ingress" {
    for_each = var.ingress
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
      description = "${ingress.key}:${ingress.value.desc}"
    }
  }

  ingress {
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["10.1.0.0/16"]
    description = "static"
  }

  dynamic "egress" {
    for_each = var.egress
    iterator = rule
    content {
      from_port   = rule.value.port
      to_port     = rule.value.port
      protocol    = rule.value.proto
      cidr_blocks = ["0.0.0.0/0"]
      description = rule.key
    }
  }
}

resource "aws_security_group" "empty" {
  name        = "dynamic-empty"
  description = "no rules"
  dynamic "ingress" {
    for_each = []
    content {
      from_port   = 1
      to_port     = 1
      protocol    = "tcp"
      cidr_blocks = []
    }
  }
}
