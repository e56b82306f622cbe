# Override files: main.tf declares resources and variables, override.tf and
# x_override.tf replace arguments (top-level attributes, a nested block,
# a variable default, a local) the way terraform merges them.
variable "size" {
  default = "small"
}

locals {
  label = "base"
}

resource "aws_sqs_queue" "q" {
  name          = "override-${var.size}-${local.label}"
  delay_seconds = 1
  tags = {
    Source = "main"
    Keep   = "yes"
  }
}

resource "aws_s3_bucket_versioning" "v" {
  bucket = "rampart-override"
  versioning_configuration {
    status = "Suspended"
  }
}
