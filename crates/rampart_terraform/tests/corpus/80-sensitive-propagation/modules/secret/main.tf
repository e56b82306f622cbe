variable "value" {
  sensitive = true
}

output "upper" {
  value     = upper(var.value)
  sensitive = true
}
