# Condition blocks: one value, several values, several conditions with the same
# test, several variables, numeric and boolean tests.
data "aws_iam_policy_document" "cond" {
  statement {
    sid       = "DenyInsecure"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]
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
  statement {
    sid       = "OrgOnly"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::b/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-abc123", "o-def456"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = ["us-east-1"]
    }
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["10.0.0.0/8", "192.168.0.0/16"]
    }
    condition {
      test     = "NumericLessThan"
      variable = "s3:max-keys"
      values   = ["10"]
    }
  }
  statement {
    sid       = "Github"
    actions   = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:org/app:*"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "ForAnyValue:StringLike"
      variable = "aws:TagKeys"
      values   = ["team/*", "env"]
    }
  }
}

resource "aws_s3_bucket_policy" "b" {
  bucket = "b"
  policy = data.aws_iam_policy_document.cond.json
}
