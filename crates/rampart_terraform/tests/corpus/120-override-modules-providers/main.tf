# Override files for module calls, provider configurations and the terraform
# block: an override file replaces a module call's source, an input and its
# count; the module's resources follow; a provider's region and the
# required_providers entries are merged.
terraform {
  required_version = ">= 1.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 4.0"
    }
  }
}

module "app" {
  source = "./modules/a"
  name   = "base"
  tier   = "web"
  count  = 1
}

module "kept" {
  source = "./modules/a"
  name   = "kept"
  tier   = "db"
}

provider "aws" {
  region                      = "us-west-2"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}
