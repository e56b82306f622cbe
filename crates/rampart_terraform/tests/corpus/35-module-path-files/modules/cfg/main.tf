variable "app" {}
variable "ports" {
  type = list(number)
}

resource "aws_instance" "i" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data = templatefile("${path.module}/templates/init.sh.tftpl", {
    app   = var.app
    ports = var.ports
  })
  tags = {
    Motd = file("${path.module}/templates/motd.txt")
    Path = path.module
  }
}
