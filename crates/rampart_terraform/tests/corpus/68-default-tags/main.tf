# Provider default_tags merged into tags_all by the provider; resource tags
# as written stay in `tags`.
resource "aws_sqs_queue" "q" {
  name = "default-tags"
  tags = {
    Name = "q"
    Env  = "resource-level"
  }
}

resource "aws_sns_topic" "t" {
  name = "default-tags"
}
