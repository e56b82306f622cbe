locals {
  label = "over"
}

resource "aws_sqs_queue" "q" {
  tags = {
    Source = "override"
  }
}
