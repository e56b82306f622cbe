# for_each over another resource's instances (resource map as for_each),
# each.value attributes known and unknown.
resource "aws_s3_bucket" "b" {
  for_each = toset(["logs", "data"])
  bucket   = "rampart-chain-${each.key}"
}

resource "aws_s3_bucket_versioning" "v" {
  for_each = aws_s3_bucket.b
  bucket   = each.value.id
  versioning_configuration {
    status = each.key == "data" ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_public_access_block" "p" {
  for_each                = aws_s3_bucket.b
  bucket                  = each.value.bucket
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
