# Sensitive variables flow into resource arguments (marked sensitive in the
# plan), including through string templates and a local.
variable "db_password" {
  type      = string
  sensitive = true
  default   = "correct-horse-battery"
}
variable "api_token" {
  type      = string
  sensitive = true
  default   = "tok-123"
}

locals {
  conn = "user:${var.db_password}@db"
}

resource "aws_db_instance" "db" {
  identifier          = "rampart-db"
  allocated_storage   = 20
  engine              = "postgres"
  engine_version      = "16.3"
  instance_class      = "db.t3.micro"
  username            = "admin"
  password            = var.db_password
  skip_final_snapshot = true
  storage_encrypted   = true
}

resource "aws_ssm_parameter" "token" {
  name  = "/app/token"
  type  = "SecureString"
  value = var.api_token
}

resource "aws_ssm_parameter" "conn" {
  name  = "/app/conn"
  type  = "SecureString"
  value = local.conn
}
