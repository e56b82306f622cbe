# Meta-arguments that are not resource attributes: depends_on, lifecycle
# (ignore_changes, create_before_destroy, prevent_destroy), provider alias,
# provisioner-free resources; a second aliased provider.
provider "aws" {
  alias                       = "west"
  region                      = "us-west-2"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}

resource "aws_s3_bucket" "east" {
  bucket = "rampart-meta-east"
  lifecycle {
    ignore_changes        = [tags]
    create_before_destroy = true
    prevent_destroy       = false
  }
}

resource "aws_s3_bucket" "west" {
  provider   = aws.west
  bucket     = "rampart-meta-west"
  depends_on = [aws_s3_bucket.east]
}
