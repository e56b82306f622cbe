# Every operator: arithmetic (+ - * / %), unary minus and !, comparisons,
# equality across types, && and ||, precedence and parentheses.
locals {
  a = 7
  b = 2
  results = {
    add      = local.a + local.b
    sub      = local.a - local.b
    mul      = local.a * local.b
    div      = local.a / local.b
    mod      = local.a % local.b
    negmod   = -7 % 3
    neg      = -local.a
    prec     = 1 + 2 * 3 - 4 / 2
    paren    = (1 + 2) * 3
    lt       = local.a < local.b
    le       = local.b <= 2
    gt       = local.a > local.b
    ge       = local.a >= 8
    eq       = local.a == 7
    ne       = local.a != 7
    streq    = "7" == 7
    listeq   = [1, 2] == [1, 2]
    and      = true && false
    or       = true || false
    not      = !false
    combo    = !(local.a > 3 && local.b > 3) || false
    fraction = 10 / 4
    float    = 0.1 + 0.2 == 0.3
  }
}

resource "aws_sns_topic" "ops" {
  name = "operators"
  tags = { for k, v in local.results : k => tostring(v) }
}
