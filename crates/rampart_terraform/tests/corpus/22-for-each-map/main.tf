# for_each over a map of objects and over a map of strings; keys with
# characters that need quoting in addresses.
variable "queues" {
  default = {
    orders = { delay = 5, fifo = false }
    "billing.events" = { delay = 0, fifo = false }
    "Audit Log" = { delay = 15, fifo = false }
  }
}

resource "aws_sqs_queue" "q" {
  for_each      = var.queues
  name          = replace(lower(each.key), "/[^a-z0-9]+/", "-")
  delay_seconds = each.value.delay
  fifo_queue    = each.value.fifo
  tags = {
    Original = each.key
  }
}

resource "aws_sns_topic" "t" {
  for_each = { a = "alpha", b = "beta" }
  name     = each.value
  tags     = { Key = each.key }
}
