# A security group module driven by named rule presets: rule names looked up
# in a map of [from, to, protocol, description] tuples, for_each over
# composite keys, ingress_with_cidr_blocks lists of maps with lookup()
# defaults and split() of comma-separated CIDRs.
module "web_sg" {
  source              = "./modules/sg"
  name                = "web"
  ingress_rules       = ["https-443-tcp", "http-80-tcp"]
  ingress_cidr_blocks = ["0.0.0.0/0"]
  ingress_with_cidr_blocks = [
    {
      from_port   = 8080
      to_port     = 8090
      protocol    = "tcp"
      description = "app ports"
      cidr_blocks = "10.0.0.0/8,172.16.0.0/12"
    },
    {
      rule        = "ssh-22-tcp"
      cidr_blocks = "10.1.0.0/16"
    },
  ]
}
