# String templates: interpolation, %{if}/%{else}, %{for}, strip markers (~),
# escapes ($${ and %%{), nested quotes, unicode.
variable "items" {
  default = ["a", "b", "c"]
}
variable "flag" {
  default = true
}

locals {
  simple  = "x-${upper("y")}-${1 + 2}"
  cond    = "%{if var.flag}on%{else}off%{endif}"
  loop    = "%{for i in var.items}[${i}]%{endfor}"
  strip   = "%{for i, v in var.items~} ${v}=${i} %{~endfor}"
  escaped = "$${literal} %%{literal}"
  quotes  = "say \"hi\" and ${"nested ${"deep"}"}"
  unicode = "héllo ${"wörld"}"
  multi   = "%{for i in var.items}${i}%{if i != "c"},%{endif}%{endfor}"
}

resource "aws_sns_topic" "t" {
  name = "templates"
  tags = {
    simple  = local.simple
    cond    = local.cond
    loop    = local.loop
    strip   = local.strip
    escaped = local.escaped
    quotes  = local.quotes
    unicode = local.unicode
    multi   = local.multi
  }
}
