//! Functions of the AWS provider that terraform evaluates at plan time
//! (`provider::aws::arn_parse`, `arn_build`, `trim_iam_role_path`).

use rampart_model::Value;

/// Call `provider::aws::<name>`; `None` when the function is not one of these.
pub fn call_aws(name: &str, args: &[Value]) -> Option<Result<Value, String>> {
    let strs: Option<Vec<&str>> = args.iter().map(Value::as_str).collect();
    let r = match (name, strs.as_deref()) {
        ("arn_parse", Some([arn])) => parse(arn).map(|p| {
            Value::object([
                ("partition", Value::from(p[0])),
                ("service", Value::from(p[1])),
                ("region", Value::from(p[2])),
                ("account_id", Value::from(p[3])),
                ("resource", Value::from(p[4])),
            ])
        }),
        ("arn_build", Some([partition, service, region, account, resource])) => Ok(Value::String(
            format!("arn:{partition}:{service}:{region}:{account}:{resource}"),
        )),
        ("trim_iam_role_path", Some([arn])) => parse(arn).and_then(|p| {
            if p[1] != "iam" || !p[4].starts_with("role/") {
                return Err(format!("\"{arn}\" is not an IAM role ARN"));
            }
            let name = p[4].rsplit('/').next().unwrap_or_default();
            Ok(Value::String(format!(
                "arn:{}:{}:{}:{}:role/{name}",
                p[0], p[1], p[2], p[3]
            )))
        }),
        ("arn_parse" | "arn_build" | "trim_iam_role_path", _) => Err(format!(
            "invalid arguments to provider::aws::{name}: string arguments are required"
        )),
        _ => return None,
    };
    Some(r)
}

/// The five parts of an ARN (the resource part may hold colons).
fn parse(arn: &str) -> Result<[&str; 5], String> {
    let mut it = arn.splitn(6, ':');
    let parts = [
        it.next(),
        it.next(),
        it.next(),
        it.next(),
        it.next(),
        it.next(),
    ];
    match parts {
        [Some("arn"), Some(p), Some(s), Some(r), Some(a), Some(res)]
            if !p.is_empty() && !s.is_empty() && !res.is_empty() =>
        {
            Ok([p, s, r, a, res])
        }
        _ => Err(format!("invalid ARN \"{arn}\"")),
    }
}
