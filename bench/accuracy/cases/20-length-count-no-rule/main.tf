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

# No SSH rule unless CIDRs are given: with none, count is 0 and the rule
# (whose fallback would open SSH to the world) does not exist.
resource "aws_security_group_rule" "ssh" {
  count             = length(var.ssh_cidrs) == 0 ? 0 : 1
  type              = "ingress"
  description       = "ssh"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = length(var.ssh_cidrs) > 0 ? var.ssh_cidrs : ["0.0.0.0/0"]
  security_group_id = aws_security_group.app.id
}
