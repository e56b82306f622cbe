resource "aws_s3_bucket" "b" {
  bucket_prefix = "p"
}

resource "aws_s3_bucket_public_access_block" "pab" {
  count  = length(aws_s3_bucket.b.id) > 0 ? 1 : 0
  bucket = aws_s3_bucket.b.id
}

resource "aws_s3_bucket_acl" "acl" {
  for_each = toset([aws_s3_bucket.b.id])
  bucket   = each.value
  acl      = "private"
}

resource "aws_kms_key" "k" {
  description = "k-${aws_s3_bucket.b.arn}"
  policy      = jsonencode({ Resource = aws_s3_bucket.b.arn, Known = "yes" })
  enabled     = can(aws_s3_bucket.b.nope)
  other       = try(aws_s3_bucket.b.region, "r")
  when        = timestamp()
  mystery     = not_a_function(1)
  provided    = provider::other::parse_thing("x")
  bad         = element([], 0)
}
