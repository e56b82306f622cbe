# Encoding and hashing: jsonencode (key order, escaping), jsondecode,
# base64encode/decode, urlencode, csvdecode, yamlencode, md5, sha1, sha256,
# sha512, base64sha256, uuidv5.
locals {
  out = {
    json      = jsonencode({ b = 1, a = [true, null, "x<y>&"], c = { d = 1.5 } })
    jsondec   = jsondecode("{\"k\": [1, 2]}").k[1]
    b64       = base64encode("hello")
    b64dec    = base64decode("aGVsbG8=")
    url       = urlencode("a b&c=d/é")
    csv       = jsonencode(csvdecode("name,age\nann,30\nbo,4"))
    yaml      = yamlencode({ name = "x", list = [1, "two"] })
    md5       = md5("hello")
    sha1      = sha1("hello")
    sha256    = sha256("hello")
    sha512    = sha512("hello")
    b64sha256 = base64sha256("hello")
    uuidv5    = uuidv5("dns", "example.com")
  }
}

resource "aws_sns_topic" "t" {
  name = "encoding"
  tags = local.out
}
