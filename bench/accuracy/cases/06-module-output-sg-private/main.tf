provider "aws" {
  region = "us-east-1"
}

# The module's default is 0.0.0.0/0, but the caller narrows it.
module "net" {
  source      = "./modules/net"
  admin_cidrs = ["10.20.0.0/16"]
}

resource "aws_security_group" "admin" {
  name        = "admin"
  description = "admin access"

  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = module.net.admin_cidrs
  }
}
