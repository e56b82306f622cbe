# Statements generated with dynamic blocks from a variable, and a document that
# references an unknown value (bucket ARN) so terraform defers it.
variable "grants" {
  type = map(object({
    actions   = list(string)
    resources = list(string)
  }))
  default = {
    read = {
      actions   = ["s3:GetObject"]
      resources = ["arn:aws:s3:::data/*"]
    }
    write = {
      actions   = ["s3:PutObject", "s3:DeleteObject"]
      resources = ["arn:aws:s3:::data/*", "arn:aws:s3:::logs/*"]
    }
  }
}

data "aws_iam_policy_document" "dyn" {
  dynamic "statement" {
    for_each = var.grants
    content {
      sid       = title(statement.key)
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }
}

resource "aws_s3_bucket" "data" {
  bucket = "rampart-dyn-data"
}

data "aws_iam_policy_document" "deferred" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.data.arn}/*"]
  }
}

resource "aws_iam_policy" "dyn" {
  name   = "dyn"
  policy = data.aws_iam_policy_document.dyn.json
}

resource "aws_iam_policy" "deferred" {
  name   = "deferred"
  policy = data.aws_iam_policy_document.deferred.json
}
