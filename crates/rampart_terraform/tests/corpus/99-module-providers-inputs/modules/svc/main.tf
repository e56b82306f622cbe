variable "name" {}
variable "config" {
  type = object({
    retention = optional(number, 14)
    class     = optional(string, "STANDARD")
  })
}

resource "aws_cloudwatch_log_group" "g" {
  name              = "/svc/${var.name}"
  retention_in_days = var.config.retention
  log_group_class   = var.config.class
  tags = {
    Workspace = terraform.workspace
    Root      = path.root
    Module    = path.module
  }
}

output "name" {
  value = var.name
}
