# regex() with no groups, numbered groups and named groups; regexall();
# replace() with a regex and back-references.
locals {
  arn = "arn:aws:s3:::my-bucket/path/to/key"
  out = {
    whole   = regex("[a-z]+-[a-z]+", local.arn)
    groups  = jsonencode(regex("^arn:(\\w+):(\\w+)", local.arn))
    named   = jsonencode(regex("^arn:(?P<part>\\w+):(?P<svc>\\w+)", local.arn))
    all     = jsonencode(regexall("[0-9]+", "a1b22c333"))
    count   = length(regexall("/", local.arn))
    backref = replace("john smith", "/(\\w+) (\\w+)/", "$2, $1")
    ci      = can(regex("(?i)BUCKET", local.arn))
  }
}

resource "aws_sns_topic" "t" {
  name = "regex"
  tags = { for k, v in local.out : k => tostring(v) }
}
