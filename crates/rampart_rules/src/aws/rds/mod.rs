//! Amazon RDS rules (instances and Aurora clusters), and the storage
//! encryption check shared with DocumentDB and Neptune clusters.

pub mod backup_retention;
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
