# Sensitivity through a module (sensitive output), through jsonencode, a
# list element, a conditional, a for expression and string functions.
variable "token" {
  default   = "abc123"
  sensitive = true
}

module "secret" {
  source = "./modules/secret"
  value  = var.token
}

resource "aws_ssm_parameter" "from_module" {
  name  = "/p/module"
  type  = "SecureString"
  value = module.secret.upper
}

resource "aws_ssm_parameter" "json" {
  name  = "/p/json"
  type  = "String"
  value = jsonencode({ token = var.token, plain = "x" })
}

resource "aws_sns_topic" "t" {
  name = "propagation"
  tags = {
    Cond    = true ? var.token : "none"
    Len     = length(var.token)
    Plain   = "visible"
    ForExpr = join(",", [for c in ["a", "b"] : "${c}${var.token}"])
  }
}

# Whole attributes the provider schema does not mark: the configuration does.
resource "aws_sqs_queue" "sensitive_name" {
  name = "q-${var.token}"
}

resource "aws_kms_key" "sensitive_description" {
  description = module.secret.upper
}
