# for_each with known keys and unknown values (computed ids) and with
# objects mixing known and unknown attributes.
resource "aws_sns_topic" "t" {
  for_each = toset(["a", "b"])
  name     = "topic-${each.key}"
}

resource "aws_sqs_queue" "q" {
  for_each = {
    for k, t in aws_sns_topic.t : k => {
      arn  = t.arn
      name = t.name
    }
  }
  name = "${each.value.name}-q"
  tags = {
    TopicArn  = each.value.arn
    TopicName = each.value.name
  }
}
