# -var-file with a .tfvars.json file and an HCL file, -var with a complex
# (HCL syntax) value for a list and a map variable.
variable "queues" {
  type = list(string)
}
variable "limits" {
  type = map(number)
}
variable "label" {
  type = string
}

resource "aws_sqs_queue" "q" {
  for_each                  = toset(var.queues)
  name                      = "${var.label}-${each.key}"
  max_message_size          = lookup(var.limits, each.key, 2048)
  message_retention_seconds = var.limits["retention"]
}
