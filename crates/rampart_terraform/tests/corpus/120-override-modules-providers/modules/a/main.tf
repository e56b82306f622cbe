variable "name" {}
variable "tier" {}

resource "aws_sqs_queue" "q" {
  name = "a-${var.name}-${var.tier}"
}
