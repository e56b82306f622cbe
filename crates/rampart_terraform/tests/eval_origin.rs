//! Provenance: a value that comes from a variable says so, also through locals.

use rampart_model::{Origin, ResourceMode};
use rampart_source::SourceMap;

#[test]
fn origin_follows_variables_through_locals() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(
        dir.path().join("main.tf"),
        r#"variable "key" {
  type = string
}
locals {
  indirect = local.direct
  direct   = var.key
}
resource "aws_sqs_queue" "q" {
  name              = "literal"
  kms_master_key_id = local.indirect
  tags              = { k = var.key }
}
"#,
    )
    .expect("write");
    std::fs::write(dir.path().join("terraform.tfvars"), "key = \"alias/app\"\n").expect("write");
    let ev = rampart_terraform::evaluate_dir(dir.path(), &SourceMap::new(), &Default::default());
    let q = ev
        .resources
        .iter()
        .find(|r| r.mode == ResourceMode::Managed && r.address == "aws_sqs_queue.q")
        .expect("queue");
    let origin = |name: &str| q.body.attr(name).map(|a| a.origin.clone());
    match origin("kms_master_key_id") {
        Some(Origin::Variable {
            name,
            source,
            set_at,
        }) => {
            assert_eq!(name, "key");
            assert_eq!(source, "terraform.tfvars");
            assert!(set_at.is_some());
        }
        other => panic!("expected a variable origin, got {other:?}"),
    }
    assert_eq!(origin("name"), Some(Origin::Explicit));
    // An expression that merely contains a variable is written in the block.
    assert_eq!(origin("tags"), Some(Origin::Explicit));
}
