# A configuration that applies offline (terraform_data and a policy
# document only): the recording also applies it and keeps the state file
# (state.json) and `terraform show -json` of it (state_show.json) for the
# state loader tests. Covers sensitive input, for_each and count instances.
variable "secret" {
  default   = "hunter2"
  sensitive = true
}

resource "terraform_data" "plain" {
  input = {
    name  = "plain"
    ports = [80, 443]
  }
}

resource "terraform_data" "secret" {
  input = var.secret
}

resource "terraform_data" "each" {
  for_each = toset(["a", "b"])
  input    = "value-${each.key}"
}

resource "terraform_data" "counted" {
  count = 2
  input = count.index
}

data "aws_iam_policy_document" "doc" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

output "doc" {
  value = data.aws_iam_policy_document.doc.json
}
