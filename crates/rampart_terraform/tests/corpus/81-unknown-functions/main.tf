# Functions and operators over unknown values: results are unknown (length
# of a known list of unknowns is known), try() and coalesce() with unknowns,
# conditionals whose condition is unknown.
resource "aws_kms_key" "k" {
  description = "unknown functions"
}

resource "aws_sqs_queue" "q" {
  name = "unknown-functions"
  tags = {
    Upper      = upper(aws_kms_key.k.arn)
    LenList    = length([aws_kms_key.k.arn, aws_kms_key.k.key_id])
    Try        = try(aws_kms_key.k.arn, "fallback")
    Coalesce   = coalesce(aws_kms_key.k.key_id, "x")
    Cond       = aws_kms_key.k.arn != "" ? "set" : "unset"
    KnownDesc  = aws_kms_key.k.description
    Templ      = "key ${aws_kms_key.k.key_id}!"
    Json       = jsonencode({ arn = aws_kms_key.k.arn })
    KnownJson  = jsonencode({ desc = aws_kms_key.k.description })
  }
}
