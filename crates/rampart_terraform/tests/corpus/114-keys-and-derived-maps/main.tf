# Object keys from numbers and templates in for expressions, a local map
# derived from a for_each resource (known keys, unknown values) driving
# another for_each, a map of lists transposed into tags.
locals {
  by_num   = { for i in range(3) : i => i * 10 }
  by_tmpl  = { for n in ["a", "b"] : "key-${n}" => upper(n) }
  arns     = { for k, q in aws_sqs_queue.src : k => q.arn }
  owners   = { alice = ["q1", "q2"], bob = ["q2"] }
}

resource "aws_sqs_queue" "src" {
  for_each = toset(["q1", "q2"])
  name     = "derived-${each.key}"
}

resource "aws_sns_topic" "per_queue" {
  for_each = local.arns
  name     = "per-${each.key}"
  tags = {
    QueueArn = each.value
    Owners   = join(",", transpose(local.owners)[each.key])
  }
}

resource "aws_sns_topic" "summary" {
  name = "derived-summary"
  tags = {
    ByNum  = jsonencode(local.by_num)
    ByTmpl = jsonencode(local.by_tmpl)
    Keys   = join(",", keys(local.arns))
  }
}
