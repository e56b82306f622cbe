# RDS: a DB instance with many security-relevant settings, a subnet group and
# a parameter group with parameter blocks, an RDS cluster.
resource "aws_db_subnet_group" "g" {
  name       = "rampart-db"
  subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_db_parameter_group" "pg" {
  name   = "rampart-pg"
  family = "postgres16"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
  parameter {
    name         = "log_connections"
    value        = "1"
    apply_method = "pending-reboot"
  }
}

resource "aws_db_instance" "db" {
  identifier                          = "rampart-prod"
  engine                              = "postgres"
  engine_version                      = "16.3"
  instance_class                      = "db.m5.large"
  allocated_storage                   = 100
  max_allocated_storage               = 500
  storage_encrypted                   = true
  publicly_accessible                 = false
  multi_az                            = true
  backup_retention_period             = 14
  deletion_protection                 = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  performance_insights_enabled        = true
  monitoring_interval                 = 0
  enabled_cloudwatch_logs_exports     = ["postgresql", "upgrade"]
  username                            = "dbadmin"
  manage_master_user_password         = true
  db_subnet_group_name                = aws_db_subnet_group.g.name
  parameter_group_name                = aws_db_parameter_group.pg.name
  skip_final_snapshot                 = false
  final_snapshot_identifier           = "rampart-final"
}

resource "aws_rds_cluster" "c" {
  cluster_identifier      = "rampart-aurora"
  engine                  = "aurora-postgresql"
  master_username         = "admin"
  master_password         = "not-a-real-password"
  storage_encrypted       = false
  backup_retention_period = 1
  skip_final_snapshot     = true
}
