# Precedence of variable sources: default < terraform.tfvars <
# *.auto.tfvars (lexical order) < -var-file / -var (command-line order).
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
variable "e" { default = "default" }
variable "f" { default = "default" }

resource "aws_sns_topic" "t" {
  name = "precedence"
  tags = {
    a = var.a
    b = var.b
    c = var.c
    d = var.d
    e = var.e
    f = var.f
  }
}
