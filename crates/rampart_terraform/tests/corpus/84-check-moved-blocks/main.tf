# Blocks that produce no resources: terraform settings, moved, check with
# assert, output with precondition, locals split over several blocks.
terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

locals {
  name = "checked"
}

locals {
  full = "${local.name}-topic"
}

moved {
  from = aws_sns_topic.old
  to   = aws_sns_topic.t
}

resource "aws_sns_topic" "t" {
  name = local.full
}

check "name_ok" {
  assert {
    condition     = length(local.full) < 64
    error_message = "too long"
  }
}

output "name" {
  value = aws_sns_topic.t.name
  precondition {
    condition     = local.name != ""
    error_message = "empty"
  }
}
