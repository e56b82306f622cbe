//! The list of built-in rules. One line per rule file; the test
//! `registry_lists_every_rule_file` fails when a file is missing here.

use crate::aws;
use crate::dockerfile;
use crate::github;
use crate::kubernetes;
use crate::rule::Rule;
use crate::terraform;

/// Every built-in rule, ordered by id.
pub static ALL: &[&Rule] = &[
    // aws/s3
    &aws::s3::public_access_block::RULE,
    &aws::s3::block_public_acls::RULE,
    &aws::s3::block_public_policy::RULE,
    &aws::s3::ignore_public_acls::RULE,
    &aws::s3::bucket_versioning::RULE,
    &aws::s3::restrict_public_buckets::RULE,
    &aws::s3::encryption_customer_key::RULE,
    &aws::s3::server_access_logging::RULE,
    &aws::s3::tls_only_policy::RULE,
    &aws::s3::no_public_acl::RULE,
    // aws/kms
    &aws::kms::key_rotation::RULE,
    &aws::kms::key_policy_wildcard::RULE,
    // aws/rds, aws/docdb, aws/neptune
    &aws::rds::storage_encrypted::RULE,
    &aws::rds::no_public_access::RULE,
    &aws::rds::backup_retention::RULE,
    &aws::rds::deletion_protection::RULE,
    &aws::rds::iam_authentication::RULE,
    &aws::rds::multi_az::RULE,
    &aws::rds::cluster_storage_encrypted::RULE,
    &aws::rds::cluster_deletion_protection::RULE,
    &aws::rds::cluster_backup_retention::RULE,
    &aws::rds::auto_minor_version_upgrade::RULE,
    &aws::docdb::cluster_storage_encrypted::RULE,
    &aws::docdb::cluster_customer_key::RULE,
    &aws::neptune::cluster_storage_encrypted::RULE,
    // aws/dynamodb
    &aws::dynamodb::point_in_time_recovery::RULE,
    &aws::dynamodb::table_customer_key::RULE,
    &aws::dynamodb::dax_encryption::RULE,
    // aws/ebs
    &aws::ebs::volume_encrypted::RULE,
    &aws::ebs::encryption_by_default::RULE,
    // aws/elasticache
    &aws::elasticache::at_rest_encryption::RULE,
    &aws::elasticache::in_transit_encryption::RULE,
    &aws::elasticache::snapshot_retention::RULE,
    // aws/opensearch
    &aws::opensearch::encrypt_at_rest::RULE,
    &aws::opensearch::node_to_node_encryption::RULE,
    &aws::opensearch::enforce_https::RULE,
    &aws::opensearch::tls_policy::RULE,
    // aws/secretsmanager
    &aws::secretsmanager::rotation::RULE,
    &aws::secretsmanager::customer_key::RULE,
    // aws/sns, aws/sqs, aws/backup
    &aws::sns::topic_encryption::RULE,
    &aws::sqs::queue_encryption::RULE,
    &aws::backup::vault_customer_key::RULE,
    // aws/vpc
    &aws::vpc::sg_no_public_ssh::RULE,
    &aws::vpc::sg_no_public_rdp::RULE,
    &aws::vpc::sg_no_public_all_traffic::RULE,
    &aws::vpc::default_security_group::RULE,
    &aws::vpc::flow_logs::RULE,
    &aws::vpc::sg_no_public_egress_all::RULE,
    &aws::vpc::nacl_no_public_admin_ports::RULE,
    &aws::vpc::subnet_no_public_ip::RULE,
    // aws/ec2
    &aws::ec2::instance_imdsv2::RULE,
    &aws::ec2::launch_template_imdsv2::RULE,
    &aws::ec2::instance_no_public_ip::RULE,
    &aws::ec2::launch_configuration_no_public_ip::RULE,
    &aws::ec2::launch_configuration_encrypted::RULE,
    &aws::ec2::launch_template_encrypted::RULE,
    &aws::ec2::instance_ebs_encrypted::RULE,
    // aws/provider
    &aws::provider::no_hardcoded_credentials::RULE,
    // aws/cloudtrail
    &aws::cloudtrail::multi_region::RULE,
    &aws::cloudtrail::log_file_validation::RULE,
    &aws::cloudtrail::kms_encryption::RULE,
    &aws::cloudtrail::cloudwatch_integration::RULE,
    // aws/config
    &aws::config::recorder_all_resources::RULE,
    &aws::config::aggregator_all_regions::RULE,
    // aws/guardduty
    &aws::guardduty::detector_enabled::RULE,
    // aws/elb
    &aws::elb::listener_https::RULE,
    &aws::elb::listener_tls_policy::RULE,
    &aws::elb::drop_invalid_headers::RULE,
    &aws::elb::access_logs::RULE,
    // aws/cloudfront
    &aws::cloudfront::viewer_https::RULE,
    &aws::cloudfront::minimum_tls::RULE,
    &aws::cloudfront::access_logging::RULE,
    &aws::cloudfront::waf::RULE,
    // aws/eks
    &aws::eks::secrets_encryption::RULE,
    &aws::eks::no_public_endpoint::RULE,
    &aws::eks::control_plane_logging::RULE,
    &aws::eks::public_access_cidrs::RULE,
    // aws/lambda
    &aws::lambda::env_encrypted_cmk::RULE,
    &aws::lambda::xray_tracing::RULE,
    // aws/ecr
    &aws::ecr::scan_on_push::RULE,
    &aws::ecr::immutable_tags::RULE,
    &aws::ecr::kms_encryption::RULE,
    // aws/apigateway
    &aws::apigateway::stage_access_logging::RULE,
    &aws::apigateway::domain_tls::RULE,
    &aws::apigateway::stage_xray::RULE,
    // aws/iam
    &aws::iam::policy_no_full_admin::RULE,
    &aws::iam::policy_no_wildcard_actions::RULE,
    &aws::iam::policy_document_no_full_admin::RULE,
    &aws::iam::policy_document_no_wildcard_actions::RULE,
    &aws::iam::no_user_policies::RULE,
    &aws::iam::password_min_length::RULE,
    &aws::iam::password_reuse::RULE,
    &aws::iam::password_complexity::RULE,
    // terraform/supply_chain
    &terraform::supply_chain::module_git_ref::RULE,
    &terraform::supply_chain::module_git_commit::RULE,
    &terraform::supply_chain::module_registry_version::RULE,
    &terraform::supply_chain::provider_version::RULE,
    &terraform::supply_chain::required_version::RULE,
    &terraform::supply_chain::lock_file::RULE,
    // dockerfile/image
    &dockerfile::image::from_tag::RULE,
    &dockerfile::image::from_digest::RULE,
    // dockerfile/hardening
    &dockerfile::hardening::non_root_user::RULE,
    &dockerfile::hardening::copy_not_add::RULE,
    &dockerfile::hardening::healthcheck::RULE,
    // kubernetes/images
    &kubernetes::images::image_version::RULE,
    // kubernetes/pods
    &kubernetes::pods::privileged::RULE,
    &kubernetes::pods::privilege_escalation::RULE,
    &kubernetes::pods::host_namespaces::RULE,
    &kubernetes::pods::run_as_non_root::RULE,
    &kubernetes::pods::read_only_root::RULE,
    &kubernetes::pods::capabilities::RULE,
    // github/actions
    &github::actions::pinned_sha::RULE,
    &github::actions::script_injection::RULE,
];

pub fn all() -> &'static [&'static Rule] {
    ALL
}

pub fn find(id_or_name: &str) -> Option<&'static Rule> {
    ALL.iter()
        .copied()
        .find(|r| r.meta.id.eq_ignore_ascii_case(id_or_name) || r.meta.name == id_or_name)
}
