# Terraform's JSON configuration syntax (.tf.json) next to native files:
# variables, locals, resources with interpolated strings, nested blocks as
# JSON objects and arrays, a "//" comment property, references across formats.
resource "aws_sns_topic" "native" {
  name = "native-${local.json_local}"
}
