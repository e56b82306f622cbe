# Module calls with a providers map (aliased provider), optional object
# inputs with defaults declared in the module, terraform.workspace and
# path.root inside a module, a module input computed from another module.
provider "aws" {
  alias                       = "west"
  region                      = "us-west-2"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}

module "east" {
  source = "./modules/svc"
  name   = "east"
  config = { retention = 3 }
}

module "west" {
  source    = "./modules/svc"
  providers = { aws = aws.west }
  name      = "west-after-${module.east.name}"
  config    = {}
}
