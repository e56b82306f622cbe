# Type constraints convert values: strings to numbers and bools, numbers to
# strings in list(string), tuples to sets (sorted, deduplicated), objects to
# maps, map(number) from strings; tfvars give strings for number variables.
variable "port" {
  type = number
}
variable "enabled" {
  type = bool
}
variable "mixed" {
  type    = list(string)
  default = [1, "two", true]
}
variable "ids" {
  type    = set(string)
  default = ["c", "a", "b", "a"]
}
variable "sizes" {
  type    = map(number)
  default = { small = "1", large = "10" }
}

resource "aws_security_group" "sg" {
  name        = "conv"
  description = "port ${var.port} enabled ${var.enabled}"
  ingress {
    from_port   = var.port
    to_port     = var.port + 1
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
    description = join(",", var.mixed)
  }
  tags = {
    ids   = join(",", var.ids)
    first = tolist(var.ids)[0]
    total = var.sizes.small + var.sizes.large
    str   = tostring(var.port)
    bool  = var.enabled ? "yes" : "no"
  }
}
