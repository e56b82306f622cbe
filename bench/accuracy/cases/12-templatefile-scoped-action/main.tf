provider "aws" {
  region = "us-east-1"
}

variable "admin" {
  type    = bool
  default = false
}

resource "aws_iam_policy" "ops" {
  name = "ops"
  policy = templatefile("${path.module}/policy.json.tftpl", {
    actions   = var.admin ? ["*"] : ["s3:GetObject", "s3:PutObject"]
    resources = ["arn:aws:s3:::trap-ops/*"]
  })
}
