//! The list of built-in rules. One line per rule file; the test
//! `registry_lists_every_rule_file` fails when a file is missing here.

use crate::aws;
use crate::rule::Rule;

/// Every built-in rule, ordered by id.
pub static ALL: &[&Rule] = &[
    // aws/s3
    &aws::s3::public_access_block::RULE,
    &aws::s3::bucket_versioning::RULE,
];

pub fn all() -> &'static [&'static Rule] {
    ALL
}

pub fn find(id_or_name: &str) -> Option<&'static Rule> {
    ALL.iter()
        .copied()
        .find(|r| r.meta.id.eq_ignore_ascii_case(id_or_name) || r.meta.name == id_or_name)
}
