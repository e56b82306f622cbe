variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "project" {
  type    = string
  default = "shop"
}

variable "environment" {
  type        = string
  description = "Deployment stage: dev, staging or prod."
  default     = "dev"
}

variable "db_instance_class" {
  type    = string
  default = "db.t3.medium"
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "extra_tags" {
  type    = map(string)
  default = {}
}
