//! CloudFormation JSON: the shared positioned reader with `cfn-*` codes.

use rampart_model::Diagnostic;
use rampart_source::FileId;

use crate::node::Node;

/// Parse a JSON template into a tree, with diagnostics.
pub fn parse(text: &str, file: FileId) -> (Option<Node>, Vec<Diagnostic>) {
    rampart_yaml::json::parse(text, file, &crate::yaml::CODES)
}
