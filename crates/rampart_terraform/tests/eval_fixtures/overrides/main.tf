variable "size" {
  default = "small"
}

locals {
  label = "base"
}

resource "aws_sqs_queue" "q" {
  name          = "q-${var.size}-${local.label}"
  delay_seconds = 1
  tags = {
    Source = "main"
  }
  redrive {
    max = 1
  }
}
