# KMS key with a key policy (jsonencode) and alias, SQS queues encrypted
# with the key and with SSE-SQS, a dead-letter redrive policy, an SNS topic
# with a KMS key and a subscription.
resource "aws_kms_key" "k" {
  description             = "messaging"
  enable_key_rotation     = true
  deletion_window_in_days = 10
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Root"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_kms_alias" "a" {
  name          = "alias/messaging"
  target_key_id = aws_kms_key.k.key_id
}

resource "aws_sqs_queue" "dlq" {
  name                    = "dlq"
  sqs_managed_sse_enabled = true
}

resource "aws_sqs_queue" "main" {
  name                              = "main"
  kms_master_key_id                 = aws_kms_alias.a.name
  kms_data_key_reuse_period_seconds = 600
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 4
  })
}

resource "aws_sns_topic" "t" {
  name              = "events"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_sns_topic_subscription" "s" {
  topic_arn = aws_sns_topic.t.arn
  protocol  = "sqs"
  endpoint  = aws_sqs_queue.main.arn
}
