module "net" {
  source  = "terraform-aws-modules/net/aws"
  version = "1.2.3"
  cidr    = "10.0.0.0/16"
}

module "gone" {
  source = "git::https://example.com/gone.git"
}

resource "aws_flow_log" "f" {
  vpc_id   = module.net.vpc_id
  log_dest = module.gone.arn
}
