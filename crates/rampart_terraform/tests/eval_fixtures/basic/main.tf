terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "names" {
  type    = set(string)
  default = ["a", "b"]
}

variable "secret" {
  type      = string
  default   = "hunter2"
  sensitive = true
}

variable "required_thing" {
  type = string
}

locals {
  prefix = "${var.region}-app"
  tags   = { Env = "prod", Name = local.prefix }
}

resource "aws_s3_bucket" "logs" {
  bucket = "${local.prefix}-logs"
  tags   = local.tags
}

resource "aws_s3_bucket" "per_name" {
  for_each = var.names
  bucket   = "${local.prefix}-${each.key}"
}

resource "aws_s3_bucket" "counted" {
  count  = 2
  bucket = "counted-${count.index}"
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "x" {
  bucket        = aws_s3_bucket.counted[1].bucket
  target_bucket = aws_s3_bucket.per_name["a"].bucket
  target_prefix = var.secret
}

resource "aws_security_group" "sg" {
  name = "sg"
  dynamic "ingress" {
    for_each = [22, 443]
    iterator = port
    content {
      from_port   = port.value
      to_port     = port.value
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
  lifecycle {
    create_before_destroy = true
  }
}

module "b" {
  source = "./modules/bucket"
  name   = "mod-${var.region}"
}

module "many" {
  source   = "./modules/bucket"
  for_each = toset(["x", "y"])
  name     = "many-${each.key}"
}

resource "aws_s3_bucket_policy" "p" {
  bucket = module.b.bucket_name
  policy = module.many["x"].bucket_id
}

output "names" {
  value = module.many[*]
}
