# Data sources with count and for_each, a resource created conditionally and
# read back with one() and a splat, a document using known attributes of a
# counted resource (rendered at plan) and of a conditional one.
variable "create" {
  default = true
}

resource "aws_s3_bucket" "opt" {
  count  = var.create ? 1 : 0
  bucket = "rampart-optional"
}

data "aws_iam_policy_document" "counted" {
  count = 2
  statement {
    sid       = "S${count.index}"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::${one(aws_s3_bucket.opt[*].bucket)}/${count.index}/*"]
  }
}

resource "aws_iam_policy" "p" {
  count  = 2
  name   = "counted-${count.index}"
  policy = data.aws_iam_policy_document.counted[count.index].json
}

resource "aws_sns_topic" "t" {
  name = "data-count"
  tags = {
    Bucket = one(aws_s3_bucket.opt[*].bucket)
    Docs   = length(data.aws_iam_policy_document.counted)
  }
}
