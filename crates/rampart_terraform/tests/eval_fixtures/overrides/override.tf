variable "size" {
  default = "large"
}

resource "aws_sqs_queue" "q" {
  delay_seconds = 9
  redrive {
    max = 5
  }
}
