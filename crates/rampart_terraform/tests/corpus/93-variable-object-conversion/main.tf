# Conversion into object types: attributes not in the type are dropped,
# optional defaults inside lists of objects and maps of objects, default
# objects for absent optional objects, set(object) variables.
variable "app" {
  type = object({
    name = string
    size = optional(number, 1)
  })
  default = {
    name  = "web"
    extra = "dropped"
  }
}
variable "listeners" {
  type = list(object({
    port     = number
    protocol = optional(string, "HTTPS")
    options = optional(object({
      timeout = optional(number, 30)
      tls     = optional(bool, true)
    }), {})
  }))
  default = [
    { port = 443 },
    { port = 80, protocol = "HTTP", options = { timeout = 5 } },
  ]
}
variable "rules" {
  type = set(object({
    name = string
    prio = number
  }))
  default = [
    { name = "b", prio = 2 },
    { name = "a", prio = 1 },
    { name = "b", prio = 2 },
  ]
}

resource "aws_sns_topic" "t" {
  name = "object-conversion"
  tags = {
    App       = jsonencode(var.app)
    Listeners = jsonencode(var.listeners)
    Rules     = jsonencode(var.rules)
    RuleCount = length(var.rules)
  }
}
