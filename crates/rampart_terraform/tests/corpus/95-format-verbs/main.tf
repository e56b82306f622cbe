# format() verbs and flags: %t %d %+d %5d %-5d| %05d %b %o %x %X %e %E %g
# %f %.3f %8.2f %s %10s %-10s| %q %v on lists and maps, %% literal.
locals {
  out = {
    t     = format("%t", true)
    d     = format("%d|%+d|%5d|%-5d|%05d", 42, 42, 42, 42, 42)
    bases = format("%b %o %x %X", 10, 10, 255, 255)
    exp   = format("%e|%E|%g", 123456.789, 0.000123, 100000000)
    f     = format("%f|%.3f|%8.2f", 3.14159, 3.14159, 3.14159)
    s     = format("%s|%10s|%-10s|", "ab", "ab", "ab")
    q     = format("%q", "say \"hi\"")
    v     = format("%v %v %v", [1, "a"], { k = "v" }, true)
    pct   = format("100%% of %s", "it")
    list  = join(",", formatlist("%03d", [1, 22, 333]))
  }
}

resource "aws_sns_topic" "t" {
  name = "format-verbs"
  tags = local.out
}
