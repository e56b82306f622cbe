# Unicode: length counts characters, substr and upper on non-ASCII text,
# emoji, escapes \n \t \" \\ \u00e9 in quoted strings.
locals {
  word = "Zürich 🚀 naïve"
  out = {
    len     = length(local.word)
    upper   = upper(local.word)
    sub     = substr(local.word, 0, 6)
    rev     = strrev("añb")
    escapes = "tab\there \"q\" back\\slash \u00e9"
    newline = "a\nb"
  }
}

resource "aws_sns_topic" "t" {
  name = "unicode"
  tags = { for k, v in local.out : k => tostring(v) }
}
