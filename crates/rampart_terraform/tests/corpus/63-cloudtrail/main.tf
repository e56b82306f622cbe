# CloudTrail with event selectors (nested data_resource blocks), advanced
# event selectors, insight selectors, and a CloudWatch log group.
resource "aws_cloudwatch_log_group" "trail" {
  name              = "/aws/cloudtrail/rampart"
  retention_in_days = 365
}

resource "aws_cloudtrail" "main" {
  name                          = "rampart-trail"
  s3_bucket_name                = "rampart-trail-bucket"
  include_global_service_events = true
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  kms_key_id                    = "arn:aws:kms:us-east-1:123456789012:key/abcd"
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"

  event_selector {
    read_write_type           = "All"
    include_management_events = true
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }

  insight_selector {
    insight_type = "ApiCallRateInsight"
  }
}

resource "aws_cloudtrail" "advanced" {
  name           = "rampart-advanced"
  s3_bucket_name = "rampart-trail-bucket"

  advanced_event_selector {
    name = "s3 data"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }
}
