variable "db_password" {
  type      = string
  default   = "nmRVdDIAB3-07VJS"
}
variable "datadog_key" {
  type      = string
  sensitive = true
  default   = "7r8GWN5R2YH3pYCf6dXakPrpPQPbJR"
}
variable "github_webhook_secret" {
  default   = "YzrIr8yfHjdkTS9CWSvJeld5Lre1ccpN66KMkDdY"
  sensitive = true
}
variable "instance_type" {
  default   = "m5.large"
}
variable "admin_password" {
  type      = string
  sensitive = true
  default   = ""
}
variable "api_token" {
  default   = null
}
variable "bucket_name" {
  default   = "logs-633b9a980b09"
}
variable "tags" {
  default = {
    owner = "platform"
  }
}
