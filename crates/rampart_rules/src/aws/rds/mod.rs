//! Amazon RDS rules (instances and Aurora clusters), and the storage
//! encryption check shared with DocumentDB and Neptune clusters.

pub mod auto_minor_version_upgrade;
pub mod backup_retention;
pub mod cluster_backup_retention;
pub mod cluster_deletion_protection;
pub mod cluster_storage_encrypted;
pub mod deletion_protection;
pub mod iam_authentication;
pub mod multi_az;
pub mod no_public_access;
pub mod storage_encrypted;

use rampart_model::Resource;

use crate::rule::Check;
use crate::util::{expect_flag, field, Field};

/// `storage_encrypted` must be true. When it is not written and one of
/// `inherits_from` is (a snapshot, a replication source), the encryption
/// follows that source and the result is Unknown; otherwise `default` (the
/// AWS provider 5.x default) applies.
pub fn expect_storage_encrypted(
    res: &Resource,
    default: bool,
    inherits_from: &[&str],
    what: &str,
) -> Check {
    if field(&res.body, "storage_encrypted").is_missing() {
        for src in inherits_from {
            if let Some(a) = res.body.attr(src).filter(|a| !a.value.is_null()) {
                return Check::unknown(
                    a.span,
                    format!(
                        "{what}: `storage_encrypted` is not set, so encryption follows `{src}`, \
                         which cannot be inspected here"
                    ),
                )
                .at("storage_encrypted");
            }
        }
    }
    expect_flag(
        &res.body,
        res.span,
        "storage_encrypted",
        true,
        default,
        what,
    )
}

/// The engine name when it is known (`mysql`, `postgres`, ...).
pub fn engine(res: &Resource) -> Option<&str> {
    match field(&res.body, "engine") {
        Field::Known(v, _) => v.as_str(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use rampart_model::Status;

    use crate::aws::kms::testing::statuses;

    #[test]
    fn snapshot_restores_are_unknown() {
        let s = statuses(
            &super::storage_encrypted::RULE,
            r#"resource "aws_db_instance" "restored" {
  identifier          = "restored"
  instance_class      = "db.t3.micro"
  snapshot_identifier = "orders-2024-01-01"
}
"#,
        );
        assert_eq!(s, vec![Status::Unknown]);
        let s = statuses(
            &super::cluster_storage_encrypted::RULE,
            r#"resource "aws_rds_cluster" "restored" {
  cluster_identifier  = "restored"
  engine              = "aurora-mysql"
  snapshot_identifier = "events-final"
}
"#,
        );
        assert_eq!(s, vec![Status::Unknown]);
    }

    #[test]
    fn replica_of_unencrypted_source_fails_and_is_not_backed_up_itself() {
        let code = r#"resource "aws_db_instance" "src" {
  identifier              = "src"
  engine                  = "mysql"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  backup_retention_period = 7
}
resource "aws_db_instance" "replica" {
  identifier          = "replica"
  replicate_source_db = aws_db_instance.src.identifier
  instance_class      = "db.t3.micro"
}
"#;
        assert_eq!(
            statuses(&super::storage_encrypted::RULE, code),
            vec![Status::Fail, Status::Fail]
        );
        assert_eq!(
            statuses(&super::backup_retention::RULE, code),
            vec![Status::Pass, Status::NotApplicable]
        );
    }

    #[test]
    fn retention_from_unset_variable_is_unknown() {
        let s = statuses(
            &super::backup_retention::RULE,
            r#"variable "days" {
  type = number
}
resource "aws_db_instance" "db" {
  identifier              = "db"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  backup_retention_period = var.days
}
"#,
        );
        assert_eq!(s, vec![Status::Unknown]);
    }
}
