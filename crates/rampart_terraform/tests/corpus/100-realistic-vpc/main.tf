# A VPC module in the style of popular community modules: create flags,
# count from list lengths, element() over azs, format() names, merge of
# several tag maps, legacy splat + concat + element fallbacks, try() chains,
# a NAT gateway per AZ or a single one, outputs used at the root.
module "vpc" {
  source          = "./modules/vpc"
  name            = "prod"
  cidr            = "10.10.0.0/16"
  azs             = ["us-east-1a", "us-east-1b", "us-east-1c"]
  public_subnets  = ["10.10.1.0/24", "10.10.2.0/24", "10.10.3.0/24"]
  private_subnets = ["10.10.11.0/24", "10.10.12.0/24"]
  single_nat      = true
  tags            = { Project = "rampart" }
  public_subnet_tags = {
    Tier = "public"
  }
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "app in ${module.vpc.name}"
  vpc_id      = module.vpc.vpc_id
  tags        = { Subnets = join(",", module.vpc.public_cidrs) }
}
