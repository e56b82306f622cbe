# Principal shapes: one and several identifiers, several types, "*" wildcard,
# Service, Federated, CanonicalUser, not_principals.
data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "many" {
  statement {
    sid     = "Several"
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com", "ec2.amazonaws.com"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::210987654321:root"]
    }
  }
}

data "aws_iam_policy_document" "public" {
  statement {
    sid       = "PublicRead"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::public-site/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

data "aws_iam_policy_document" "aws_star" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::shared/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

data "aws_iam_policy_document" "federated" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
    }
  }
  statement {
    effect  = "Deny"
    actions = ["s3:*"]
    resources = ["*"]
    not_principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:role/keeper", "arn:aws:iam::123456789012:root"]
    }
  }
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::cf/*"]
    principals {
      type        = "CanonicalUser"
      identifiers = ["79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"]
    }
  }
}

resource "aws_iam_role" "ec2" {
  name               = "ec2"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}
