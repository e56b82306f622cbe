# Basic aws_iam_policy_document shapes: single and multiple actions/resources,
# sid, not_actions, not_resources, policy_id, explicit version, empty document.
data "aws_iam_policy_document" "single" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::bucket/*"]
  }
}

data "aws_iam_policy_document" "multi" {
  policy_id = "multi-policy"
  statement {
    sid       = "ReadWrite"
    effect    = "Allow"
    actions   = ["s3:PutObject", "s3:GetObject", "s3:ListBucket", "s3:GetObject"]
    resources = ["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*"]
  }
  statement {
    sid         = "DenyAllElse"
    effect      = "Deny"
    not_actions = ["s3:*"]
    resources   = ["*"]
  }
  statement {
    effect        = "Deny"
    actions       = ["iam:*"]
    not_resources = ["arn:aws:iam::123456789012:role/admin"]
  }
}

data "aws_iam_policy_document" "old_version" {
  version = "2008-10-17"
  statement {
    actions   = ["sqs:SendMessage"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "empty" {}

data "aws_iam_policy_document" "no_resources" {
  statement {
    sid     = "AssumeOnly"
    actions = ["sts:AssumeRole"]
  }
}

resource "aws_iam_policy" "multi" {
  name   = "multi"
  policy = data.aws_iam_policy_document.multi.json
}

output "single" {
  value = data.aws_iam_policy_document.single.json
}

output "minified" {
  value = data.aws_iam_policy_document.multi.minified_json
}
