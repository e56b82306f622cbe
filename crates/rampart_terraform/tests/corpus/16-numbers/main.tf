# Number handling: integer and fractional results, large numbers, format
# verbs, floor/ceil/abs/signum/pow/log/max/min, parseint, number to string.
locals {
  nums = {
    third    = 1 / 3
    big      = 12345678901234
    neg      = -0.5
    floor    = floor(2.7)
    ceil     = ceil(2.1)
    abs      = abs(-4)
    signum   = signum(-3)
    pow      = pow(2, 10)
    log      = log(8, 2)
    max      = max(3, 9, 1)
    min      = min(3, 9, 1)
    parseint = parseint("ff", 16)
    parsebin = parseint("1010", 2)
    fmt_d    = format("%05d", 42)
    fmt_f    = format("%.2f", 3.14159)
    fmt_s    = format("%s-%v-%q", "a", 1, "b")
    fmt_x    = format("%x", 255)
    sci      = 1e3
  }
}

resource "aws_sqs_queue" "q" {
  name                      = "numbers"
  delay_seconds             = local.nums.max
  max_message_size          = local.nums.pow * 2
  message_retention_seconds = local.nums.big % 100000 + 60
  tags                      = { for k, v in local.nums : k => tostring(v) }
}
