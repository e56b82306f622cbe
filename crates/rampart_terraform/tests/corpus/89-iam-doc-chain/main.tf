# Policy documents built from other documents: a chain of source and
# override documents, a for_each document fed from a map, sid replacement
# across levels, and a document from jsondecode/jsonencode round trip.
data "aws_iam_policy_document" "base" {
  policy_id = "base"
  statement {
    sid       = "Shared"
    actions   = ["logs:PutLogEvents"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "per_team" {
  for_each                = { red = ["s3:GetObject"], blue = ["s3:PutObject", "s3:GetObject"] }
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    sid       = "Team${title(each.key)}"
    actions   = each.value
    resources = ["arn:aws:s3:::${each.key}/*"]
  }
}

data "aws_iam_policy_document" "combined" {
  source_policy_documents   = [for k, d in data.aws_iam_policy_document.per_team : d.json if k == "red"]
  override_policy_documents = [data.aws_iam_policy_document.per_team["blue"].json]
  statement {
    sid     = "Shared"
    effect  = "Deny"
    actions = ["logs:*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "combined" {
  name   = "combined"
  policy = data.aws_iam_policy_document.combined.json
}

resource "aws_iam_policy" "roundtrip" {
  name   = "roundtrip"
  policy = jsonencode(jsondecode(data.aws_iam_policy_document.base.json))
}
