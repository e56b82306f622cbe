terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}

provider "aws" {
  region = var.region
}

locals {
  name_prefix = "${var.project}-${var.environment}"
  common_tags = merge(var.extra_tags, {
    Project     = var.project
    Environment = var.environment
  })

  # One bucket per data set; the "public" one serves the static site.
  buckets = {
    assets  = { versioned = true, kms = true }
    uploads = { versioned = true, kms = false }
    site    = { versioned = false, kms = false }
  }
}

resource "aws_kms_key" "data" {
  description             = "${local.name_prefix} data key"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  tags                    = local.common_tags
}

module "bucket" {
  source   = "./modules/bucket"
  for_each = local.buckets

  name       = "${local.name_prefix}-${each.key}"
  versioned  = each.value.versioned
  kms_key_id = each.value.kms ? aws_kms_key.data.arn : null
  tags       = local.common_tags
}

resource "aws_db_instance" "main" {
  identifier              = "${local.name_prefix}-db"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = var.db_instance_class
  allocated_storage       = 50
  username                = "app"
  password                = var.db_password
  storage_encrypted       = var.environment == "prod"
  publicly_accessible     = false
  backup_retention_period = 7
  deletion_protection     = true
  multi_az                = var.environment == "prod"
  skip_final_snapshot     = false
  tags                    = local.common_tags
}

# rampart:ignore RMP-AWS-EBS-001 scratch volume holds only re-creatable build caches expires=2027-06-30 owner=platform-team
resource "aws_ebs_volume" "scratch" {
  availability_zone = "${var.region}a"
  size              = 100
  tags              = local.common_tags
}
