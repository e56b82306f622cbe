# Realistic policy documents: a KMS key policy (kms:ViaService, account root,
# key administrators), a cross-account trust with sts:ExternalId, an S3 policy
# limited to a VPC endpoint, policy variables written as $${aws:username}
# (HCL escape) and &{aws:username} (provider syntax), a MFA deny statement.
locals {
  account = "123456789012"
  admins  = ["arn:aws:iam::123456789012:role/admin", "arn:aws:iam::123456789012:role/breakglass"]
}

data "aws_iam_policy_document" "kms" {
  statement {
    sid       = "EnableRoot"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${local.account}:root"]
    }
  }
  statement {
    sid = "KeyAdmins"
    actions = [
      "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*",
      "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*",
      "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
    ]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = local.admins
    }
  }
  statement {
    sid       = "ViaS3"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.us-east-1.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:CallerAccount"
      values   = [local.account]
    }
  }
}

resource "aws_kms_key" "k" {
  description = "realistic"
  policy      = data.aws_iam_policy_document.kms.json
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::999988887777:root"]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = ["rampart-external-id"]
    }
  }
}

resource "aws_iam_role" "cross" {
  name               = "cross-account"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

data "aws_iam_policy_document" "vpce" {
  statement {
    sid       = "DenyOutsideVpce"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::rampart-vpce", "arn:aws:s3:::rampart-vpce/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringNotEquals"
      variable = "aws:SourceVpce"
      values   = ["vpce-0123456789abcdef0"]
    }
  }
  statement {
    sid       = "HomeDirs"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["arn:aws:s3:::rampart-vpce/home/$${aws:username}/*", "arn:aws:s3:::rampart-vpce/shared/&{aws:username}/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
  statement {
    sid           = "DenyWithoutMfa"
    effect        = "Deny"
    not_actions   = ["iam:ChangePassword", "sts:GetSessionToken"]
    resources     = ["*"]
    not_principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:role/automation"]
    }
    condition {
      test     = "BoolIfExists"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "vpce" {
  bucket = "rampart-vpce"
  policy = data.aws_iam_policy_document.vpce.json
}
