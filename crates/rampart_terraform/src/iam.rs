//! Rendering `data "aws_iam_policy_document"` to the JSON the AWS provider produces (to be written).
