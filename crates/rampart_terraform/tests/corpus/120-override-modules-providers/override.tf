module "app" {
  source = "./modules/b"
  name   = "overridden"
  count  = 2
}

provider "aws" {
  region = "us-east-1"
}

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}
