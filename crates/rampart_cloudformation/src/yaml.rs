//! CloudFormation YAML: the shared positioned reader ([`rampart_yaml`]) with
//! the short-form intrinsic tags (`!Ref`, `!GetAtt a.b`, `!Sub`, ...) read as
//! their long form and `cfn-*` diagnostic codes.

use rampart_model::Diagnostic;
use rampart_source::FileId;
use rampart_yaml::{Codes, Dialect};

use crate::node::Node;

pub use rampart_yaml::yaml::ALIAS_BUDGET;

/// Short-form intrinsic tags and the long-form key each stands for.
pub fn long_form(tag: &str) -> Option<&'static str> {
    Some(match tag {
        "Ref" => "Ref",
        "Condition" => "Condition",
        "Sub" => "Fn::Sub",
        "GetAtt" => "Fn::GetAtt",
        "If" => "Fn::If",
        "Equals" => "Fn::Equals",
        "Join" => "Fn::Join",
        "Select" => "Fn::Select",
        "Split" => "Fn::Split",
        "FindInMap" => "Fn::FindInMap",
        "Base64" => "Fn::Base64",
        "GetAZs" => "Fn::GetAZs",
        "Cidr" => "Fn::Cidr",
        "And" => "Fn::And",
        "Or" => "Fn::Or",
        "Not" => "Fn::Not",
        "ImportValue" => "Fn::ImportValue",
        "Transform" => "Fn::Transform",
        "Length" => "Fn::Length",
        "ToJsonString" => "Fn::ToJsonString",
        "ForEach" => "Fn::ForEach",
        _ => return None,
    })
}

/// Diagnostic codes of template reading.
pub const CODES: Codes = Codes {
    parse_error: "cfn-parse-error",
    multiple_documents: "cfn-multiple-documents",
    too_deep: "cfn-too-deep",
    alias_budget: "cfn-alias-budget",
    unknown_tag: "cfn-unknown-tag",
    duplicate_key: "cfn-duplicate-key",
};

/// How CloudFormation templates are read.
pub const DIALECT: Dialect = Dialect {
    long_form,
    split_get_att: true,
    codes: CODES,
};

/// Parse a YAML template into the first document's tree, with diagnostics.
pub fn parse(text: &str, file: FileId) -> (Option<Node>, Vec<Diagnostic>) {
    rampart_yaml::yaml::parse(text, file, &DIALECT)
}
