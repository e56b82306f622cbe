//! Elastic Load Balancing rules (ALB, NLB, classic ELB), and the listener and
//! load balancer views shared by them.

pub mod access_logs;
pub mod drop_invalid_headers;
pub mod listener_https;
pub mod listener_tls_policy;

use rampart_model::Resource;

use crate::ctx::Ctx;
use crate::util::{field, Field};

pub const LISTENER_KINDS: &[&str] = &["aws_lb_listener", "aws_alb_listener"];
pub const LB_KINDS: &[&str] = &["aws_lb", "aws_alb"];

/// The load balancer a listener's `load_balancer_arn` refers to, if declared.
pub fn listener_lb<'a>(listener: &Resource, ctx: &Ctx<'a>) -> Option<&'a Resource> {
    let a = listener.body.attr("load_balancer_arn")?;
    let mut refs = a.refs.clone();
    a.value.unknown_refs(&mut refs);
    refs.iter()
        .flat_map(|x| ctx.resolve(x))
        .find(|r| LB_KINDS.contains(&r.kind.as_str()))
}

/// `load_balancer_type` of a load balancer: `Some("application")` when not
/// written (the provider default), `None` when known only after apply.
pub fn lb_type(lb: &Resource) -> Option<String> {
    match field(&lb.body, "load_balancer_type") {
        Field::Known(v, _) => v.as_str().map(str::to_string),
        Field::Unknown(_) => None,
        Field::Missing => Some("application".into()),
    }
}

/// The listener's protocol: as written, or the default for its load balancer
/// (HTTP for an application load balancer, TCP for a network one). `None`
/// when unknown. The flag says whether it is a default.
pub fn listener_protocol(listener: &Resource, ctx: &Ctx) -> Option<(String, bool)> {
    match field(&listener.body, "protocol") {
        Field::Known(v, _) => v.as_str().map(|s| (s.to_ascii_uppercase(), false)),
        Field::Unknown(_) => None,
        Field::Missing => {
            let kind = match listener_lb(listener, ctx) {
                Some(lb) => lb_type(lb)?,
                None => "application".into(),
            };
            match kind.as_str() {
                "network" => Some(("TCP".into(), true)),
                "gateway" => Some(("GENEVE".into(), true)),
                _ => Some(("HTTP".into(), true)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use rampart_model::Status;

    use crate::aws::vpc::testing::only;

    #[test]
    fn default_protocol_follows_the_load_balancer() {
        let alb = r#"
resource "aws_lb" "web" {
  name = "web"
}
resource "aws_lb_listener" "l" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
  }
}
"#;
        assert_eq!(only(&super::listener_https::RULE, alb), Status::Fail);
        let nlb = alb.replace(
            "name = \"web\"",
            "name = \"web\"\n  load_balancer_type = \"network\"",
        );
        assert_eq!(
            only(&super::listener_https::RULE, &nlb),
            Status::NotApplicable
        );
    }

    #[test]
    fn unknown_protocol_is_unknown() {
        let code = r#"
variable "p" { type = string }
resource "aws_lb_listener" "l" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef"
  port              = 443
  protocol          = var.p
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
  }
}
"#;
        assert_eq!(only(&super::listener_https::RULE, code), Status::Unknown);
        assert_eq!(
            only(&super::listener_tls_policy::RULE, code),
            Status::Unknown
        );
    }
}
