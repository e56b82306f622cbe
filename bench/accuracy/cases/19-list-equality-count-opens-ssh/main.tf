provider "aws" {
  region = "us-east-1"
}

variable "ssh_cidrs" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "app tier"
}

# Meant: no SSH rule unless CIDRs are given. But a list(string) variable is
# never equal to the tuple [], so count is 1 and the fallback opens SSH to
# the world.
resource "aws_security_group_rule" "ssh" {
  count             = var.ssh_cidrs == [] ? 0 : 1
  type              = "ingress"
  description       = "ssh"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = length(var.ssh_cidrs) > 0 ? var.ssh_cidrs : ["0.0.0.0/0"]
  security_group_id = aws_security_group.app.id
}
