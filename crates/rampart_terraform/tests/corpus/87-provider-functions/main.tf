# Provider-defined functions of the AWS provider (terraform >= 1.8):
# provider::aws::arn_parse, arn_build, trim_iam_role_path.
terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

locals {
  parsed = provider::aws::arn_parse("arn:aws:iam::123456789012:role/path/to/role")
}

resource "aws_sns_topic" "t" {
  name = "provider-functions"
  tags = {
    Account = local.parsed.account_id
    Service = local.parsed.service
    Built   = provider::aws::arn_build("aws", "s3", "", "", "my-bucket")
    Trimmed = provider::aws::trim_iam_role_path("arn:aws:iam::123456789012:role/path/to/role")
  }
}
