provider "aws" {
  region = "us-east-1"
}

locals {
  db_defaults = {
    storage_encrypted   = false
    publicly_accessible = false
  }
  # The override turns encryption on.
  db = merge(local.db_defaults, { storage_encrypted = true })
}

resource "aws_db_instance" "main" {
  identifier                  = "trap-db"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = local.db.storage_encrypted
  publicly_accessible         = local.db.publicly_accessible
  skip_final_snapshot         = true
}
