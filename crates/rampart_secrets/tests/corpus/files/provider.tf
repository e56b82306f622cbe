provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAD7QML7YCOOITNORQ"
  secret_key = "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"
}

provider "aws" {
  alias      = "docs"
  access_key = var.aws_access_key
  secret_key = var.aws_secret_key
  token      = data.vault_aws_access_credentials.creds.security_token
}
resource "aws_db_instance" "main" {
  engine            = "postgres"
  password          = "RYF1idQ.H8olZdPR"
  username          = "dbadmin"
  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
resource "aws_rds_cluster" "aurora" {
  master_password   = "7xS_SP117e3zNGIcU1X9"
  master_username   = "root"
}
resource "aws_rds_cluster" "aurora2" {
  master_password   = random_password.db.result
  master_password_wo = var.db_password
}
resource "aws_iam_access_key" "ci" {
  pgp_key = "keybase:ops"
}
resource "aws_secretsmanager_secret_version" "api" {
  secret_id     = aws_secretsmanager_secret.api.id
  secret_string = "I1riP7CmH6S4gYe2Jt2TUbzOa2KkfX4g"
}
resource "aws_secretsmanager_secret_version" "api2" {
  secret_string = jsonencode({ password = random_password.api.result })
}
