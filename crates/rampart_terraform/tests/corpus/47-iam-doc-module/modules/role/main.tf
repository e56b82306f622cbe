variable "name" {}
variable "actions" {
  type = list(string)
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "access" {
  statement {
    sid       = "Access${title(var.name)}"
    actions   = var.actions
    resources = ["arn:aws:s3:::rampart-${var.name}/*"]
  }
}

resource "aws_iam_role" "this" {
  name               = "role-${var.name}"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

output "policy_json" {
  value = data.aws_iam_policy_document.access.json
}
