variable "name" {
  type = string
}
variable "delay" {
  type    = number
  default = 0
}

resource "aws_sqs_queue" "this" {
  name          = "mod-${var.name}"
  delay_seconds = var.delay
}

output "queue_name" {
  value = aws_sqs_queue.this.name
}
output "queue_arn" {
  value = aws_sqs_queue.this.arn
}
output "delay" {
  value = var.delay
}
