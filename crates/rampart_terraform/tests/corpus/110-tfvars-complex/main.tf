# Complex values from variable files: a heredoc in terraform.tfvars, nested
# objects and lists, a JSON var file with nested objects, -var with a list of
# objects in HCL syntax, numbers given as strings converted by the type.
variable "motd" {
  type = string
}
variable "cluster" {
  type = object({
    name  = string
    nodes = list(object({ size = string, count = number }))
    tags  = map(string)
  })
}
variable "extra" {
  type = map(object({ port = number, public = bool }))
}
variable "rules" {
  type = list(object({ name = string, prio = number }))
}

resource "aws_sns_topic" "t" {
  name = "tfvars-${var.cluster.name}"
  tags = merge(var.cluster.tags, {
    Motd  = var.motd
    Nodes = jsonencode(var.cluster.nodes)
    Extra = jsonencode(var.extra)
    Rules = join(",", [for r in var.rules : "${r.name}:${r.prio}"])
    Total = sum([for n in var.cluster.nodes : n.count])
  })
}
