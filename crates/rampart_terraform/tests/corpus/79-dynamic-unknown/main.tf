# dynamic blocks whose for_each is known but whose contents are unknown
# (ids of other resources), and a block whose for_each is itself unknown.
resource "aws_security_group" "src" {
  for_each    = toset(["a", "b"])
  name        = "src-${each.key}"
  description = "source"
}

resource "aws_security_group" "dst" {
  name        = "dst"
  description = "rules from other groups"
  dynamic "ingress" {
    for_each = aws_security_group.src
    content {
      from_port       = 443
      to_port         = 443
      protocol        = "tcp"
      security_groups = [ingress.value.id]
      description     = "from ${ingress.key}"
    }
  }
}

resource "aws_security_group" "unknown_each" {
  name        = "unknown-each"
  description = "for_each over unknown ids"
  dynamic "egress" {
    for_each = values(aws_security_group.src)[*].id
    content {
      from_port       = 0
      to_port         = 0
      protocol        = "-1"
      security_groups = [egress.value]
    }
  }
}
