# Resources used as collections: values() of a for_each resource, a for
# expression over a resource map, keys(), splat over values(), length of a
# counted resource, a conditional on a known attribute of another resource.
resource "aws_s3_bucket" "b" {
  for_each = toset(["one", "two", "three"])
  bucket   = "rampart-coll-${each.key}"
}

resource "aws_sqs_queue" "q" {
  count = 2
  name  = "coll-${count.index}"
}

resource "aws_sns_topic" "t" {
  name = "collections-of-resources"
  tags = {
    Keys     = join(",", keys(aws_s3_bucket.b))
    Buckets  = join(",", values(aws_s3_bucket.b)[*].bucket)
    ForExpr  = join(",", [for k, b in aws_s3_bucket.b : "${k}=${b.bucket}"])
    Count    = length(aws_sqs_queue.q)
    Names    = join(",", [for q in aws_sqs_queue.q : q.name])
    HasThree = contains(keys(aws_s3_bucket.b), "three") ? "yes" : "no"
  }
}

resource "aws_sns_topic" "unknown" {
  name = "collections-unknown"
  tags = {
    Arns = join(",", values(aws_s3_bucket.b)[*].arn)
    Ids  = join(",", aws_sqs_queue.q[*].id)
  }
}
