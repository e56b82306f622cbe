# Modules nested three deep (root -> app -> storage -> bucket), values
# passed down and outputs passed back up through every level.
module "app" {
  source = "./modules/app"
  env    = "prod"
  tags   = { Owner = "root" }
}

resource "aws_sns_topic" "t" {
  name = "nested-${module.app.bucket_name}"
}
