# Splat corner cases: [*] on a for_each resource (a map, wrapped in a
# one-element list), on values() of it, on a list of lists, attribute access
# after [*] (the index applies inside the splat) and on a parenthesised splat,
# legacy .* on a counted resource.
resource "aws_sqs_queue" "each" {
  for_each = toset(["a", "b"])
  name     = "splat-edge-${each.key}"
}

resource "aws_sqs_queue" "cnt" {
  count = 2
  name  = "splat-edge-c${count.index}"
}

locals {
  nested = [{ items = [{ v = 1 }, { v = 2 }] }, { items = [{ v = 3 }] }]
}

resource "aws_sns_topic" "t" {
  name = "splat-edge"
  tags = {
    MapSplatLen = length(aws_sqs_queue.each[*])
    Values      = join(",", values(aws_sqs_queue.each)[*].name)
    Nested      = jsonencode(local.nested[*].items[0].v)
    Lists       = jsonencode([for n in local.nested : n.items[*].v])
    Legacy      = join(",", aws_sqs_queue.cnt.*.name)
    FirstName   = (aws_sqs_queue.cnt[*].name)[0]
  }
}
