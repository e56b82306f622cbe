# Variables with defaults of every type (string, number, bool, list, map,
# object, tuple, set) used in resource arguments; a variable without type.
variable "name" {
  type    = string
  default = "rampart-defaults"
}
variable "delay" {
  type    = number
  default = 30
}
variable "fifo" {
  type    = bool
  default = false
}
variable "owners" {
  type    = list(string)
  default = ["alice", "bob"]
}
variable "tags" {
  type = map(string)
  default = {
    Team = "platform"
    Env  = "dev"
  }
}
variable "settings" {
  type = object({
    retention = number
    visibility = number
    label     = string
  })
  default = {
    retention  = 86400
    visibility = 45
    label      = "main"
  }
}
variable "pair" {
  type    = tuple([string, number])
  default = ["x", 2]
}
variable "zones" {
  type    = set(string)
  default = ["b", "a", "b"]
}
variable "untyped" {
  default = "plain"
}

resource "aws_sqs_queue" "q" {
  name                       = "${var.name}-${var.settings.label}"
  delay_seconds              = var.delay
  fifo_queue                 = var.fifo
  message_retention_seconds  = var.settings.retention
  visibility_timeout_seconds = var.settings.visibility
  tags = merge(var.tags, {
    Owners = join(",", var.owners)
    Pair   = "${var.pair[0]}-${var.pair[1]}"
    Zones  = join(",", var.zones)
    Plain  = var.untyped
  })
}
