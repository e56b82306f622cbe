variable "label" {}

resource "aws_sns_topic" "t" {
  name = "m-${md5(var.label)}"
  tags = { Label = var.label }
}
