# String functions: upper/lower/title, trim family, replace (plain and
# regex), split/join, substr, startswith/endswith/strcontains, strrev, chomp,
# indent, format/formatlist, length of unicode strings.
locals {
  s = "  Hello, World!  "
  out = {
    upper      = upper("abc")
    lower      = lower("ÀBC")
    title      = title("hello world")
    trimspace  = trimspace(local.s)
    trim       = trim("xxhixx", "x")
    trimprefix = trimprefix("prefix-body", "prefix-")
    trimsuffix = trimsuffix("body.tf", ".tf")
    replace    = replace("a-b-c", "-", "_")
    replace_re = replace("a1b22c333", "/[0-9]+/", "#")
    split      = jsonencode(split(",", "a,b,,c"))
    join       = join("|", ["x", "y"])
    substr     = substr("abcdef", 1, 3)
    substr_neg = substr("abcdef", -2, -1)
    starts     = startswith("terraform", "terra")
    ends       = endswith("terraform", "form")
    contains   = strcontains("terraform", "rafo")
    strrev     = strrev("abc")
    chomp      = chomp("line\n\n")
    indent     = indent(2, "a\nb")
    format     = format("%-5s|%5s|", "ab", "cd")
    formatlist = join(",", formatlist("%s=%d", ["a", "b"], [1, 2]))
    len        = length("héllo")
  }
}

resource "aws_sns_topic" "t" {
  name = "strings"
  tags = { for k, v in local.out : k => tostring(v) }
}
