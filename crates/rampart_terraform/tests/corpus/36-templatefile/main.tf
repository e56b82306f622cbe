# templatefile() with maps, lists, nested for/if directives, strip markers,
# and a JSON template rendered with jsonencode inside.
locals {
  users = {
    alice = ["admin", "dev"]
    bob   = ["dev"]
  }
}

resource "aws_iam_policy" "p" {
  name   = "templated"
  policy = templatefile("${path.module}/tpl/policy.json.tftpl", { buckets = ["a", "b"], actions = ["s3:GetObject", "s3:PutObject"] })
}

resource "aws_sns_topic" "t" {
  name = "templatefile"
  tags = {
    Roster = templatefile("${path.module}/tpl/roster.tftpl", { users = local.users, title = "Team" })
  }
}
