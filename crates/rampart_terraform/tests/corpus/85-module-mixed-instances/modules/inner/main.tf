variable "name" {}

resource "aws_sqs_queue" "q" {
  name = "inner-${var.name}"
}

output "name" {
  value = aws_sqs_queue.q.name
}
