variable "name" {}

resource "aws_s3_bucket" "b" {
  bucket = var.name
}

output "bucket" {
  value = aws_s3_bucket.b.bucket
}

output "id" {
  value = aws_s3_bucket.b.id
}
