# Locals referring to other locals (defined out of order, across files).
locals {
  full_name = "${local.prefix}-${local.env}-${local.suffix}"
  tags      = merge(local.base_tags, { Name = local.full_name })
}

resource "aws_sns_topic" "t" {
  name = local.full_name
  tags = local.tags
}

resource "aws_sqs_queue" "q" {
  name = "${local.full_name}-q"
  tags = local.tags
}
