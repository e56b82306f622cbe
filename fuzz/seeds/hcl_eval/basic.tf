variable "names" {
  type    = list(string)
  default = ["a", "b"]
}

locals {
  tags = { for n in var.names : n => upper(n) }
  s    = "${join("-", var.names)}-%{ for n in var.names }${n}%{ endfor }"
}

resource "aws_s3_bucket" "b" {
  for_each = toset(var.names)
  bucket   = "x-${each.key}"
  tags     = merge(local.tags, { k = format("%05d", 3) })

  dynamic "logging" {
    for_each = var.names
    content {
      target_bucket = logging.value
    }
  }
}

module "m" {
  source = "./"
  count  = 2
}

output "o" {
  value = try(aws_s3_bucket.b["a"].arn, null)
}
