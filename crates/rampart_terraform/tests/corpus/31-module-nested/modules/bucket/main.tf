variable "bucket" {}
variable "tags" {
  type = map(string)
}

resource "aws_s3_bucket" "this" {
  bucket = var.bucket
  tags   = merge(var.tags, { Layer = "bucket", Path = path.module })
}

output "id" {
  value = aws_s3_bucket.this.id
}
output "name" {
  value = aws_s3_bucket.this.bucket
}
