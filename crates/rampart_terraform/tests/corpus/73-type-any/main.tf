# Variables typed any, list(any), map(any) and object with any attribute:
# unification of element types at the variable boundary.
variable "anything" {
  type    = any
  default = { a = 1, b = ["x"] }
}
variable "list_any" {
  type    = list(any)
  default = [1, 2, 3]
}
variable "map_any" {
  type    = map(any)
  default = { a = "1", b = 2 }
}

resource "aws_sns_topic" "t" {
  name = "type-any"
  tags = {
    anything = jsonencode(var.anything)
    list_any = jsonencode(var.list_any)
    map_any  = jsonencode(var.map_any)
  }
}
