//! VPC and security group rules, and the ingress view shared by them.
//!
//! An ingress rule can be written three ways: an inline `ingress` block (or a
//! `dynamic "ingress"`) on `aws_security_group`, an `aws_security_group_rule`
//! with `type = "ingress"`, or an `aws_vpc_security_group_ingress_rule`. The
//! rules here see all three through [`ingress_rules`].

pub mod default_security_group;
pub mod flow_logs;
pub mod nacl_no_public_admin_ports;
pub mod sg_no_public_all_traffic;
pub mod sg_no_public_egress_all;
pub mod sg_no_public_rdp;
pub mod sg_no_public_ssh;
pub mod subnet_no_public_ip;

use rampart_model::{Block, Resource, Span, Status, Value};

use crate::rule::Check;
use crate::util::{blocks_or_objects, is_open_cidr};

/// Kinds that carry ingress rules.
pub const INGRESS_KINDS: &[&str] = &[
    "aws_security_group",
    "aws_default_security_group",
    "aws_security_group_rule",
    "aws_vpc_security_group_ingress_rule",
];

/// Kinds that carry egress rules.
pub const EGRESS_KINDS: &[&str] = &[
    "aws_security_group",
    "aws_default_security_group",
    "aws_security_group_rule",
    "aws_vpc_security_group_egress_rule",
];

/// Network ACLs and their rules.
pub const NACL_KINDS: &[&str] = &[
    "aws_network_acl",
    "aws_network_acl_rule",
    "aws_default_network_acl",
];

/// A three-valued answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    Yes,
    No,
    Unknown,
}

/// One ingress rule, in the terms the public-exposure rules need.
#[derive(Debug, Clone)]
pub struct Ingress {
    /// The block (inline rule) or the resource (standalone rule).
    pub span: Span,
    /// Is the source anywhere on the internet (`0.0.0.0/0`, `::/0`)?
    pub open: Tri,
    /// The open CIDRs found (for messages).
    pub open_cidrs: Vec<String>,
    /// Protocol as written (`tcp`, `6`, `-1`, ...); `None` when unknown.
    pub protocol: Option<String>,
    /// Port range; `None` when unknown.
    pub ports: Option<(f64, f64)>,
}

impl Ingress {
    /// True when the protocol means "all traffic".
    pub fn all_protocols(&self) -> Tri {
        match &self.protocol {
            Some(p) => {
                if is_all_protocols(p) {
                    Tri::Yes
                } else {
                    Tri::No
                }
            }
            None => Tri::Unknown,
        }
    }

    /// Does the rule admit traffic to `port` (TCP or UDP)?
    pub fn covers_port(&self, port: f64) -> Tri {
        match self.all_protocols() {
            Tri::Yes => return Tri::Yes,
            Tri::Unknown => return Tri::Unknown,
            Tri::No => {}
        }
        if let Some(p) = &self.protocol {
            // ICMP "ports" are types and codes, not ports.
            if matches!(
                p.to_ascii_lowercase().as_str(),
                "icmp" | "1" | "icmpv6" | "58"
            ) {
                return Tri::No;
            }
        }
        match self.ports {
            Some((from, to)) if from <= port && port <= to => Tri::Yes,
            Some(_) => Tri::No,
            None => Tri::Unknown,
        }
    }

    pub fn where_(&self) -> String {
        if self.open_cidrs.is_empty() {
            "an address range known only after apply".to_string()
        } else {
            self.open_cidrs.join(", ")
        }
    }
}

pub fn is_all_protocols(p: &str) -> bool {
    matches!(p.trim().to_ascii_lowercase().as_str(), "-1" | "all")
}

fn str_of(b: &Block, name: &str) -> Result<Option<String>, ()> {
    match b.value(name) {
        None => Ok(None),
        Some(v) if !v.is_wholly_known() => Err(()),
        Some(v) => match v.unmarked() {
            Value::String(s) => Ok(Some(s.clone())),
            Value::Number(n) => Ok(Some(rampart_model::value::format_number(n))),
            _ => Err(()),
        },
    }
}

fn num_of(b: &Block, name: &str) -> Result<Option<f64>, ()> {
    match b.value(name) {
        None => Ok(None),
        Some(v) if !v.is_wholly_known() => Err(()),
        Some(v) => v.as_f64().map(Some).ok_or(()),
    }
}

/// Fold CIDR attributes into an openness answer.
fn openness(b: &Block, names: &[&str]) -> (Tri, Vec<String>) {
    let mut open = Vec::new();
    let mut unknown = false;
    for n in names {
        let Some(v) = b.value(n) else { continue };
        let items: Vec<&Value> = match v.unmarked() {
            Value::List(items) | Value::Set(items) => items.iter().collect(),
            Value::Unknown(_) => {
                unknown = true;
                continue;
            }
            other => vec![other],
        };
        for it in items {
            match it.unmarked() {
                Value::String(s) if is_open_cidr(s) => open.push(s.trim().to_string()),
                Value::String(_) | Value::Null => {}
                _ => unknown = true,
            }
        }
    }
    let tri = if !open.is_empty() {
        Tri::Yes
    } else if unknown {
        Tri::Unknown
    } else {
        Tri::No
    };
    (tri, open)
}

fn ports(b: &Block) -> Option<(f64, f64)> {
    let from = num_of(b, "from_port").ok()?;
    let to = num_of(b, "to_port").ok()?;
    match (from, to) {
        (Some(f), Some(t)) => Some((f.min(t), f.max(t))),
        (Some(f), None) => Some((f, f)),
        (None, Some(t)) => Some((t, t)),
        // Not written: the rule is all-protocol (ports ignored) or invalid.
        (None, None) => Some((0.0, 65535.0)),
    }
}

fn from_block(b: &Block, span: Span, cidrs: &[&str], proto: &str) -> Ingress {
    let (open, open_cidrs) = openness(b, cidrs);
    let protocol = str_of(b, proto)
        .ok()
        .map(|p| p.unwrap_or_else(|| "tcp".into()));
    let mut ports = ports(b);
    if protocol.as_deref().is_some_and(is_all_protocols) {
        ports = Some((0.0, 65535.0));
    }
    Ingress {
        span,
        open,
        open_cidrs,
        protocol,
        ports,
    }
}

/// What a resource says about ingress: its rules, or why it has none.
pub enum IngressView {
    Rules(Vec<Ingress>),
    /// Not an ingress rule (an egress `aws_security_group_rule`).
    NotIngress,
    /// The rule's `type` is known only after apply.
    UnknownType(Span),
}

pub fn ingress_rules(res: &Resource) -> IngressView {
    rules_of(res, "ingress")
}

/// NACL entries that deny traffic grant nothing; an unknown action leaves
/// the openness unknown.
fn nacl_entry(b: &Block, span: Span, action: &str) -> Option<Ingress> {
    let mut r = from_block(b, span, &["cidr_block", "ipv6_cidr_block"], "protocol");
    match str_of(b, action) {
        Ok(Some(a)) if a.eq_ignore_ascii_case("deny") => return None,
        Ok(_) => {}
        Err(()) => {
            if r.open == Tri::Yes {
                r.open = Tri::Unknown;
            }
        }
    }
    Some(r)
}

/// The rules of one direction (`ingress` or `egress`) a resource carries:
/// security groups and their standalone rules, network ACLs and their rules.
pub fn rules_of(res: &Resource, dir: &str) -> IngressView {
    let sg_cidrs: &[&str] = &["cidr_blocks", "ipv6_cidr_blocks"];
    match res.kind.as_str() {
        "aws_security_group" | "aws_default_security_group" => IngressView::Rules(
            blocks_or_objects(&res.body, dir)
                .iter()
                .map(|b| from_block(b, b.span, sg_cidrs, "protocol"))
                .collect(),
        ),
        "aws_security_group_rule" => match str_of(&res.body, "type") {
            Ok(Some(t)) if t == dir => {
                IngressView::Rules(vec![from_block(&res.body, res.span, sg_cidrs, "protocol")])
            }
            Ok(_) => IngressView::NotIngress,
            Err(()) => {
                IngressView::UnknownType(res.body.attr("type").map(|a| a.span).unwrap_or(res.span))
            }
        },
        "aws_vpc_security_group_ingress_rule" | "aws_vpc_security_group_egress_rule"
            if res.kind.ends_with(&format!("_{dir}_rule")) =>
        {
            IngressView::Rules(vec![from_block(
                &res.body,
                res.span,
                &["cidr_ipv4", "cidr_ipv6"],
                "ip_protocol",
            )])
        }
        "aws_network_acl" | "aws_default_network_acl" => IngressView::Rules(
            blocks_or_objects(&res.body, dir)
                .iter()
                .filter_map(|b| nacl_entry(b, b.span, "action"))
                .collect(),
        ),
        "aws_network_acl_rule" => {
            let egress = match res.body.value("egress") {
                None => Some(false),
                Some(v) => v.as_bool(),
            };
            match egress {
                Some(e) if e == (dir == "egress") => IngressView::Rules(
                    nacl_entry(&res.body, res.span, "rule_action")
                        .into_iter()
                        .collect(),
                ),
                Some(_) => IngressView::NotIngress,
                None => IngressView::UnknownType(
                    res.body.attr("egress").map(|a| a.span).unwrap_or(res.span),
                ),
            }
        }
        _ => IngressView::NotIngress,
    }
}

/// The shared check: fail for every ingress rule open to the internet that
/// `matches`, unknown where either side is known only after apply.
pub fn check_public_ingress(
    res: &Resource,
    what: &str,
    matches: impl Fn(&Ingress) -> Tri,
) -> Vec<Check> {
    check_public(res, "ingress", what, matches)
}

/// [`check_public_ingress`] for either direction: `dir` is `ingress` (source
/// anywhere) or `egress` (destination anywhere).
pub fn check_public(
    res: &Resource,
    dir: &str,
    what: &str,
    matches: impl Fn(&Ingress) -> Tri,
) -> Vec<Check> {
    let rules = match rules_of(res, dir) {
        IngressView::Rules(r) => r,
        IngressView::NotIngress => {
            return vec![Check::not_applicable(
                res.span,
                format!("not an {dir} rule"),
            )]
        }
        IngressView::UnknownType(span) => {
            return vec![Check::unknown(
                span,
                "whether this is an ingress or an egress rule is known only after apply",
            )]
        }
    };
    let (from, anywhere) = if dir == "egress" {
        ("to", "to anywhere")
    } else {
        ("from", "from anywhere")
    };
    let mut out = Vec::new();
    let mut unknown = Vec::new();
    for r in &rules {
        match (r.open, matches(r)) {
            (Tri::No, _) | (_, Tri::No) => {}
            (Tri::Yes, Tri::Yes) => out.push(
                Check::fail(r.span, format!("{dir} {from} {} allows {what}", r.where_())).at(dir),
            ),
            _ => unknown.push(Check::unknown(
                r.span,
                format!(
                    "{dir} may allow {what} {anywhere}: the address range or the ports are \
                     known only after apply"
                ),
            )),
        }
    }
    if !out.is_empty() {
        return out;
    }
    if !unknown.is_empty() {
        return unknown;
    }
    let msg = if rules.is_empty() {
        format!("no {dir} rules")
    } else {
        format!("no {dir} rule allows {what} {from} 0.0.0.0/0 or ::/0")
    };
    vec![Check::new(Status::Pass, res.span, msg)]
}

/// Evaluate a Terraform snippet and run one rule over it (unit tests of the
/// part-B rules use this for cases the documented examples cannot show, such
/// as results that are unknown).
#[cfg(test)]
pub(crate) mod testing {
    use rampart_model::Status;

    use crate::ctx::Ctx;
    use crate::rule::Rule;

    pub fn statuses(rule: &Rule, code: &str) -> Vec<(String, Status, String)> {
        let Ok(dir) = tempfile::tempdir() else {
            return Vec::new();
        };
        if std::fs::write(dir.path().join("main.tf"), code).is_err() {
            return Vec::new();
        }
        let sources = rampart_source::SourceMap::new();
        let eval = rampart_terraform::evaluate_dir(dir.path(), &sources, &Default::default());
        let ctx = Ctx::new(&eval.resources);
        eval.resources
            .iter()
            .filter(|r| rule.applies_to(&r.kind))
            .flat_map(|r| {
                (rule.check)(r, &ctx)
                    .into_iter()
                    .map(|c| (r.address.clone(), c.status, c.message))
            })
            .collect()
    }

    pub fn only(rule: &Rule, code: &str) -> Status {
        let s = statuses(rule, code);
        assert_eq!(s.len(), 1, "{s:?}");
        s.first().map(|x| x.1).unwrap_or(Status::NotApplicable)
    }
}

#[cfg(test)]
mod tests {
    use rampart_model::Status;

    use super::testing::{only, statuses};

    #[test]
    fn unknown_source_is_unknown() {
        let code = r#"
variable "cidrs" { type = list(string) }
resource "aws_security_group" "u" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.cidrs
  }
}
"#;
        assert_eq!(only(&super::sg_no_public_ssh::RULE, code), Status::Unknown);
        // Port 22 is not in an RDP rule whatever the source.
        assert_eq!(only(&super::sg_no_public_rdp::RULE, code), Status::Pass);
    }

    #[test]
    fn unknown_type_and_egress() {
        let code = r#"
variable "t" { type = string }
resource "aws_security_group_rule" "a" {
  type              = var.t
  security_group_id = "sg-1"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
resource "aws_security_group_rule" "b" {
  type              = "egress"
  security_group_id = "sg-1"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
}
"#;
        let s = statuses(&super::sg_no_public_all_traffic::RULE, code);
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s
            .iter()
            .any(|x| x.0.ends_with(".a") && x.1 == Status::Unknown));
        assert!(s
            .iter()
            .any(|x| x.0.ends_with(".b") && x.1 == Status::NotApplicable));
    }

    #[test]
    fn icmp_and_ranges() {
        let code = r#"
resource "aws_security_group" "x" {
  ingress {
    from_port   = -1
    to_port     = -1
    protocol    = "icmp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port        = 3000
    to_port          = 3500
    protocol         = "udp"
    ipv6_cidr_blocks = ["::/0"]
  }
}
"#;
        assert_eq!(only(&super::sg_no_public_ssh::RULE, code), Status::Pass);
        assert_eq!(only(&super::sg_no_public_rdp::RULE, code), Status::Fail);
        assert_eq!(
            only(&super::sg_no_public_all_traffic::RULE, code),
            Status::Pass
        );
    }

    #[test]
    fn flow_log_in_module_style_count() {
        let code = r#"
resource "aws_vpc" "v" {
  count      = 2
  cidr_block = "10.${count.index}.0.0/16"
}
resource "aws_flow_log" "f" {
  vpc_id       = aws_vpc.v[0].id
  traffic_type = "ALL"
}
"#;
        let s = statuses(&super::flow_logs::RULE, code);
        assert!(
            s.iter()
                .any(|x| x.0 == "aws_vpc.v[0]" && x.1 == Status::Pass),
            "{s:?}"
        );
        assert!(
            s.iter()
                .any(|x| x.0 == "aws_vpc.v[1]" && x.1 == Status::Fail),
            "{s:?}"
        );
    }
}
