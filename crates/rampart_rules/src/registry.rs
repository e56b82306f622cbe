//! The list of built-in rules. One line per rule file; the test
//! `registry_lists_every_rule_file` fails when a file is missing here.

use crate::aws;
use crate::rule::Rule;

/// Every built-in rule, ordered by id.
pub static ALL: &[&Rule] = &[
    // aws/s3
    &aws::s3::public_access_block::RULE,
    &aws::s3::bucket_versioning::RULE,
    // aws/vpc
    &aws::vpc::sg_no_public_ssh::RULE,
    &aws::vpc::sg_no_public_rdp::RULE,
    &aws::vpc::sg_no_public_all_traffic::RULE,
    &aws::vpc::default_security_group::RULE,
    &aws::vpc::flow_logs::RULE,
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
    // aws/eks
    &aws::eks::secrets_encryption::RULE,
    &aws::eks::no_public_endpoint::RULE,
    &aws::eks::control_plane_logging::RULE,
    // aws/lambda
    &aws::lambda::env_encrypted_cmk::RULE,
    &aws::lambda::xray_tracing::RULE,
    // aws/ecr
    &aws::ecr::scan_on_push::RULE,
    &aws::ecr::immutable_tags::RULE,
    // aws/apigateway
    &aws::apigateway::stage_access_logging::RULE,
    &aws::apigateway::domain_tls::RULE,
];

pub fn all() -> &'static [&'static Rule] {
    ALL
}

pub fn find(id_or_name: &str) -> Option<&'static Rule> {
    ALL.iter()
        .copied()
        .find(|r| r.meta.id.eq_ignore_ascii_case(id_or_name) || r.meta.name == id_or_name)
}
