resource "aws_sqs_queue" "q" {
  delay_seconds = 9
  tags = {
    Source = "override"
  }
}

variable "size" {
  default = "large"
}
