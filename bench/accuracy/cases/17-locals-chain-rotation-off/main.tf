provider "aws" {
  region = "us-east-1"
}

variable "tier" {
  type    = string
  default = "dev"
}

locals {
  is_prod  = var.tier == "prod"
  security = { rotate = local.is_prod }
  key_cfg  = merge(local.security, { window = 7 })
}

resource "aws_kms_key" "app" {
  description             = "app key"
  deletion_window_in_days = local.key_cfg.window
  enable_key_rotation     = local.key_cfg.rotate
}
