# Variables with validation blocks (passing), nullable = false with a null
# given in terraform.tfvars (the default applies), a required variable set
# with -var.
variable "env" {
  type = string
  validation {
    condition     = contains(["dev", "prod"], var.env)
    error_message = "env must be dev or prod"
  }
}
variable "retention" {
  type     = number
  default  = 7
  nullable = false
}

resource "aws_cloudwatch_log_group" "g" {
  name              = "/rampart/${var.env}"
  retention_in_days = var.retention
}
