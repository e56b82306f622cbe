# Variable sources beyond HCL tfvars: TF_VAR_ environment variables (lowest
# precedence after defaults), terraform.tfvars.json and *.auto.tfvars.json
# (auto-loaded after terraform.tfvars), complex values from the environment
# parsed as HCL for non-string types. case.json sets the environment.
variable "from_env" { default = "default" }
variable "env_vs_tfvars" { default = "default" }
variable "json_auto" { default = "default" }
variable "env_list" {
  type    = list(number)
  default = []
}
variable "env_map" {
  type    = map(string)
  default = {}
}

resource "aws_sns_topic" "t" {
  name = "var-sources"
  tags = {
    from_env      = var.from_env
    env_vs_tfvars = var.env_vs_tfvars
    json_auto     = var.json_auto
    env_list      = jsonencode(var.env_list)
    env_map       = jsonencode(var.env_map)
  }
}
