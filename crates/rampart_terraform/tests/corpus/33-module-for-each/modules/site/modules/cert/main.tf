variable "label" {}

resource "aws_sqs_queue" "q" {
  name = "cert-${var.label}"
}
