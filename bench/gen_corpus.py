#!/usr/bin/env python3
"""Generate synthetic Terraform inputs for the rampart benchmarks.

Two modes, both deterministic for a given seed:

  gen_corpus.py [N] OUTDIR [--seed S]
      A tree of exactly N .tf files (default 2000) shaped like a mid-sized AWS
      monorepo: teams, each with a set of local modules and a number of root
      stacks that call them.  Content mixes the constructs that make static
      scanning hard: split v4 S3 resources, dynamic ingress blocks, count,
      for_each over maps and over flatten()ed lists, module calls with
      for_each, jsonencode'd IAM policies, locals chains, merge() of tags.
      A fraction of the resources are deliberately misconfigured.

  gen_corpus.py --instances K --files F OUTDIR [--seed S]
      ONE root module of F files that expands to exactly K managed resource
      instances (count / for_each / dynamic blocks), for the evaluator curve.

Standard library only.
"""
import argparse
import os
import random
import shutil
import sys

PROVIDER = '''terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = {
      ManagedBy = "terraform"
      Stack     = "%(stack)s"
    }
  }
}
'''

# --------------------------------------------------------------------------
# Local modules (one set per team)
# --------------------------------------------------------------------------

MOD_S3_MAIN = '''resource "aws_s3_bucket" "this" {
  bucket        = var.name
  force_destroy = var.force_destroy
  tags          = merge(var.tags, { Module = "s3_bucket" })
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = var.versioned ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  count  = var.encrypted ? 1 : 0
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.kms_key_arn == null ? "AES256" : "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
    bucket_key_enabled = var.kms_key_arn != null
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = !var.public
  block_public_policy     = !var.public
  ignore_public_acls      = !var.public
  restrict_public_buckets = !var.public
}

resource "aws_s3_bucket_logging" "this" {
  count         = var.log_bucket == null ? 0 : 1
  bucket        = aws_s3_bucket.this.id
  target_bucket = var.log_bucket
  target_prefix = "s3/${var.name}/"
}
'''

MOD_S3_VARS = '''variable "name" {
  type = string
}

variable "versioned" {
  type    = bool
  default = true
}

variable "encrypted" {
  type    = bool
  default = true
}

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "public" {
  type    = bool
  default = false
}

variable "force_destroy" {
  type    = bool
  default = false
}

variable "log_bucket" {
  type    = string
  default = null
}

variable "tags" {
  type    = map(string)
  default = {}
}
'''

MOD_S3_OUT = '''output "id" {
  value = aws_s3_bucket.this.id
}

output "arn" {
  value = aws_s3_bucket.this.arn
}
'''

MOD_SG_MAIN = '''resource "aws_security_group" "this" {
  name        = var.name
  description = "Managed by the sg module for ${var.name}"
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = var.ingress
    content {
      description = ingress.value.description
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }

  egress {
    description = "all outbound"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = var.tags
}
'''

MOD_SG_VARS = '''variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "ingress" {
  type = list(object({
    description = string
    port        = number
    cidrs       = list(string)
  }))
  default = []
}

variable "tags" {
  type    = map(string)
  default = {}
}
'''

MOD_SG_OUT = '''output "id" {
  value = aws_security_group.this.id
}
'''

MOD_RDS_MAIN = '''resource "aws_db_subnet_group" "this" {
  name       = "${var.name}-subnets"
  subnet_ids = var.subnet_ids
}

resource "aws_db_instance" "this" {
  identifier                          = var.name
  engine                              = var.engine
  engine_version                      = var.engine_version
  instance_class                      = var.instance_class
  allocated_storage                   = var.storage_gb
  db_subnet_group_name                = aws_db_subnet_group.this.name
  username                            = "admin_${replace(var.name, "-", "_")}"
  manage_master_user_password         = true
  storage_encrypted                   = var.encrypted
  kms_key_id                          = var.encrypted ? var.kms_key_arn : null
  publicly_accessible                 = false
  multi_az                            = var.multi_az
  backup_retention_period             = var.multi_az ? 14 : 1
  deletion_protection                 = var.multi_az
  iam_database_authentication_enabled = true
  skip_final_snapshot                 = !var.multi_az
  tags                                = var.tags
}
'''

MOD_RDS_VARS = '''variable "name" {
  type = string
}

variable "engine" {
  type    = string
  default = "postgres"
}

variable "engine_version" {
  type    = string
  default = "16.3"
}

variable "instance_class" {
  type    = string
  default = "db.t3.medium"
}

variable "storage_gb" {
  type    = number
  default = 50
}

variable "subnet_ids" {
  type = list(string)
}

variable "encrypted" {
  type    = bool
  default = true
}

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "multi_az" {
  type    = bool
  default = false
}

variable "tags" {
  type    = map(string)
  default = {}
}
'''

MOD_RDS_OUT = '''output "endpoint" {
  value = aws_db_instance.this.endpoint
}
'''

MOD_ROLE_MAIN = '''resource "aws_iam_role" "this" {
  name = var.name
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = var.service }
    }]
  })
  tags = var.tags
}

resource "aws_iam_role_policy" "this" {
  name = "${var.name}-inline"
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [for s in var.statements : {
      Sid      = s.sid
      Effect   = "Allow"
      Action   = s.actions
      Resource = s.resources
    }]
  })
}
'''

MOD_ROLE_VARS = '''variable "name" {
  type = string
}

variable "service" {
  type    = string
  default = "ec2.amazonaws.com"
}

variable "statements" {
  type = list(object({
    sid       = string
    actions   = list(string)
    resources = list(string)
  }))
}

variable "tags" {
  type    = map(string)
  default = {}
}
'''

MOD_ROLE_OUT = '''output "arn" {
  value = aws_iam_role.this.arn
}

output "name" {
  value = aws_iam_role.this.name
}
'''

MODULES = {
    "s3_bucket": (MOD_S3_MAIN, MOD_S3_VARS, MOD_S3_OUT),
    "security_group": (MOD_SG_MAIN, MOD_SG_VARS, MOD_SG_OUT),
    "rds": (MOD_RDS_MAIN, MOD_RDS_VARS, MOD_RDS_OUT),
    "iam_role": (MOD_ROLE_MAIN, MOD_ROLE_VARS, MOD_ROLE_OUT),
}
MODULE_FILES = 3 * len(MODULES)

# --------------------------------------------------------------------------
# Root stack files
# --------------------------------------------------------------------------


def stack_variables(rng, stack):
    env = rng.choice(["dev", "staging", "prod"])
    return f'''variable "region" {{
  type    = string
  default = "{rng.choice(["us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2"])}"
}}

variable "environment" {{
  type    = string
  default = "{env}"
}}

variable "project" {{
  type    = string
  default = "{stack}"
}}

variable "admin_cidrs" {{
  type    = list(string)
  default = {hcl_list(rng.choice([["10.0.0.0/8"], ["10.0.0.0/8", "192.168.10.0/24"], ["0.0.0.0/0"]]))}
}}

variable "instance_count" {{
  type    = number
  default = {rng.randint(1, 4)}
}}

variable "extra_tags" {{
  type    = map(string)
  default = {{
    CostCenter = "cc-{rng.randint(1000, 9999)}"
  }}
}}
'''


def hcl_list(items):
    return "[" + ", ".join(f'"{i}"' for i in items) + "]"


def stack_locals(rng, stack):
    nb = rng.randint(2, 5)
    buckets = []
    for i in range(nb):
        name = rng.choice(["logs", "assets", "uploads", "backups", "reports", "exports", "media", "artifacts"]) + str(i)
        kms = rng.random() < 0.5
        enc = "true" if (kms or rng.random() < 0.8) else "false"
        buckets.append(f'    {name} = {{ versioned = {str(rng.random() < 0.7).lower()}, encrypted = {enc}, kms = {str(kms).lower()} }}')
    tiers = rng.sample(["web", "app", "worker", "batch", "cache"], 2)
    return f'''locals {{
  name_prefix = "${{var.project}}-${{var.environment}}"
  is_prod     = var.environment == "prod"
  common_tags = merge(var.extra_tags, {{
    Project     = var.project
    Environment = var.environment
  }})

  buckets = {{
{chr(10).join(buckets)}
  }}

  tiers = {hcl_list(tiers)}
  azs   = ["${{var.region}}a", "${{var.region}}b"]

  tier_subnets = flatten([
    for t in local.tiers : [
      for idx, az in local.azs : {{
        key  = "${{t}}-${{az}}"
        tier = t
        az   = az
        cidr = cidrsubnet("10.{rng.randint(0, 250)}.0.0/16", 8, index(local.tiers, t) * 10 + idx)
      }}
    ]
  ])

  ingress_rules = concat(
    [for p in [80, 443] : {{ description = "web ${{p}}", port = p, cidrs = ["0.0.0.0/0"] }}],
    [{{ description = "ssh", port = 22, cidrs = var.admin_cidrs }}],
  )
}}
'''


def stack_s3(rng, stack):
    return '''resource "aws_kms_key" "s3" {
  description             = "${local.name_prefix} bucket key"
  deletion_window_in_days = 30
  enable_key_rotation     = local.is_prod
  tags                    = local.common_tags
}

resource "aws_s3_bucket" "data" {
  for_each = local.buckets
  bucket   = "${local.name_prefix}-${each.key}"
  tags     = merge(local.common_tags, { Name = each.key })
}

resource "aws_s3_bucket_versioning" "data" {
  for_each = { for k, v in local.buckets : k => v if v.versioned }
  bucket   = aws_s3_bucket.data[each.key].id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  for_each = { for k, v in local.buckets : k => v if v.encrypted }
  bucket   = aws_s3_bucket.data[each.key].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = each.value.kms ? "aws:kms" : "AES256"
      kms_master_key_id = each.value.kms ? aws_kms_key.s3.arn : null
    }
  }
}

resource "aws_s3_bucket_public_access_block" "data" {
  for_each                = aws_s3_bucket.data
  bucket                  = each.value.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
'''


def stack_network(rng, stack):
    return '''resource "aws_vpc" "main" {
  cidr_block           = cidrsubnet("10.0.0.0/8", 8, 1)
  enable_dns_hostnames = true
  tags                 = merge(local.common_tags, { Name = local.name_prefix })
}

resource "aws_subnet" "tier" {
  for_each          = { for s in local.tier_subnets : s.key => s }
  vpc_id            = aws_vpc.main.id
  cidr_block        = each.value.cidr
  availability_zone = each.value.az
  tags              = merge(local.common_tags, { Tier = each.value.tier })
}

resource "aws_security_group" "edge" {
  name        = "${local.name_prefix}-edge"
  description = "Edge traffic for ${local.name_prefix}"
  vpc_id      = aws_vpc.main.id

  dynamic "ingress" {
    for_each = local.ingress_rules
    content {
      description = ingress.value.description
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }

  egress {
    description = "all outbound"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::central-flow-logs"
}
'''


def stack_compute(rng, stack):
    imds = rng.choice(['"required"', '"optional"', 'local.is_prod ? "required" : "optional"'])
    return f'''data "aws_ami" "al2023" {{
  most_recent = true
  owners      = ["amazon"]
  filter {{
    name   = "name"
    values = ["al2023-ami-*-x86_64"]
  }}
}}

resource "aws_instance" "app" {{
  count                  = var.instance_count
  ami                    = data.aws_ami.al2023.id
  instance_type          = local.is_prod ? "m6i.large" : "t3.small"
  subnet_id              = aws_subnet.tier["${{local.tiers[0]}}-${{local.azs[count.index % 2]}}"].id
  vpc_security_group_ids = [aws_security_group.edge.id]
  monitoring             = local.is_prod
  ebs_optimized          = true

  metadata_options {{
    http_endpoint = "enabled"
    http_tokens   = {imds}
  }}

  root_block_device {{
    volume_size = 30
    encrypted   = count.index % {rng.randint(2, 4)} != 0
  }}

  tags = merge(local.common_tags, {{ Name = "${{local.name_prefix}}-app-${{count.index}}" }})
}}

resource "aws_ebs_volume" "scratch" {{
  count             = var.instance_count
  availability_zone = local.azs[count.index % 2]
  size              = 100
  encrypted         = local.is_prod
  tags              = local.common_tags
}}
'''


def stack_iam(rng, stack):
    wildcard = rng.random() < 0.3
    actions = '["*"]' if wildcard else '["s3:GetObject", "s3:PutObject"]'
    return f'''resource "aws_iam_policy" "app" {{
  name        = "${{local.name_prefix}}-app"
  description = "Application access"
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [
      {{
        Sid      = "Data"
        Effect   = "Allow"
        Action   = {actions}
        Resource = [for b in aws_s3_bucket.data : "${{b.arn}}/*"]
      }},
      {{
        Sid      = "Logs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "*"
      }},
    ]
  }})
}}

data "aws_iam_policy_document" "assume" {{
  statement {{
    actions = ["sts:AssumeRole"]
    principals {{
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }}
  }}
}}

resource "aws_iam_role" "app" {{
  name               = "${{local.name_prefix}}-app"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}}

resource "aws_iam_role_policy_attachment" "app" {{
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.app.arn
}}
'''


def stack_rds(rng, stack):
    return f'''resource "aws_kms_key" "db" {{
  description         = "${{local.name_prefix}} database key"
  enable_key_rotation = true
  tags                = local.common_tags
}}

resource "aws_db_instance" "legacy" {{
  identifier              = "${{local.name_prefix}}-legacy"
  engine                  = "mysql"
  engine_version          = "8.0"
  instance_class          = "db.t3.small"
  allocated_storage       = 20
  username                = "admin"
  password                = "example-${{var.project}}"
  storage_encrypted       = {rng.choice(["true", "false", "local.is_prod"])}
  publicly_accessible     = false
  backup_retention_period = {rng.choice([0, 1, 7])}
  skip_final_snapshot     = true
  tags                    = local.common_tags
}}
'''


def stack_modules(rng, stack):
    svc = rng.choice(["ec2.amazonaws.com", "lambda.amazonaws.com", "ecs-tasks.amazonaws.com"])
    wide = rng.random() < 0.25
    return f'''module "bucket" {{
  source   = "../../modules/s3_bucket"
  for_each = toset(["audit", "archive"])

  name       = "${{local.name_prefix}}-${{each.key}}"
  versioned  = each.key == "audit"
  encrypted  = each.key == "audit" || local.is_prod
  log_bucket = each.key == "audit" ? null : "${{local.name_prefix}}-audit"
  tags       = local.common_tags
}}

module "sg" {{
  source   = "../../modules/security_group"
  for_each = toset(local.tiers)

  name   = "${{local.name_prefix}}-${{each.key}}"
  vpc_id = aws_vpc.main.id
  ingress = [
    {{ description = "from vpc", port = 8080, cidrs = [aws_vpc.main.cidr_block] }},
    {{ description = "admin", port = 22, cidrs = var.admin_cidrs }},
  ]
  tags = local.common_tags
}}

module "db" {{
  source     = "../../modules/rds"
  name       = "${{local.name_prefix}}-main"
  subnet_ids = [for s in aws_subnet.tier : s.id]
  encrypted  = {rng.choice(["true", "local.is_prod"])}
  multi_az   = local.is_prod
  tags       = local.common_tags
}}

module "role" {{
  source  = "../../modules/iam_role"
  name    = "${{local.name_prefix}}-svc"
  service = "{svc}"
  statements = [
    {{ sid = "Read", actions = {'["s3:*"]' if wide else '["s3:GetObject"]'}, resources = [module.bucket["archive"].arn] }},
  ]
  tags = local.common_tags
}}
'''


def stack_outputs(rng, stack):
    return '''output "vpc_id" {
  value = aws_vpc.main.id
}

output "bucket_arns" {
  value = { for k, b in aws_s3_bucket.data : k => b.arn }
}

output "db_endpoint" {
  value = module.db.endpoint
}
'''


def stack_extra(rng, stack, n):
    """Extra small files for stacks that have more files than the fixed set."""
    kind = rng.choice(["sqs", "sns", "cw", "ecr"])
    if kind == "sqs":
        return f'''resource "aws_sqs_queue" "q{n}" {{
  name                      = "${{local.name_prefix}}-q{n}"
  message_retention_seconds = 86400
  sqs_managed_sse_enabled   = {rng.choice(["true", "false"])}
  tags                      = local.common_tags
}}
'''
    if kind == "sns":
        return f'''resource "aws_sns_topic" "t{n}" {{
  name              = "${{local.name_prefix}}-t{n}"
  kms_master_key_id = {rng.choice(['"alias/aws/sns"', "null"])}
  tags              = local.common_tags
}}
'''
    if kind == "cw":
        return f'''resource "aws_cloudwatch_log_group" "lg{n}" {{
  name              = "/app/${{local.name_prefix}}/{n}"
  retention_in_days = {rng.choice([0, 7, 30, 365])}
  tags              = local.common_tags
}}
'''
    return f'''resource "aws_ecr_repository" "r{n}" {{
  name                 = "${{local.name_prefix}}-r{n}"
  image_tag_mutability = "{rng.choice(["MUTABLE", "IMMUTABLE"])}"
  image_scanning_configuration {{
    scan_on_push = {rng.choice(["true", "false"])}
  }}
}}
'''


STACK_FILES = [
    ("providers.tf", lambda rng, s: PROVIDER % {"stack": s}),
    ("variables.tf", stack_variables),
    ("locals.tf", stack_locals),
    ("s3.tf", stack_s3),
    ("network.tf", stack_network),
    ("compute.tf", stack_compute),
    ("iam.tf", stack_iam),
    ("rds.tf", stack_rds),
    ("modules.tf", stack_modules),
    ("outputs.tf", stack_outputs),
]
STACKS_PER_TEAM = 10


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def gen_tree(n, out, seed):
    """Write exactly n .tf files under out."""
    rng = random.Random(seed)
    written = 0
    team = 0
    while written < n:
        remaining = n - written
        team_dir = os.path.join(out, f"team{team:03d}")
        # A team is its modules plus up to STACKS_PER_TEAM stacks.  A stack
        # needs the network/s3 files before modules.tf can refer to them, so
        # small remainders go to stacks that stop early (fewer optional files).
        if remaining >= MODULE_FILES + len(STACK_FILES):
            for mod, files in MODULES.items():
                for fname, text in zip(("main.tf", "variables.tf", "outputs.tf"), files):
                    write(os.path.join(team_dir, "modules", mod, fname), text)
                    written += 1
            stacks_budget = min(n - written, STACKS_PER_TEAM * len(STACK_FILES) + rng.randint(0, 30))
        else:
            stacks_budget = remaining
        s = 0
        while stacks_budget > 0:
            stack = f"t{team:03d}-s{s:02d}"
            sdir = os.path.join(team_dir, "stacks", f"stack{s:02d}")
            # Files of this stack: the fixed set (cut short if the budget runs
            # out; modules.tf and outputs.tf need the earlier ones) plus a few
            # extra single-resource files.
            extra = rng.randint(0, 3)
            want = len(STACK_FILES) + extra
            take = min(want, stacks_budget)
            if take < len(STACK_FILES):
                # Without network.tf/s3.tf the later files would not resolve;
                # keep a prefix that still makes sense.
                files = STACK_FILES[: min(take, 4)]
                pad = take - len(files)
            else:
                files = STACK_FILES
                pad = take - len(STACK_FILES)
            for fname, fn in files:
                write(os.path.join(sdir, fname), fn(rng, stack))
            for i in range(pad):
                write(os.path.join(sdir, f"extra_{i}.tf"), stack_extra(rng, stack, i))
            written += take
            stacks_budget -= take
            s += 1
        team += 1
    return written


# --------------------------------------------------------------------------
# Evaluator curve: K instances across F files in one root module
# --------------------------------------------------------------------------

CURVE_HEAD = '''terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

variable "environment" {
  type    = string
  default = "prod"
}

locals {
  prefix = "curve-${var.environment}"
  tags = {
    Environment = var.environment
    Owner       = "bench"
  }
  ports = [22, 80, 443]
}
'''


def curve_file(i, per, rng):
    """One file with exactly `per` resource instances."""
    # Split: buckets (for_each over a map) + their SSE configs + security
    # groups (count, dynamic ingress) + IAM policies (count, jsonencode).
    nb = per * 3 // 10
    nsse = nb
    nsg = (per - nb - nsse) // 2
    npol = per - nb - nsse - nsg
    keys = ", ".join(f'b{j} = {{ enc = {str(j % 5 != 0).lower()} }}' for j in range(nb))
    parts = [f'''locals {{
  f{i}_buckets = {{ {keys} }}
}}
''']
    if nb:
        parts.append(f'''resource "aws_s3_bucket" "f{i}" {{
  for_each = local.f{i}_buckets
  bucket   = "${{local.prefix}}-{i}-${{each.key}}"
  tags     = merge(local.tags, {{ Key = each.key }})
}}

resource "aws_s3_bucket_server_side_encryption_configuration" "f{i}" {{
  for_each = aws_s3_bucket.f{i}
  bucket   = each.value.id
  rule {{
    apply_server_side_encryption_by_default {{
      sse_algorithm = local.f{i}_buckets[each.key].enc ? "aws:kms" : "AES256"
    }}
  }}
}}
''')
    if nsg:
        parts.append(f'''resource "aws_security_group" "f{i}" {{
  count       = {nsg}
  name        = "${{local.prefix}}-{i}-${{count.index}}"
  description = "curve sg {i}"
  dynamic "ingress" {{
    for_each = local.ports
    content {{
      description = "port ${{ingress.value}}"
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ingress.value == 22 ? ["10.0.0.0/8"] : ["0.0.0.0/0"]
    }}
  }}
  tags = local.tags
}}
''')
    if npol:
        parts.append(f'''resource "aws_iam_policy" "f{i}" {{
  count = {npol}
  name  = "${{local.prefix}}-{i}-${{count.index}}"
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:ListBucket"]
      Resource = ["arn:aws:s3:::${{local.prefix}}-{i}-*"]
    }}]
  }})
}}
''')
    return "\n".join(parts)


def gen_curve(k, f, out, seed):
    if f < 1 or k < f:
        sys.exit("need 1 <= files <= instances")
    rng = random.Random(seed)
    base, rem = divmod(k, f)
    write(os.path.join(out, "main.tf"), CURVE_HEAD)
    # main.tf holds no instances; the other f-1 files... keep exactly f files:
    # main.tf also carries the instances of file 0.
    total = 0
    for i in range(f):
        per = base + (1 if i < rem else 0)
        text = curve_file(i, per, rng)
        total += per
        if i == 0:
            with open(os.path.join(out, "main.tf"), "a") as fh:
                fh.write("\n" + text)
        else:
            write(os.path.join(out, f"r{i:05d}.tf"), text)
    return total


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("args", nargs="+", help="[N] OUTDIR")
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--instances", type=int, help="evaluator-curve mode: resource instances")
    ap.add_argument("--files", type=int, help="evaluator-curve mode: files")
    ap.add_argument("--force", action="store_true", help="replace OUTDIR if it exists")
    a = ap.parse_args()
    if len(a.args) == 1:
        n, out = 2000, a.args[0]
    elif len(a.args) == 2:
        n, out = int(a.args[0]), a.args[1]
    else:
        ap.error("expected [N] OUTDIR")
    if os.path.exists(out):
        if not a.force and os.listdir(out):
            sys.exit(f"{out} exists and is not empty (use --force)")
        shutil.rmtree(out)
    if a.instances is not None:
        files = a.files or max(1, a.instances // 10)
        got = gen_curve(a.instances, files, out, a.seed)
        print(f"wrote {files} files, {got} resource instances to {out}")
    else:
        got = gen_tree(n, out, a.seed)
        print(f"wrote {got} .tf files to {out}")


if __name__ == "__main__":
    main()
