# Set ordering as terraform shows it: toset of strings (lexical), of numbers
# (numeric), sets built from for expressions, sort() on strings with
# numbers, distinct keeping first occurrence order.
locals {
  strs    = toset(["b", "a", "B", "10", "9"])
  nums    = toset([10, 9, 100, 1.5])
  derived = toset([for x in ["z", "y", "z"] : upper(x)])
  sorted  = sort(["10", "9", "b", "A"])
  dist    = distinct(["c", "a", "c", "b"])
}

resource "aws_sns_topic" "t" {
  name = "sets"
  tags = {
    strs    = jsonencode(local.strs)
    nums    = jsonencode(local.nums)
    derived = jsonencode(local.derived)
    sorted  = jsonencode(local.sorted)
    dist    = jsonencode(local.dist)
  }
}

resource "aws_security_group" "sg" {
  name        = "sets"
  description = "set attrs"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0", "172.16.0.0/12"]
  }
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
