# terraform.workspace selects settings (case.json selects workspace "staging").
locals {
  sizes = {
    default = "t3.micro"
    staging = "t3.small"
    prod    = "m5.large"
  }
}

resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = local.sizes[terraform.workspace]
  tags = {
    Workspace = terraform.workspace
    IsProd    = terraform.workspace == "prod"
  }
}
