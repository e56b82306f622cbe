# Heredocs: <<EOT keeps indentation, <<-EOT strips the common leading
# whitespace, interpolation and directives inside heredocs.
variable "ports" {
  default = [80, 443]
}

resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = <<EOT
#!/bin/bash
  echo "indented stays"
echo ${length(var.ports)} ports
EOT
  tags = {
    Indented = <<-EOT
      first line
        second line deeper
      third
    EOT
    Directives = <<-EOT
      %{~for p in var.ports~}
      port ${p}
      %{~endfor~}
    EOT
  }
}
