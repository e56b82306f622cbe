provider "aws" {
  region = "us-east-1"
}

locals {
  envs = {
    prod = { tokens = "required", apps = ["api", "web"] }
    dev  = { tokens = "optional", apps = ["api"] }
  }
  hosts = flatten([
    for env, cfg in local.envs : [
      for app in cfg.apps : { key = "${env}-${app}", tokens = cfg.tokens }
    ]
  ])
}

resource "aws_instance" "host" {
  for_each      = { for h in local.hosts : h.key => h }
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = each.value.tokens
  }

  root_block_device {
    encrypted = true
  }
}
