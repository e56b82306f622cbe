# Number precision at the edges of f64: sums of decimals, large integers,
# division results used in strings, integer-valued floats, exponent syntax.
locals {
  out = {
    sum        = 0.1 + 0.2
    big        = 9007199254740993
    bigger     = 123456789012345678
    half       = 5 / 2
    whole      = 6 / 2
    exp        = 1.5e2
    small      = 1e-3
    neg_zero   = -0
    ceil_div   = ceil(7 / 2)
    interp     = "${10 / 4}"
    mul        = 1.1 * 3
  }
}

resource "aws_sns_topic" "t" {
  name = "precision"
  tags = { for k, v in local.out : k => tostring(v) }
}
