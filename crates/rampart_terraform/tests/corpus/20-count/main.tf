# count: count.index in arguments, count from length(), count = 0, a
# conditional count, references to counted instances by index.
variable "names" {
  default = ["red", "green", "blue"]
}
variable "create_extra" {
  default = false
}

resource "aws_sqs_queue" "q" {
  count         = length(var.names)
  name          = "q-${count.index}-${var.names[count.index]}"
  delay_seconds = count.index * 10
}

resource "aws_sqs_queue" "none" {
  count = 0
  name  = "never"
}

resource "aws_sqs_queue" "extra" {
  count = var.create_extra ? 1 : 0
  name  = "extra"
}

resource "aws_sns_topic" "t" {
  count = 2
  name  = "${aws_sqs_queue.q[count.index].name}-topic"
  tags = {
    Queue = aws_sqs_queue.q[count.index + 1].name
  }
}
