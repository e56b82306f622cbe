# for_each over a set of strings (toset, duplicates removed): each.key and
# each.value are the element; instance keys are the strings.
variable "envs" {
  default = ["prod", "dev", "stage", "dev"]
}

resource "aws_s3_bucket" "b" {
  for_each = toset(var.envs)
  bucket   = "rampart-set-${each.key}"
  tags = {
    Key   = each.key
    Value = each.value
  }
}

resource "aws_sqs_queue" "q" {
  for_each = toset([for e in var.envs : "${e}-q" if e != "dev"])
  name     = each.value
}
