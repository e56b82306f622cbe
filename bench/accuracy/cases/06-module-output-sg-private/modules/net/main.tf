variable "admin_cidrs" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}

output "admin_cidrs" {
  value = var.admin_cidrs
}
