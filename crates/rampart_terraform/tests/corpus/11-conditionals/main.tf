# Conditional expressions: nested, with null, with unification of numbers and
# strings, choosing lists and maps, conditional resource arguments.
variable "env" {
  default = "prod"
}
variable "override" {
  type    = string
  default = null
}

locals {
  is_prod  = var.env == "prod"
  size     = local.is_prod ? "large" : var.env == "stage" ? "medium" : "small"
  retained = local.is_prod ? 30 : "7"
  name     = var.override != null ? var.override : "auto-${var.env}"
  cidrs    = local.is_prod ? ["10.0.0.0/16"] : ["10.0.0.0/16", "0.0.0.0/0"]
}

resource "aws_kms_key" "k" {
  description             = "key for ${local.name} (${local.size})"
  deletion_window_in_days = local.is_prod ? 30 : 7
  enable_key_rotation     = local.is_prod
  multi_region            = local.is_prod ? null : true
  tags = {
    Retained = local.retained
    Cidrs    = join(" ", local.cidrs)
  }
}
