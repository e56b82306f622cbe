# References between counted resources: known config values through an
# index, unknown computed ids, element() wrap-around, length of a splat.
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "s" {
  count             = 3
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 4, count.index)
  availability_zone = element(["us-east-1a", "us-east-1b"], count.index)
}

resource "aws_instance" "i" {
  count         = 2
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.s[count.index].id
  tags = {
    Cidr   = aws_subnet.s[count.index].cidr_block
    AZ     = aws_subnet.s[count.index].availability_zone
    Total  = length(aws_subnet.s)
    Blocks = join(",", aws_subnet.s[*].cidr_block)
  }
}
