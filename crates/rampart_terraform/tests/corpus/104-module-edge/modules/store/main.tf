variable "name" {
  type = string
}
variable "readers" {
  type = set(string)
}
variable "enable" {
  type = bool
}

resource "aws_s3_bucket" "b" {
  bucket = "rampart-edge-${var.name}"
}

resource "aws_sqs_queue" "opt" {
  count = var.enable ? 1 : 0
  name  = "opt-${var.name}"
}

output "bucket" {
  value = aws_s3_bucket.b
}
output "optional_name" {
  value = try(aws_sqs_queue.opt[0].name, null)
}
output "readers" {
  value = var.readers
}
