# More encodings: yamlencode of strings needing quotes and of multi-line
# text, jsonencode of unicode and control characters and floats,
# jsondecode of numbers, textencodebase64 (UTF-16LE), base64gzip.
locals {
  out = {
    yaml_quotes = yamlencode({ a = "true", b = "1.0", c = "null", d = "", e = "x: y", f = "-" })
    yaml_multi  = yamlencode({ text = "line1\nline2\n", list = [], map = {} })
    json_ctrl   = jsonencode("tab\t nl\n bell\u0007 é ☃ \u2028")
    json_float  = jsonencode([1.5, 100, 1e20, 0.000001, -2.25])
    json_dec    = jsondecode("[1.0, 2e3, -0.5]")[1]
    utf16       = textencodebase64("héllo", "UTF-16LE")
    utf16_back  = textdecodebase64(textencodebase64("héllo", "UTF-16LE"), "UTF-16LE")
    gzip        = base64gzip("hello hello hello")
  }
}

resource "aws_sns_topic" "t" {
  name = "encoding-more"
  tags = { for k, v in local.out : k => tostring(v) }
}
