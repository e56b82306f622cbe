provider "aws" {
  region = "us-east-1"
}

resource "aws_ebs_volume" "data" {
  count             = 3
  availability_zone = "us-east-1a"
  size              = 50
  # "!= 7" never matches an index below 3: every volume is encrypted
  encrypted = count.index != 7
}
