variable "name" {}

resource "aws_sns_topic" "this" {
  name = var.name
}

output "name" {
  value = aws_sns_topic.this.name
}
