# Scoping: locals and variables with the same names in the root and a child
# module keep their own values; templatefile() over a sensitive value gives a
# sensitive result; a sensitive value inside jsonencode of a list.
variable "name" {
  default = "root-name"
}
variable "pw" {
  default   = "pw-123"
  sensitive = true
}

locals {
  label = "root-label"
}

module "child" {
  source = "./modules/child"
  name   = "child-name"
}

resource "aws_sns_topic" "root" {
  name = "scope-root"
  tags = {
    Name  = var.name
    Label = local.label
    Child = module.child.summary
  }
}

resource "aws_ssm_parameter" "tmpl" {
  name  = "/scope/tmpl"
  type  = "String"
  value = templatefile("${path.module}/conf.tftpl", { pw = var.pw, user = "app" })
}

resource "aws_sqs_queue" "json_list" {
  name   = "scope-json-list"
  policy = jsonencode({ Statement = [{ Sid = var.pw }] })
}
