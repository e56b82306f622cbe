variable "name" {}
variable "tier" {}

resource "aws_sns_topic" "t" {
  name = "b-${var.name}-${var.tier}"
}
