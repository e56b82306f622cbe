# A file with Windows (CRLF) line endings: attributes, a heredoc, an
# indented heredoc and a template directive spanning lines.
variable "items" {
  default = ["a", "b"]
}

resource "aws_instance" "i" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = <<EOT
line one
  line two
EOT
  tags = {
    Indented = <<-EOT
      first
        second
    EOT
    Loop = "%{for i in var.items}${i};%{endfor}"
  }
}
