# Module outputs feeding root resources: known values (cidrs computed in the
# module) and unknown ones (ids), a list output indexed, a map output.
module "net" {
  source = "./modules/network"
  cidr   = "10.20.0.0/16"
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "app sg"
  vpc_id      = module.net.vpc_id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = module.net.private_cidrs
  }
}

resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = module.net.settings["size"]
  subnet_id     = module.net.subnet_ids[0]
  tags = {
    FirstCidr = module.net.private_cidrs[0]
  }
}
