# Expression syntax corners: legacy attribute-style index (list.0), map keys
# from parenthesised expressions and templates, inline /* */ and // comments
# inside expressions, multi-line conditionals and function calls with a
# trailing comma, data source configuration attributes read back.
variable "prefix" {
  default = "env"
}

locals {
  list = ["zero", "one"]
  key  = "dynamic"
  map = {
    (local.key)        = "from-paren"
    "${var.prefix}-id" = "from-template"
    plain              = "plain" /* inline comment */
  }
  multi = (
    length(local.list) > 1 // trailing comment
    ? "many"
    : "few"
  )
  call = join(
    "+",
    local.list,
  )
}

data "aws_iam_policy_document" "d" {
  statement {
    sid       = "ReadBack"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

resource "aws_sns_topic" "t" {
  name = "syntax"
  tags = merge(local.map, {
    Legacy = local.list.0
    Multi  = local.multi
    Call   = local.call
    Sid    = data.aws_iam_policy_document.d.statement[0].sid
    Nested = { a = { b = "c" } }["a"]["b"]
  })
}
