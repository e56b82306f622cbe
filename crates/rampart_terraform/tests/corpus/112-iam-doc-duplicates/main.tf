# Duplicates in policy documents: repeated identifiers within a principals
# block (a set), repeated condition values (a list, kept), the same principal
# block written twice, statements without sid next to each other.
variable "accounts" {
  default = ["111111111111", "222222222222", "111111111111"]
}

data "aws_iam_policy_document" "dups" {
  statement {
    actions   = ["s3:GetObject", "s3:GetObject"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = [for a in var.accounts : "arn:aws:iam::${a}:root"]
    }
    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }
    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = var.accounts
    }
  }
  statement {
    actions   = ["s3:PutObject"]
    resources = ["*"]
  }
}
