# sensitive() and nonsensitive(): marks added and removed explicitly,
# sensitive values inside a map (the whole attribute becomes sensitive in
# after_sensitive only where marked).
variable "secret" {
  default   = "s3cr3t"
  sensitive = true
}

resource "aws_ssm_parameter" "marked" {
  name  = "/app/marked"
  type  = "String"
  value = sensitive("plain-but-marked")
}

resource "aws_ssm_parameter" "unmarked" {
  name  = "/app/unmarked"
  type  = "String"
  value = nonsensitive(var.secret)
}

resource "aws_sns_topic" "t" {
  name = "sensitive-tags"
  tags = {
    Public = "visible"
    Hidden = var.secret
  }
}
