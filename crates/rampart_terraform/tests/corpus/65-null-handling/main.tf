# Null: an argument set to null is omitted (provider default applies), null
# from a variable and a conditional, coalesce over nulls, null in lists.
variable "desc" {
  type    = string
  default = null
}

resource "aws_kms_key" "k" {
  description         = var.desc
  enable_key_rotation = null
  key_usage           = true ? null : "ENCRYPT_DECRYPT"
  tags = {
    Desc  = coalesce(var.desc, "no description")
    Count = length(compact([var.desc, "x", null]))
  }
}

resource "aws_sqs_queue" "q" {
  name          = "nulls"
  delay_seconds = var.desc == null ? 5 : 10
  policy        = null
}
