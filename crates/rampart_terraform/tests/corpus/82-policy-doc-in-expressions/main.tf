# A policy document's rendered json used inside expressions at plan time:
# jsondecode() of it, length(), a string function, passed through a local
# into jsonencode() of a larger document.
data "aws_iam_policy_document" "d" {
  statement {
    sid       = "One"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["*"]
  }
}

locals {
  decoded = jsondecode(data.aws_iam_policy_document.d.json)
}

resource "aws_sns_topic" "t" {
  name = "doc-in-expressions"
  tags = {
    Effect  = local.decoded.Statement[0].Effect
    Actions = join(",", local.decoded.Statement[0].Action)
    Len     = length(data.aws_iam_policy_document.d.json)
    MinLen  = length(data.aws_iam_policy_document.d.minified_json)
    HasSid  = strcontains(data.aws_iam_policy_document.d.json, "\"Sid\": \"One\"")
  }
}

resource "aws_iam_policy" "wrapped" {
  name = "wrapped"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = concat(local.decoded.Statement, [{ Effect = "Deny", Action = "iam:*", Resource = "*" }])
  })
}
