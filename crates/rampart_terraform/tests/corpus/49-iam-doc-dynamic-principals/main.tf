# Dynamic principals and conditions inside a statement, statements from a
# list of objects with optional fields (null sid, default effect).
variable "trusted" {
  default = {
    AWS     = ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"]
    Service = ["ecs-tasks.amazonaws.com"]
  }
}
variable "conditions" {
  default = [
    { test = "StringEquals", variable = "aws:RequestedRegion", values = ["us-east-1", "eu-west-1"] },
    { test = "Bool", variable = "aws:MultiFactorAuthPresent", values = ["true"] },
  ]
}
variable "stmts" {
  type = list(object({
    sid     = optional(string)
    effect  = optional(string, "Allow")
    actions = list(string)
  }))
  default = [
    { actions = ["ec2:Describe*"] },
    { sid = "NoDelete", effect = "Deny", actions = ["ec2:Delete*", "ec2:Terminate*"] },
  ]
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    dynamic "principals" {
      for_each = var.trusted
      content {
        type        = principals.key
        identifiers = principals.value
      }
    }
    dynamic "condition" {
      for_each = var.conditions
      content {
        test     = condition.value.test
        variable = condition.value.variable
        values   = condition.value.values
      }
    }
  }
}

data "aws_iam_policy_document" "listed" {
  dynamic "statement" {
    for_each = var.stmts
    content {
      sid       = statement.value.sid
      effect    = statement.value.effect
      actions   = statement.value.actions
      resources = ["*"]
    }
  }
}

resource "aws_iam_role" "r" {
  name               = "dynamic-trust"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "rp" {
  name   = "listed"
  role   = aws_iam_role.r.id
  policy = data.aws_iam_policy_document.listed.json
}
