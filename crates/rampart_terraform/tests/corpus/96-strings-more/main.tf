# More string behaviour: indent with a trailing newline, trimspace of unicode
# spaces, split of an empty string, join of an empty list, chomp of \r\n,
# trim with a character set, replace with $$ and with an empty regex match,
# regex with a character class over unicode, substr past the end.
locals {
  out = {
    indent     = indent(4, "a\nb\n")
    trimspace  = trimspace("\u00a0\t x \n\u2003")
    split_empty = length(split(",", ""))
    join_empty = join("-", [])
    chomp_crlf = chomp("line\r\n")
    trim_set   = trim("?!hello?!", "!?")
    dollar     = replace("cost: 5", "/(\\d+)/", "$$$1")
    empty_re   = replace("abc", "/x*/", "-")
    unicode_re = regex("[[:alpha:]]+", "123Ünïcode456")
    substr_far = substr("abc", 1, 100)
    substr_all = substr("abcdef", 2, -1)
    lower_mix  = lower("MiXeD 123")
  }
}

resource "aws_sns_topic" "t" {
  name = "strings-more"
  tags = { for k, v in local.out : k => tostring(v) }
}
