variable "name" {}

locals {
  label = "child-label"
}

resource "aws_sns_topic" "child" {
  name = "scope-child"
  tags = {
    Name  = var.name
    Label = local.label
  }
}

output "summary" {
  value = "${var.name}/${local.label}"
}
