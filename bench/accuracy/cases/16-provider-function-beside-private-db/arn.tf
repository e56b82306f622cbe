locals {
  # Provider-defined function (Terraform 1.8+, AWS provider 5.40+).
  key_parts = provider::aws::arn_parse("arn:aws:kms:us-east-1:123456789012:key/abcd")
  key_account = local.key_parts.account_id
}

output "key_account" {
  value = local.key_account
}
