//! Whole templates through the front end and every rule: the results (rule,
//! resource, status, line) are compared with the expected list below.

use rampart_cloudformation::{load_template, Options};
use rampart_source::SourceMap;

fn results(name: &str, opts: &Options) -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let sources = SourceMap::new();
    let ev = load_template(&path, &sources, opts);
    assert!(
        ev.diagnostics
            .iter()
            .all(|d| d.level != rampart_model::Level::Error),
        "{:?}",
        ev.diagnostics
    );
    let ctx = rampart_rules::Ctx::new(&ev.resources);
    let mut out = Vec::new();
    for r in &ev.resources {
        for rule in rampart_rules::all() {
            if !rule.applies_to(&r.kind) {
                continue;
            }
            for c in (rule.check)(r, &ctx) {
                let line = sources.locate(c.span).map(|l| l.start.line).unwrap_or(0);
                out.push(format!(
                    "{} {} {:?} L{line}",
                    rule.meta.id, r.address, c.status
                ));
            }
        }
    }
    out.sort();
    out
}

fn has(all: &[String], want: &str) {
    assert!(
        all.iter().any(|x| x == want),
        "missing `{want}` in:\n{}",
        all.join("\n")
    );
}

#[test]
fn app_stack() {
    let dev = results("app-stack.yaml", &Options::default());
    for want in [
        "RMP-AWS-S3-005 aws_s3_bucket.LogBucket Fail L56",
        "RMP-AWS-S3-007 aws_s3_bucket.LogBucket Pass L49",
        "RMP-AWS-S3-008 aws_s3_bucket.LogBucket Fail L40",
        "RMP-AWS-S3-009 aws_s3_bucket.LogBucket Pass L61",
        "RMP-AWS-S3-002 aws_s3_bucket_public_access_block.LogBucket Pass L51",
        "RMP-AWS-KMS-002 aws_kms_key.DataKey Pass L72",
        "RMP-AWS-VPC-001 aws_security_group.AppSg Pass L79",
        "RMP-AWS-VPC-005 aws_vpc.Vpc Pass L32",
        "RMP-AWS-RDS-001 aws_db_instance.Db Pass L101",
        "RMP-AWS-RDS-003 aws_db_instance.Db Fail L104",
        "RMP-AWS-RDS-006 aws_db_instance.Db Fail L103",
        "RMP-AWS-SQS-001 aws_sqs_queue.Queue Pass L110",
        "RMP-AWS-LAMBDA-002 aws_lambda_function.Fn Pass L124",
        "RMP-AWS-IAM-001 aws_iam_role_policy.FnRole[\"queue\"] Pass L134",
        "RMP-AWS-ELB-004 aws_lb.Alb Pass L144",
        "RMP-AWS-ELB-002 aws_lb_listener.HttpsListener Pass L153",
    ] {
        has(&dev, want);
    }
    // The production parameter value turns the findings around.
    let prod = results(
        "app-stack.yaml",
        &Options {
            parameters: vec![("Env".into(), "prod".into())],
            ..Options::default()
        },
    );
    for want in [
        "RMP-AWS-S3-005 aws_s3_bucket.LogBucket Pass L56",
        "RMP-AWS-RDS-003 aws_db_instance.Db Pass L104",
        "RMP-AWS-RDS-004 aws_db_instance.Db Pass L105",
        "RMP-AWS-RDS-006 aws_db_instance.Db Pass L103",
    ] {
        has(&prod, want);
    }
}

#[test]
fn sam_app_with_unknown_parameter() {
    let all = results("sam-app.yaml", &Options::default());
    for want in [
        "RMP-AWS-S3-005 aws_s3_bucket.Bucket Unknown L24",
        "RMP-AWS-S3-007 aws_s3_bucket.Bucket Unknown L21",
        "RMP-AWS-APIGATEWAY-001 aws_api_gateway_stage.Api Pass L38",
        "RMP-AWS-APIGATEWAY-003 aws_api_gateway_stage.Api Pass L36",
        "RMP-AWS-LAMBDA-002 aws_lambda_function.Fn Fail L25",
        "RMP-AWS-DYNAMODB-001 aws_dynamodb_table.Table Fail L39",
    ] {
        has(&all, want);
    }
}
