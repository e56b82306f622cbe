//! The AWS adapters, one function per CloudFormation type (or family).

use rampart_model::{Attr, Block, Resource, Value};
use rampart_source::Span;

use super::{attr_of, generic, generic_block, policy_attr, ref_attr, rename, resource, set, Res};
use crate::eval::{Ev, EvKind, Scope};

/// CloudFormation type to the canonical kind of its primary resource.
pub const KINDS: &[(&str, &str)] = &[
    ("AWS::S3::Bucket", "aws_s3_bucket"),
    ("AWS::S3::BucketPolicy", "aws_s3_bucket_policy"),
    ("AWS::EC2::SecurityGroup", "aws_security_group"),
    (
        "AWS::EC2::SecurityGroupIngress",
        "aws_vpc_security_group_ingress_rule",
    ),
    (
        "AWS::EC2::SecurityGroupEgress",
        "aws_vpc_security_group_egress_rule",
    ),
    ("AWS::EC2::Instance", "aws_instance"),
    ("AWS::EC2::LaunchTemplate", "aws_launch_template"),
    (
        "AWS::AutoScaling::LaunchConfiguration",
        "aws_launch_configuration",
    ),
    ("AWS::EC2::Volume", "aws_ebs_volume"),
    ("AWS::EC2::VPC", "aws_vpc"),
    ("AWS::EC2::Subnet", "aws_subnet"),
    ("AWS::EC2::FlowLog", "aws_flow_log"),
    ("AWS::EC2::NetworkAcl", "aws_network_acl"),
    ("AWS::EC2::NetworkAclEntry", "aws_network_acl_rule"),
    ("AWS::RDS::DBInstance", "aws_db_instance"),
    ("AWS::RDS::DBCluster", "aws_rds_cluster"),
    ("AWS::KMS::Key", "aws_kms_key"),
    ("AWS::KMS::Alias", "aws_kms_alias"),
    ("AWS::IAM::Policy", "aws_iam_role_policy"),
    ("AWS::IAM::ManagedPolicy", "aws_iam_policy"),
    ("AWS::IAM::Role", "aws_iam_role"),
    ("AWS::IAM::User", "aws_iam_user"),
    ("AWS::IAM::Group", "aws_iam_group"),
    ("AWS::DynamoDB::Table", "aws_dynamodb_table"),
    ("AWS::DAX::Cluster", "aws_dax_cluster"),
    ("AWS::SNS::Topic", "aws_sns_topic"),
    ("AWS::SQS::Queue", "aws_sqs_queue"),
    ("AWS::CloudTrail::Trail", "aws_cloudtrail"),
    ("AWS::ElasticLoadBalancingV2::LoadBalancer", "aws_lb"),
    ("AWS::ElasticLoadBalancingV2::Listener", "aws_lb_listener"),
    ("AWS::ElasticLoadBalancing::LoadBalancer", "aws_elb"),
    (
        "AWS::CloudFront::Distribution",
        "aws_cloudfront_distribution",
    ),
    ("AWS::EKS::Cluster", "aws_eks_cluster"),
    ("AWS::Lambda::Function", "aws_lambda_function"),
    ("AWS::Serverless::Function", "aws_lambda_function"),
    ("AWS::ECR::Repository", "aws_ecr_repository"),
    ("AWS::SecretsManager::Secret", "aws_secretsmanager_secret"),
    (
        "AWS::SecretsManager::RotationSchedule",
        "aws_secretsmanager_secret_rotation",
    ),
    (
        "AWS::ElastiCache::ReplicationGroup",
        "aws_elasticache_replication_group",
    ),
    ("AWS::ElastiCache::CacheCluster", "aws_elasticache_cluster"),
    ("AWS::OpenSearchService::Domain", "aws_opensearch_domain"),
    ("AWS::Elasticsearch::Domain", "aws_elasticsearch_domain"),
    ("AWS::ApiGateway::RestApi", "aws_api_gateway_rest_api"),
    ("AWS::ApiGateway::Stage", "aws_api_gateway_stage"),
    ("AWS::ApiGateway::DomainName", "aws_api_gateway_domain_name"),
    ("AWS::ApiGatewayV2::Stage", "aws_apigatewayv2_stage"),
    (
        "AWS::ApiGatewayV2::DomainName",
        "aws_apigatewayv2_domain_name",
    ),
    ("AWS::Serverless::Api", "aws_api_gateway_rest_api"),
    ("AWS::Serverless::SimpleTable", "aws_dynamodb_table"),
    ("AWS::Serverless::HttpApi", "aws_apigatewayv2_api"),
    ("AWS::ApiGatewayV2::Api", "aws_apigatewayv2_api"),
    ("AWS::Backup::BackupVault", "aws_backup_vault"),
    ("AWS::DocDB::DBCluster", "aws_docdb_cluster"),
    ("AWS::Neptune::DBCluster", "aws_neptune_cluster"),
    ("AWS::GuardDuty::Detector", "aws_guardduty_detector"),
    (
        "AWS::Config::ConfigurationRecorder",
        "aws_config_configuration_recorder",
    ),
    (
        "AWS::Config::ConfigurationAggregator",
        "aws_config_configuration_aggregator",
    ),
];

struct Ctx<'a> {
    res: &'a Res,
    kind: &'static str,
    out: Vec<Resource>,
}

impl Ctx<'_> {
    fn addr(&self) -> String {
        format!("{}.{}", self.kind, self.res.logical)
    }
    fn push(&mut self, kind: &str, body: Block) {
        self.out
            .push(resource(kind, &self.res.logical, self.res.span, body));
    }
    fn push_at(&mut self, kind: &str, name: &str, span: Span, body: Block) {
        self.out.push(resource(kind, name, span, body));
    }
    fn primary(&mut self, body: Block) {
        let k = self.kind;
        self.push(k, body);
    }
}

pub fn adapt(res: &Res, _scope: &mut Scope) -> Vec<Resource> {
    let Some(kind) = super::tf_kind(&res.ty) else {
        return Vec::new();
    };
    let mut c = Ctx {
        res,
        kind,
        out: Vec::new(),
    };
    let p = &res.props;
    let sp = res.span;
    match res.ty.as_str() {
        "AWS::S3::Bucket" => s3_bucket(&mut c),
        "AWS::S3::BucketPolicy" => {
            let mut b = generic(p, sp, &["PolicyDocument"]);
            if let Some((s, ev)) = res.prop("PolicyDocument") {
                b.attrs.insert("policy".into(), policy_attr(ev, s));
            }
            c.primary(b);
        }
        "AWS::EC2::SecurityGroup" => {
            let mut b = generic(p, sp, &["SecurityGroupIngress", "SecurityGroupEgress"]);
            rename(&mut b, "group_description", "description");
            rename(&mut b, "group_name", "name");
            for (prop, kind) in [
                ("SecurityGroupIngress", "ingress"),
                ("SecurityGroupEgress", "egress"),
            ] {
                if let Some((_, list)) = res.prop(prop) {
                    for it in list.items() {
                        b.blocks.push(sg_rule(kind, it, false));
                    }
                }
            }
            c.primary(b);
        }
        "AWS::EC2::SecurityGroupIngress" | "AWS::EC2::SecurityGroupEgress" => {
            let mut b = sg_rule("resource", p, true);
            b.span = sp;
            c.primary(b);
        }
        "AWS::EC2::Instance" => {
            let mut b = generic(
                p,
                sp,
                &["BlockDeviceMappings", "NetworkInterfaces", "LaunchTemplate"],
            );
            block_devices(&mut b, p);
            if let Some((s, lt)) = res.prop("LaunchTemplate") {
                let mut l = Block::new("launch_template", s);
                set(&mut l, "id", lt, "LaunchTemplateId");
                set(&mut l, "name", lt, "LaunchTemplateName");
                set(&mut l, "version", lt, "Version");
                b.blocks.push(l);
            }
            if let Some((_, nis)) = res.prop("NetworkInterfaces") {
                for ni in nis.items() {
                    let primary = ni
                        .get("DeviceIndex")
                        .map(|d| matches!(d.to_value().as_f64(), Some(n) if n == 0.0))
                        .unwrap_or(true);
                    if primary {
                        if let Some((s, v)) = ni.entry("AssociatePublicIpAddress") {
                            b.attrs
                                .insert("associate_public_ip_address".into(), attr_of(v, s));
                        }
                    }
                    b.blocks
                        .push(generic_block("network_interface", ni, ni.span, &[]));
                }
            }
            rename(&mut b, "image_id", "ami");
            rename(&mut b, "security_group_ids", "vpc_security_group_ids");
            c.primary(b);
        }
        "AWS::EC2::LaunchTemplate" => {
            let data = res.prop("LaunchTemplateData");
            let mut b = match data {
                Some((_, d)) => generic(d, sp, &[]),
                None => Block::new("resource", sp),
            };
            set(&mut b, "name", p, "LaunchTemplateName");
            rename(&mut b, "image_id", "ami");
            c.primary(b);
        }
        "AWS::AutoScaling::LaunchConfiguration" => {
            let mut b = generic(p, sp, &["BlockDeviceMappings"]);
            block_devices(&mut b, p);
            rename(&mut b, "launch_configuration_name", "name");
            c.primary(b);
        }
        "AWS::EC2::FlowLog" => {
            let mut b = generic(p, sp, &["ResourceId"]);
            if let Some((s, id)) = res.prop("ResourceId") {
                let ty = p.get("ResourceType").and_then(Ev::as_str).unwrap_or("VPC");
                let name = match ty {
                    "Subnet" => "subnet_id",
                    "NetworkInterface" => "eni_id",
                    "TransitGateway" => "transit_gateway_id",
                    "TransitGatewayAttachment" => "transit_gateway_attachment_id",
                    _ => "vpc_id",
                };
                b.attrs.insert(name.into(), attr_of(id, s));
            }
            c.primary(b);
        }
        "AWS::EC2::NetworkAclEntry" => {
            let mut b = generic(p, sp, &["PortRange", "Icmp"]);
            set(&mut b, "from_port", p, "PortRange.From");
            set(&mut b, "to_port", p, "PortRange.To");
            set(&mut b, "icmp_type", p, "Icmp.Type");
            set(&mut b, "icmp_code", p, "Icmp.Code");
            c.primary(b);
        }
        "AWS::RDS::DBInstance" => {
            let mut b = generic(p, sp, &[]);
            for (f, t) in [
                (
                    "enable_iam_database_authentication",
                    "iam_database_authentication_enabled",
                ),
                ("source_db_instance_identifier", "replicate_source_db"),
                ("db_snapshot_identifier", "snapshot_identifier"),
                ("db_instance_identifier", "identifier"),
                ("db_instance_class", "instance_class"),
                ("db_cluster_identifier", "cluster_identifier"),
                ("master_username", "username"),
                ("master_user_password", "password"),
                ("vpc_security_groups", "vpc_security_group_ids"),
                (
                    "enable_performance_insights",
                    "performance_insights_enabled",
                ),
            ] {
                rename(&mut b, f, t);
            }
            if p.get("DBClusterIdentifier").is_some() {
                // An Aurora cluster member: Terraform's `aws_rds_cluster_instance`.
                c.push("aws_rds_cluster_instance", b);
            } else {
                c.primary(b);
            }
        }
        "AWS::RDS::DBCluster" | "AWS::DocDB::DBCluster" | "AWS::Neptune::DBCluster" => {
            let mut b = generic(p, sp, &[]);
            for (f, t) in [
                ("db_cluster_identifier", "cluster_identifier"),
                (
                    "enable_iam_database_authentication",
                    "iam_database_authentication_enabled",
                ),
                ("iam_auth_enabled", "iam_database_authentication_enabled"),
                (
                    "enable_cloudwatch_logs_exports",
                    "enabled_cloudwatch_logs_exports",
                ),
            ] {
                rename(&mut b, f, t);
            }
            c.primary(b);
        }
        "AWS::KMS::Key" => {
            let mut b = generic(p, sp, &["KeyPolicy"]);
            if let Some((s, ev)) = res.prop("KeyPolicy") {
                b.attrs.insert("policy".into(), policy_attr(ev, s));
            }
            rename(&mut b, "key_spec", "customer_master_key_spec");
            rename(&mut b, "enabled", "is_enabled");
            rename(&mut b, "pending_window_in_days", "deletion_window_in_days");
            c.primary(b);
        }
        "AWS::KMS::Alias" => {
            let mut b = generic(p, sp, &[]);
            rename(&mut b, "alias_name", "name");
            c.primary(b);
        }
        "AWS::IAM::Policy" => iam_policy(&mut c),
        "AWS::IAM::ManagedPolicy" => {
            let mut b = generic(p, sp, &["PolicyDocument", "Users", "Roles", "Groups"]);
            rename(&mut b, "managed_policy_name", "name");
            if let Some((s, ev)) = res.prop("PolicyDocument") {
                b.attrs.insert("policy".into(), policy_attr(ev, s));
            }
            let addr = c.addr();
            c.primary(b);
            // Attached to users: one `aws_iam_user_policy_attachment` per user.
            if let Some((_, users)) = res.prop("Users") {
                for (i, u) in users.items().iter().enumerate() {
                    let mut a = Block::new("resource", u.span);
                    a.attrs.insert("user".into(), attr_of(u, u.span));
                    a.attrs
                        .insert("policy_arn".into(), ref_attr(&addr, res.key_span));
                    let name = format!("{}[{i}]", res.logical);
                    c.push_at("aws_iam_user_policy_attachment", &name, u.span, a);
                }
            }
            let attached: Vec<(&str, Option<(Span, &Ev)>)> =
                vec![("roles", res.prop("Roles")), ("groups", res.prop("Groups"))];
            if attached.iter().any(|(_, v)| v.is_some()) {
                let mut a = Block::new("resource", sp);
                a.attrs
                    .insert("policy_arn".into(), ref_attr(&addr, res.key_span));
                a.attrs.insert(
                    "name".into(),
                    Attr::new(Value::string(res.logical.clone()), res.key_span),
                );
                for (name, v) in attached {
                    if let Some((s, ev)) = v {
                        a.attrs.insert(name.into(), attr_of(ev, s));
                    }
                }
                c.push("aws_iam_policy_attachment", a);
            }
        }
        "AWS::IAM::Role" | "AWS::IAM::User" | "AWS::IAM::Group" => iam_principal(&mut c),
        "AWS::DynamoDB::Table" | "AWS::Serverless::SimpleTable" => {
            let mut b = generic(
                p,
                sp,
                &["PointInTimeRecoverySpecification", "SSESpecification"],
            );
            rename(&mut b, "table_name", "name");
            if let Some((s, pitr)) = res.prop("PointInTimeRecoverySpecification") {
                let mut x = Block::new("point_in_time_recovery", s);
                set(&mut x, "enabled", pitr, "PointInTimeRecoveryEnabled");
                b.blocks.push(x);
            }
            if let Some((s, sse)) = res.prop("SSESpecification") {
                let mut x = Block::new("server_side_encryption", s);
                set(&mut x, "enabled", sse, "SSEEnabled");
                set(&mut x, "kms_key_arn", sse, "KMSMasterKeyId");
                b.blocks.push(x);
            }
            c.primary(b);
        }
        "AWS::DAX::Cluster" => {
            let mut b = generic(p, sp, &["SSESpecification"]);
            if let Some((s, sse)) = res.prop("SSESpecification") {
                let mut x = Block::new("server_side_encryption", s);
                set(&mut x, "enabled", sse, "SSEEnabled");
                b.blocks.push(x);
            }
            c.primary(b);
        }
        "AWS::SNS::Topic" => {
            let mut b = generic(p, sp, &[]);
            rename(&mut b, "topic_name", "name");
            c.primary(b);
        }
        "AWS::SQS::Queue" => {
            let mut b = generic(p, sp, &[]);
            rename(&mut b, "queue_name", "name");
            rename(
                &mut b,
                "kms_data_key_reuse_period_seconds",
                "kms_data_key_reuse_period_seconds",
            );
            c.primary(b);
        }
        "AWS::CloudTrail::Trail" => {
            let mut b = generic(p, sp, &[]);
            rename(
                &mut b,
                "cloud_watch_logs_log_group_arn",
                "cloud_watch_logs_group_arn",
            );
            rename(&mut b, "trail_name", "name");
            rename(&mut b, "is_logging", "enable_logging");
            c.primary(b);
        }
        "AWS::ElasticLoadBalancingV2::LoadBalancer" => {
            let mut b = generic(p, sp, &["LoadBalancerAttributes", "Type", "Scheme"]);
            set(&mut b, "load_balancer_type", p, "Type");
            if let Some((s, scheme)) = res.prop("Scheme") {
                let mut a = attr_of(scheme, s);
                a.value = match scheme.as_str() {
                    Some(x) => Value::Bool(x == "internal"),
                    None => a.value,
                };
                b.attrs.insert("internal".into(), a);
            }
            let mut logs: Option<Block> = None;
            if let Some((_, attrs)) = res.prop("LoadBalancerAttributes") {
                for it in attrs.items() {
                    let Some(key) = it.get("Key").and_then(Ev::as_str) else {
                        continue;
                    };
                    let Some((vs, v)) = it.entry("Value") else {
                        continue;
                    };
                    let a = attr_of(v, it.span.join(vs));
                    match key {
                        "access_logs.s3.enabled"
                        | "access_logs.s3.bucket"
                        | "access_logs.s3.prefix" => {
                            let l = logs.get_or_insert_with(|| Block::new("access_logs", it.span));
                            l.span = l.span.join(it.span);
                            let name = key.rsplit('.').next().unwrap_or(key);
                            l.attrs.insert(name.into(), a);
                        }
                        "routing.http.drop_invalid_header_fields.enabled" => {
                            b.attrs.insert("drop_invalid_header_fields".into(), a);
                        }
                        "deletion_protection.enabled" => {
                            b.attrs.insert("enable_deletion_protection".into(), a);
                        }
                        "idle_timeout.timeout_seconds" => {
                            b.attrs.insert("idle_timeout".into(), a);
                        }
                        "routing.http2.enabled" => {
                            b.attrs.insert("enable_http2".into(), a);
                        }
                        _ => {}
                    }
                }
            }
            if let Some(l) = logs {
                b.blocks.push(l);
            }
            c.primary(b);
        }
        "AWS::ElasticLoadBalancingV2::Listener" => {
            let mut b = generic(p, sp, &["DefaultActions", "Certificates"]);
            if let Some((_, certs)) = res.prop("Certificates") {
                if let Some((s, arn)) = certs
                    .items()
                    .first()
                    .and_then(|c| c.entry("CertificateArn"))
                {
                    b.attrs.insert("certificate_arn".into(), attr_of(arn, s));
                }
            }
            if let Some((_, acts)) = res.prop("DefaultActions") {
                for a in acts.items() {
                    let mut blk = generic_block("default_action", a, a.span, &[]);
                    for (f, t) in [
                        ("redirect_config", "redirect"),
                        ("forward_config", "forward"),
                        ("fixed_response_config", "fixed_response"),
                        ("authenticate_cognito_config", "authenticate_cognito"),
                        ("authenticate_oidc_config", "authenticate_oidc"),
                    ] {
                        rename(&mut blk, f, t);
                    }
                    b.blocks.push(blk);
                }
            }
            c.primary(b);
        }
        "AWS::ElasticLoadBalancing::LoadBalancer" => {
            let mut b = generic(p, sp, &["AccessLoggingPolicy", "Listeners"]);
            if let Some((s, alp)) = res.prop("AccessLoggingPolicy") {
                let mut l = Block::new("access_logs", s);
                set(&mut l, "enabled", alp, "Enabled");
                set(&mut l, "bucket", alp, "S3BucketName");
                set(&mut l, "bucket_prefix", alp, "S3BucketPrefix");
                set(&mut l, "interval", alp, "EmitInterval");
                b.blocks.push(l);
            }
            if let Some((_, ls)) = res.prop("Listeners") {
                for it in ls.items() {
                    let mut l = Block::new("listener", it.span);
                    set(&mut l, "lb_port", it, "LoadBalancerPort");
                    set(&mut l, "lb_protocol", it, "Protocol");
                    set(&mut l, "instance_port", it, "InstancePort");
                    set(&mut l, "instance_protocol", it, "InstanceProtocol");
                    set(&mut l, "ssl_certificate_id", it, "SSLCertificateId");
                    b.blocks.push(l);
                }
            }
            rename(&mut b, "load_balancer_name", "name");
            c.primary(b);
        }
        "AWS::CloudFront::Distribution" => {
            let mut b = match res.prop("DistributionConfig") {
                Some((_, d)) => generic(d, sp, &[]),
                None => Block::new("resource", sp),
            };
            rename(&mut b, "cache_behaviors", "ordered_cache_behavior");
            rename(&mut b, "origins", "origin");
            rename(&mut b, "logging", "logging_config");
            rename(&mut b, "custom_error_responses", "custom_error_response");
            for blk in b
                .blocks
                .iter_mut()
                .filter(|x| x.kind == "viewer_certificate")
            {
                rename(
                    blk,
                    "cloud_front_default_certificate",
                    "cloudfront_default_certificate",
                );
            }
            c.primary(b);
        }
        "AWS::EKS::Cluster" => {
            let mut b = generic(p, sp, &["Logging"]);
            rename(&mut b, "resources_vpc_config", "vpc_config");
            if let Some((s, types)) = res.prop("Logging.ClusterLogging.EnabledTypes") {
                let mut a = attr_of(types, s);
                if let Some(items) = a.value.as_list() {
                    let names: Vec<Value> = items
                        .iter()
                        .map(|i| i.get("Type").cloned().unwrap_or_else(|| i.clone()))
                        .collect();
                    a.value = Value::List(names);
                }
                b.attrs.insert("enabled_cluster_log_types".into(), a);
            }
            c.primary(b);
        }
        "AWS::Lambda::Function" | "AWS::Serverless::Function" => {
            let mut b = generic(p, sp, &["Environment", "Tracing"]);
            if let Some((s, env)) = res.prop("Environment") {
                let mut e = Block::new("environment", s);
                set(&mut e, "variables", env, "Variables");
                b.blocks.push(e);
            }
            if let Some((s, t)) = res.prop("Tracing") {
                let mut e = Block::new("tracing_config", s);
                e.attrs.insert("mode".into(), attr_of(t, s));
                b.blocks.push(e);
            }
            rename(&mut b, "code_uri", "filename");
            c.primary(b);
        }
        "AWS::ECR::Repository" => {
            let mut b = generic(p, sp, &[]);
            rename(&mut b, "repository_name", "name");
            c.primary(b);
        }
        "AWS::SecretsManager::Secret" => {
            let mut b = generic(p, sp, &["GenerateSecretString", "SecretString"]);
            if let Some((s, v)) = res.prop("SecretString") {
                let mut a = attr_of(v, s);
                a.value = a.value.mark(true);
                b.attrs.insert("secret_string".into(), a);
            }
            c.primary(b);
        }
        "AWS::ElastiCache::ReplicationGroup" => {
            let mut b = generic(p, sp, &[]);
            rename(&mut b, "replication_group_description", "description");
            rename(&mut b, "cache_node_type", "node_type");
            c.primary(b);
        }
        "AWS::ElastiCache::CacheCluster" => {
            let mut b = generic(p, sp, &[]);
            rename(&mut b, "cluster_name", "cluster_id");
            rename(&mut b, "cache_node_type", "node_type");
            c.primary(b);
        }
        "AWS::OpenSearchService::Domain" | "AWS::Elasticsearch::Domain" => {
            let mut b = generic(p, sp, &[]);
            rename(&mut b, "encryption_at_rest_options", "encrypt_at_rest");
            rename(
                &mut b,
                "node_to_node_encryption_options",
                "node_to_node_encryption",
            );
            rename(&mut b, "elasticsearch_cluster_config", "cluster_config");
            c.primary(b);
        }
        "AWS::ApiGateway::Stage" => {
            let mut b = generic(p, sp, &[]);
            rename(&mut b, "access_log_setting", "access_log_settings");
            rename(&mut b, "tracing_enabled", "xray_tracing_enabled");
            c.primary(b);
        }
        "AWS::ApiGatewayV2::DomainName" => {
            let mut b = generic(p, sp, &[]);
            rename(
                &mut b,
                "domain_name_configurations",
                "domain_name_configuration",
            );
            c.primary(b);
        }
        "AWS::Serverless::Api" => {
            let b = generic(
                p,
                sp,
                &[
                    "StageName",
                    "AccessLogSetting",
                    "TracingEnabled",
                    "MethodSettings",
                ],
            );
            let addr = c.addr();
            c.primary(b);
            let mut st = Block::new("resource", sp);
            st.attrs
                .insert("rest_api_id".into(), ref_attr(&addr, res.key_span));
            set(&mut st, "stage_name", p, "StageName");
            set(&mut st, "xray_tracing_enabled", p, "TracingEnabled");
            if let Some((s, als)) = res.prop("AccessLogSetting") {
                st.blocks
                    .push(generic_block("access_log_settings", als, s, &[]));
            }
            c.push("aws_api_gateway_stage", st);
        }
        "AWS::Serverless::HttpApi" => {
            let b = generic(
                p,
                sp,
                &["StageName", "AccessLogSettings", "DefaultRouteSettings"],
            );
            let addr = c.addr();
            c.primary(b);
            let mut st = Block::new("resource", sp);
            st.attrs
                .insert("api_id".into(), ref_attr(&addr, res.key_span));
            match res.prop("StageName") {
                Some((s, v)) => {
                    st.attrs.insert("name".into(), attr_of(v, s));
                }
                None => {
                    st.attrs.insert(
                        "name".into(),
                        Attr::new(Value::string("$default"), res.key_span),
                    );
                }
            }
            if let Some((s, als)) = res.prop("AccessLogSettings") {
                st.blocks
                    .push(generic_block("access_log_settings", als, s, &[]));
            }
            c.push("aws_apigatewayv2_stage", st);
        }
        "AWS::Backup::BackupVault" => {
            let mut b = generic(p, sp, &[]);
            rename(&mut b, "backup_vault_name", "name");
            rename(&mut b, "encryption_key_arn", "kms_key_arn");
            c.primary(b);
        }
        "AWS::Config::ConfigurationRecorder" => {
            let mut b = generic(p, sp, &[]);
            // With a recording group, the API default for `AllSupported` is
            // false (Terraform's attribute default of true does not apply).
            if let Some(g) = b.blocks.iter_mut().find(|x| x.kind == "recording_group") {
                if !g.attrs.contains_key("all_supported") {
                    let mut a = Attr::new(Value::Bool(false), g.span);
                    a.origin = rampart_model::Origin::Default;
                    g.attrs.insert("all_supported".into(), a);
                }
            }
            c.primary(b);
        }
        "AWS::Config::ConfigurationAggregator" => {
            let mut b = generic(p, sp, &[]);
            rename(&mut b, "configuration_aggregator_name", "name");
            rename(
                &mut b,
                "account_aggregation_sources",
                "account_aggregation_source",
            );
            for blk in b.blocks.iter_mut() {
                rename(blk, "all_aws_regions", "all_regions");
                rename(blk, "aws_regions", "regions");
            }
            c.primary(b);
        }
        _ => {
            // Types whose properties map one to one after the generic conversion.
            c.primary(generic(p, sp, &[]));
        }
    }
    c.out
}

/// A security group rule (inline item or standalone resource). Inline rules
/// use the `aws_security_group` names, standalone ones the
/// `aws_vpc_security_group_*_rule` names.
fn sg_rule(kind: &str, it: &Ev, standalone: bool) -> Block {
    let mut b = Block::new(kind, it.span);
    let mut put = |name: &str, prop: &str, list: bool| {
        if let Some((s, v)) = it.entry(prop) {
            let mut a = attr_of(v, s);
            if list {
                a.value = Value::List(vec![a.value]);
            }
            b.attrs.insert(name.into(), a);
        }
    };
    put(
        if standalone {
            "ip_protocol"
        } else {
            "protocol"
        },
        "IpProtocol",
        false,
    );
    put("from_port", "FromPort", false);
    put("to_port", "ToPort", false);
    put("description", "Description", false);
    if standalone {
        put("cidr_ipv4", "CidrIp", false);
        put("cidr_ipv6", "CidrIpv6", false);
        put("security_group_id", "GroupId", false);
        put(
            "referenced_security_group_id",
            "SourceSecurityGroupId",
            false,
        );
        put(
            "referenced_security_group_id",
            "DestinationSecurityGroupId",
            false,
        );
        put("prefix_list_id", "SourcePrefixListId", false);
        put("prefix_list_id", "DestinationPrefixListId", false);
    } else {
        put("cidr_blocks", "CidrIp", true);
        put("ipv6_cidr_blocks", "CidrIpv6", true);
        put("security_groups", "SourceSecurityGroupId", true);
        put("security_groups", "DestinationSecurityGroupId", true);
        put("prefix_list_ids", "SourcePrefixListId", true);
        put("prefix_list_ids", "DestinationPrefixListId", true);
    }
    b
}

/// Root device names: a mapping for one of these is the root volume.
const ROOT_DEVICES: &[&str] = &["/dev/xvda", "/dev/sda1", "/dev/sda", "xvda"];

/// `BlockDeviceMappings` of an instance or launch configuration to
/// `root_block_device` / `ebs_block_device` blocks.
fn block_devices(b: &mut Block, p: &Ev) {
    let Some((_, list)) = p.entry("BlockDeviceMappings") else {
        return;
    };
    for m in list.items() {
        let Some((_, ebs)) = m.entry("Ebs") else {
            continue;
        };
        let dev = m.get("DeviceName").and_then(Ev::as_str).unwrap_or("");
        let kind = if ROOT_DEVICES.contains(&dev) {
            "root_block_device"
        } else {
            "ebs_block_device"
        };
        let mut blk = generic_block(kind, ebs, m.span, &[]);
        if let Some((s, d)) = m.entry("DeviceName") {
            blk.attrs.insert("device_name".into(), attr_of(d, s));
        }
        b.blocks.push(blk);
    }
}

fn s3_bucket(c: &mut Ctx) {
    let res = c.res;
    let p = &res.props;
    let sp = res.span;
    let mut b = generic(
        p,
        sp,
        &[
            "BucketName",
            "AccessControl",
            "BucketEncryption",
            "VersioningConfiguration",
            "LoggingConfiguration",
            "PublicAccessBlockConfiguration",
        ],
    );
    set(&mut b, "bucket", p, "BucketName");
    if let Some((s, acl)) = res.prop("AccessControl") {
        let mut a = attr_of(acl, s);
        if let Some(t) = acl.as_str() {
            // `PublicRead` is the canned ACL `public-read`.
            a.value = Value::string(super::snake(t).replace('_', "-"));
        }
        b.attrs.insert("acl".into(), a);
    }
    let addr = c.addr();
    c.primary(b);
    let bucket_ref = || ref_attr(&addr, res.key_span);

    if let Some((s, v)) = res.prop("VersioningConfiguration") {
        let mut body = Block::new("resource", s);
        body.attrs.insert("bucket".into(), bucket_ref());
        let mut vc = Block::new("versioning_configuration", s);
        set(&mut vc, "status", v, "Status");
        set(&mut vc, "mfa_delete", v, "MfaDelete");
        body.blocks.push(vc);
        c.push_at("aws_s3_bucket_versioning", &res.logical, s, body);
    }
    if let Some((s, enc)) = res.prop("BucketEncryption") {
        let mut body = Block::new("resource", s);
        body.attrs.insert("bucket".into(), bucket_ref());
        if let Some((_, rules)) = enc.entry("ServerSideEncryptionConfiguration") {
            for r in rules.items() {
                let mut rule = Block::new("rule", r.span);
                if let Some((ds, d)) = r.entry("ServerSideEncryptionByDefault") {
                    let mut def = Block::new("apply_server_side_encryption_by_default", ds);
                    set(&mut def, "sse_algorithm", d, "SSEAlgorithm");
                    set(&mut def, "kms_master_key_id", d, "KMSMasterKeyID");
                    rule.blocks.push(def);
                }
                set(&mut rule, "bucket_key_enabled", r, "BucketKeyEnabled");
                body.blocks.push(rule);
            }
        }
        c.push_at(
            "aws_s3_bucket_server_side_encryption_configuration",
            &res.logical,
            s,
            body,
        );
    }
    if let Some((s, l)) = res.prop("LoggingConfiguration") {
        let mut body = Block::new("resource", s);
        body.attrs.insert("bucket".into(), bucket_ref());
        match l.entry("DestinationBucketName") {
            Some((ds, d)) => {
                body.attrs.insert("target_bucket".into(), attr_of(d, ds));
            }
            // Without a destination, logs go to the bucket itself.
            None => {
                body.attrs
                    .insert("target_bucket".into(), ref_attr(&addr, s));
            }
        }
        set(&mut body, "target_prefix", l, "LogFilePrefix");
        c.push_at("aws_s3_bucket_logging", &res.logical, s, body);
    }
    if let Some((s, pab)) = res.prop("PublicAccessBlockConfiguration") {
        let mut body = generic(pab, s, &[]);
        body.attrs.insert("bucket".into(), bucket_ref());
        c.push_at("aws_s3_bucket_public_access_block", &res.logical, s, body);
    }
}

/// `AWS::IAM::Policy`: an inline policy of users, roles or groups. It becomes
/// the Terraform inline policy kind of the first kind of principal it names
/// (users first, so user policies are seen as such).
fn iam_policy(c: &mut Ctx) {
    let res = c.res;
    let p = &res.props;
    let mut b = generic(p, res.span, &["PolicyDocument", "Users", "Roles", "Groups"]);
    rename(&mut b, "policy_name", "name");
    if let Some((s, ev)) = res.prop("PolicyDocument") {
        b.attrs.insert("policy".into(), policy_attr(ev, s));
    }
    let nonempty = |k: &str| {
        res.prop(k)
            .filter(|(_, v)| !v.items().is_empty() || !matches!(v.kind, EvKind::List(_)))
    };
    let (kind, attr, prop) = if let Some(x) = nonempty("Users") {
        ("aws_iam_user_policy", "user", x)
    } else if let Some(x) = nonempty("Roles") {
        ("aws_iam_role_policy", "role", x)
    } else if let Some(x) = nonempty("Groups") {
        ("aws_iam_group_policy", "group", x)
    } else {
        c.primary(b);
        return;
    };
    let (s, v) = prop;
    let mut a = attr_of(v, s);
    if let Some([one]) = a.value.as_list() {
        a.value = one.clone();
    }
    b.attrs.insert(attr.into(), a);
    c.push(kind, b);
}

/// Roles, users and groups, with their inline `Policies` as separate
/// `aws_iam_*_policy` resources and a user's managed policies as
/// `aws_iam_user_policy_attachment`s.
fn iam_principal(c: &mut Ctx) {
    let res = c.res;
    let p = &res.props;
    let mut b = generic(
        p,
        res.span,
        &["Policies", "AssumeRolePolicyDocument", "ManagedPolicyArns"],
    );
    rename(&mut b, "role_name", "name");
    rename(&mut b, "user_name", "name");
    rename(&mut b, "group_name", "name");
    if let Some((s, ev)) = res.prop("AssumeRolePolicyDocument") {
        b.attrs
            .insert("assume_role_policy".into(), policy_attr(ev, s));
    }
    if let Some((s, ev)) = res.prop("ManagedPolicyArns") {
        b.attrs.insert("managed_policy_arns".into(), attr_of(ev, s));
    }
    let addr = c.addr();
    c.primary(b);
    let (pkind, owner) = match res.ty.as_str() {
        "AWS::IAM::User" => ("aws_iam_user_policy", "user"),
        "AWS::IAM::Group" => ("aws_iam_group_policy", "group"),
        _ => ("aws_iam_role_policy", "role"),
    };
    if let Some((_, list)) = res.prop("Policies") {
        for (i, pol) in list.items().iter().enumerate() {
            let name = pol
                .get("PolicyName")
                .and_then(Ev::as_str)
                .map(|n| format!("{}[\"{}\"]", res.logical, n.replace('"', "")))
                .unwrap_or_else(|| format!("{}[{i}]", res.logical));
            let mut body = Block::new("resource", pol.span);
            body.attrs
                .insert(owner.into(), ref_attr(&addr, res.key_span));
            set(&mut body, "name", pol, "PolicyName");
            if let Some((s, doc)) = pol.entry("PolicyDocument") {
                body.attrs.insert("policy".into(), policy_attr(doc, s));
            }
            c.push_at(pkind, &name, pol.span, body);
        }
    }
    if res.ty == "AWS::IAM::User" {
        if let Some((_, arns)) = res.prop("ManagedPolicyArns") {
            for (i, arn) in arns.items().iter().enumerate() {
                let mut body = Block::new("resource", arn.span);
                body.attrs
                    .insert("user".into(), ref_attr(&addr, res.key_span));
                body.attrs
                    .insert("policy_arn".into(), attr_of(arn, arn.span));
                let name = format!("{}[{i}]", res.logical);
                c.push_at("aws_iam_user_policy_attachment", &name, arn.span, body);
            }
        }
    }
}
