# dynamic blocks inside counted and for_each resources: content using
# count.index and each.key/each.value, an iterator named like the block,
# a nested dynamic block reading the outer iterator's key, an escape
# \U0001F600 in a string.
variable "groups" {
  default = {
    web = { ports = [80, 443], cidrs = ["0.0.0.0/0"] }
    db  = { ports = [5432], cidrs = ["10.0.0.0/8", "10.1.0.0/16"] }
  }
}

resource "aws_security_group" "g" {
  for_each    = var.groups
  name        = "ctx-${each.key}"
  description = "group ${each.key} \U0001F600"
  dynamic "ingress" {
    for_each = each.value.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = each.value.cidrs
      description = "${each.key}-${ingress.key}"
    }
  }
}

resource "aws_security_group" "c" {
  count       = 2
  name        = "ctx-count-${count.index}"
  description = "counted"
  dynamic "egress" {
    for_each = range(count.index + 1)
    iterator = egress
    content {
      from_port   = 1000 + egress.value + count.index * 10
      to_port     = 1000 + egress.value + count.index * 10
      protocol    = "tcp"
      cidr_blocks = ["10.${count.index}.${egress.key}.0/24"]
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "lc" {
  for_each = { a = ["logs/", "tmp/"], b = ["data/"] }
  bucket   = "rampart-ctx-${each.key}"
  dynamic "rule" {
    for_each = each.value
    content {
      id     = "${each.key}-${rule.key}"
      status = "Enabled"
      filter {
        prefix = rule.value
      }
      dynamic "expiration" {
        for_each = rule.key == 0 ? [30] : []
        content {
          days = expiration.value + length(each.value)
        }
      }
    }
  }
}
