provider "aws" {
  region = "us-east-1"
}

resource "aws_iam_policy" "ops" {
  name = "ops"
  policy = templatefile("${path.module}/policy.json.tftpl", {
    actions   = ["*"]
    resources = ["arn:aws:s3:::trap-ops/*"]
  })
}
