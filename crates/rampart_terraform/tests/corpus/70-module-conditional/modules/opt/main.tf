variable "name" {}

resource "aws_cloudwatch_log_group" "g" {
  name              = "/rampart/${var.name}"
  retention_in_days = 30
}

output "name" {
  value = aws_cloudwatch_log_group.g.name
}
