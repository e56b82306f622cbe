//! Plan resources carry the references their configuration expressions make,
//! so a flow log in a plan points at its VPC just as it does in HCL.

use rampart_model::ResourceMode;
use rampart_source::SourceMap;

#[test]
fn plan_attributes_keep_configuration_references() {
    let plan = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/plan/network.plan.json");
    let ev = rampart_terraform::plan::load_plan(&plan, &SourceMap::new());
    let find = |addr: &str| {
        ev.resources
            .iter()
            .find(|r| r.address == addr && r.mode == ResourceMode::Managed)
            .unwrap_or_else(|| panic!("{addr} in the plan"))
    };
    let flow = find("aws_flow_log.main");
    let vpc_id = flow.body.attr("vpc_id").expect("vpc_id");
    assert!(
        vpc_id.value.is_unknown(),
        "the VPC id is known only after apply"
    );
    assert_eq!(vpc_id.refs, vec!["aws_vpc.main".to_string()]);
    let rule = find("aws_security_group_rule.admin_ssh");
    let sg = rule
        .body
        .attr("security_group_id")
        .expect("security_group_id");
    assert_eq!(sg.refs, vec!["aws_security_group.web".to_string()]);
    let bastion = find("aws_instance.bastion");
    let subnet = bastion.body.attr("subnet_id").expect("subnet_id");
    assert_eq!(
        subnet.refs.first().map(String::as_str),
        Some("aws_subnet.private[0]")
    );
}
