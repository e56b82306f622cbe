# Unicode semantics of string functions: terraform counts grapheme clusters
# (length, substr, strrev) and maps case one character at a time (upper of
# ß, lower of İ), title on non-ASCII words, emoji with modifiers.
locals {
  combining = "e\u0301te\u0301" # é written as e + combining acute accent
  emoji     = "👍🏽ok"
  out = {
    len_combining  = length(local.combining)
    sub_combining  = substr(local.combining, 0, 1)
    rev_combining  = strrev(local.combining)
    len_emoji      = length(local.emoji)
    sub_emoji      = substr(local.emoji, 0, 1)
    upper_sharp_s  = upper("straße")
    lower_dotted_i = lower("İSTANBUL")
    title_unicode  = title("élan vital ñandú")
    upper_greek    = upper("αβγ ς")
  }
}

resource "aws_sns_topic" "t" {
  name = "unicode-functions"
  tags = { for k, v in local.out : k => tostring(v) }
}
