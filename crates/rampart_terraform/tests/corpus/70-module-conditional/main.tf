# A module enabled with count = var.flag ? 1 : 0, its output read with
# one() and try(), and a disabled one.
variable "enable_logs" {
  default = true
}
variable "enable_audit" {
  default = false
}

module "logs" {
  count  = var.enable_logs ? 1 : 0
  source = "./modules/opt"
  name   = "logs"
}

module "audit" {
  count  = var.enable_audit ? 1 : 0
  source = "./modules/opt"
  name   = "audit"
}

resource "aws_sns_topic" "t" {
  name = "conditional-modules"
  tags = {
    Logs  = one(module.logs[*].name)
    Audit = try(module.audit[0].name, "disabled")
  }
}
