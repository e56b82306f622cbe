variable "from_default" {
  default = "d"
}

variable "from_tfvars" {
  type    = string
  default = "d"
}

variable "from_auto" {
  type    = string
  default = "d"
}

variable "from_cli" {
  type    = number
  default = 1
}

variable "listy" {
  type = list(string)
}

variable "obj" {
  type = object({
    name    = string
    size    = optional(number, 10)
    enabled = optional(bool)
    inner = optional(object({
      flag = optional(bool, true)
    }), {})
  })
  default = { name = "n" }
}

variable "not_null" {
  type     = string
  default  = "fallback"
  nullable = false
}

variable "pw" {
  type      = string
  default   = "s3cret"
  sensitive = true
}

variable "checked" {
  type    = string
  default = "ok"
  validation {
    condition     = length(var.checked) > 0
    error_message = "must not be empty"
  }
}

resource "null_resource" "r" {
  triggers = {
    from_default = var.from_default
    from_tfvars  = var.from_tfvars
    from_auto    = var.from_auto
    from_cli     = var.from_cli
    listy        = join(",", var.listy)
    size         = var.obj.size
    enabled      = var.obj.enabled == null ? "null" : "set"
    flag         = var.obj.inner.flag
    not_null     = var.not_null
  }
  pw   = "x-${var.pw}"
  name = var.from_tfvars
}
