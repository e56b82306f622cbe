# Numbers turned into strings: very large and very small values in
# interpolation, tostring() and jsonencode(), integers written with exponents.
locals {
  out = {
    big_interp   = "${1e21}"
    big_tostring = tostring(100000000000000000000)
    small        = "${-1.5e-7}"
    tenth        = "${0.1}"
    json_big     = jsonencode([1e21, 1e20, 123456789])
    json_small   = jsonencode(0.000001)
    exp_int      = "${2e3}"
    neg          = "${-42}"
  }
}

resource "aws_sns_topic" "t" {
  name = "number-strings"
  tags = local.out
}
