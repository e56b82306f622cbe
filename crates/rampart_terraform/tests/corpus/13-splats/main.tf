# Splat expressions: [*] over lists of objects, legacy .*, splat over a
# single object and over null, splat over counted resources (known and
# unknown attributes).
locals {
  rules = [
    { port = 80, proto = "tcp" },
    { port = 443, proto = "tcp" },
  ]
  ports        = local.rules[*].port
  legacy       = local.rules.*.proto
  single       = { port = 22 }
  single_splat = local.single[*].port
  none         = null
  none_splat   = local.none[*]
}

resource "aws_sqs_queue" "q" {
  count = 2
  name  = "splat-${count.index}"
}

resource "aws_sns_topic" "t" {
  name = "splats"
  tags = {
    ports  = jsonencode(local.ports)
    legacy = jsonencode(local.legacy)
    single = jsonencode(local.single_splat)
    none   = length(local.none_splat)
    names  = join(",", aws_sqs_queue.q[*].name)
  }
}

resource "aws_sns_topic" "ids" {
  name              = "splat-ids"
  kms_master_key_id = join(",", aws_sqs_queue.q[*].arn)
}
