# source_policy_documents and override_policy_documents: statements merged by
# sid, JSON from jsonencode and from another document.
data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid       = "List"
    actions   = ["s3:ListBucket"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "with_source" {
  source_policy_documents = [
    data.aws_iam_policy_document.base.json,
    jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Sid      = "FromJson"
        Effect   = "Allow"
        Action   = "sqs:*"
        Resource = ["arn:aws:sqs:us-east-1:123456789012:q"]
      }]
    }),
  ]
  statement {
    sid       = "Extra"
    actions   = ["sns:Publish"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "with_override" {
  override_policy_documents = [
    jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Sid      = "Read"
        Effect   = "Deny"
        Action   = ["s3:GetObject", "s3:GetObjectVersion"]
        Resource = "*"
      }]
    }),
  ]
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid       = "Keep"
    actions   = ["s3:PutObject"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "source_only" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
}

resource "aws_iam_policy" "merged" {
  name   = "merged"
  policy = data.aws_iam_policy_document.with_source.json
}
