# An S3 bucket module in the style of community modules: optional features
# switched by count on length(keys(...)), dynamic blocks over try(...) of
# nested optional maps, jsondecode of a policy input, lifecycle rules from a
# list of maps with lookup() defaults.
module "logs" {
  source = "./modules/bucket"
  bucket = "rampart-real-logs"
  versioning = {
    enabled = true
  }
  server_side_encryption_configuration = {
    rule = {
      apply_server_side_encryption_by_default = {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = "arn:aws:kms:us-east-1:123456789012:key/abc"
      }
      bucket_key_enabled = true
    }
  }
  lifecycle_rule = [
    {
      id      = "archive"
      enabled = true
      transition = [
        { days = 30, storage_class = "STANDARD_IA" },
        { days = 60, storage_class = "GLACIER" },
      ]
      expiration = { days = 365 }
    },
    {
      id      = "tmp"
      enabled = false
      filter  = { prefix = "tmp/" }
    },
  ]
}

module "plain" {
  source = "./modules/bucket"
  bucket = "rampart-real-plain"
}
