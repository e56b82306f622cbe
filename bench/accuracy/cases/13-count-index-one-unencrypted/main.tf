provider "aws" {
  region = "us-east-1"
}

resource "aws_ebs_volume" "data" {
  count             = 3
  availability_zone = "us-east-1a"
  size              = 50
  # volume 1 is left unencrypted
  encrypted = count.index != 1
}
