# Bucket policies: one from a document that uses the bucket's known name
# (rendered at plan), one using the unknown arn (deferred), one jsonencode
# with an unknown value inside, for_each over policy documents.
resource "aws_s3_bucket" "b" {
  bucket = "rampart-policy-bucket"
}

data "aws_iam_policy_document" "tls" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::${aws_s3_bucket.b.bucket}", "arn:aws:s3:::${aws_s3_bucket.b.bucket}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "tls" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.tls.json
}

data "aws_iam_policy_document" "per_prefix" {
  for_each = toset(["reports", "exports"])
  statement {
    sid       = "Read${title(each.key)}"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::rampart-policy-bucket/${each.key}/*"]
  }
}

resource "aws_iam_policy" "prefix" {
  for_each = data.aws_iam_policy_document.per_prefix
  name     = "prefix-${each.key}"
  policy   = each.value.json
}

resource "aws_iam_policy" "unknown_inside" {
  name = "unknown-inside"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:GetObject"
      Resource = "${aws_s3_bucket.b.arn}/*"
    }]
  })
}
