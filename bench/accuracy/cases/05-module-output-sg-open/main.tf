provider "aws" {
  region = "us-east-1"
}

module "net" {
  source      = "./modules/net"
  admin_cidrs = ["0.0.0.0/0"]
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
