# References between resources: known configuration values (names given in
# config) resolve at plan time, computed attributes (id, arn) stay unknown,
# and strings mixing both are unknown.
resource "aws_kms_key" "k" {
  description = "refs key"
}

resource "aws_s3_bucket" "b" {
  bucket = "rampart-refs"
}

resource "aws_sqs_queue" "q" {
  name              = "${aws_s3_bucket.b.bucket}-events"
  kms_master_key_id = aws_kms_key.k.arn
  tags = {
    Bucket      = aws_s3_bucket.b.bucket
    BucketArn   = aws_s3_bucket.b.arn
    Mixed       = "bucket ${aws_s3_bucket.b.bucket} key ${aws_kms_key.k.key_id}"
    KeyDesc     = aws_kms_key.k.description
    Rotation    = aws_kms_key.k.enable_key_rotation
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "sse" {
  bucket = aws_s3_bucket.b.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.k.arn
    }
    bucket_key_enabled = true
  }
}
