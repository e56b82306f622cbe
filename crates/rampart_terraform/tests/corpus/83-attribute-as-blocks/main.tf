# Nested blocks written with attribute syntax (security group ingress and
# egress as lists of objects, every field given), including an empty list.
resource "aws_security_group" "attr" {
  name        = "attr-syntax"
  description = "attributes as blocks"
  ingress = [
    {
      from_port        = 443
      to_port          = 443
      protocol         = "tcp"
      cidr_blocks      = ["0.0.0.0/0"]
      ipv6_cidr_blocks = []
      prefix_list_ids  = []
      security_groups  = []
      self             = false
      description      = "https"
    },
  ]
  egress = []
}
