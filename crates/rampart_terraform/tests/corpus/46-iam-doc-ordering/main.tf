# Orderings the provider derives from its internal set hashing: several
# principals blocks of one type, repeated condition test/variable pairs,
# policy variables written as &{...}, characters JSON escapes (<, >, &).
data "aws_iam_policy_document" "order" {
  statement {
    sid     = "ManyBlocks"
    actions = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:GetBucketAcl"]
    resources = [
      "arn:aws:s3:::zeta/*",
      "arn:aws:s3:::alpha/*",
      "arn:aws:s3:::mid/&{aws:username}/*",
    ]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111111111111:root"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::222222222222:root"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::333333333333:root"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444444444444:root", "arn:aws:iam::555555555555:root"]
    }
    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["home/&{aws:username}/*", "home/"]
    }
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["shared/*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:UserAgent"
      values   = ["<script>&\"quoted\"</script>"]
    }
  }
  statement {
    sid    = "Mixed"
    effect = "Deny"
    not_actions = ["iam:PassRole", "iam:CreateRole"]
    not_resources = ["arn:aws:iam::*:role/b", "arn:aws:iam::*:role/a"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::999999999999:root", "arn:aws:iam::888888888888:root"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::777777777777:root"]
    }
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

data "aws_iam_policy_document" "source_shapes" {
  source_policy_documents = [<<EOT
{
  "Version": "2012-10-17",
  "Id": "from-source",
  "Statement": [
    {
      "Sid": "SrcA",
      "Effect": "Allow",
      "Action": ["b:Two", "a:One"],
      "Resource": "*",
      "Principal": {"AWS": ["arn:aws:iam::222222222222:root", "arn:aws:iam::111111111111:root"], "Service": "ec2.amazonaws.com"},
      "Condition": {"Bool": {"aws:SecureTransport": true}, "StringEquals": {"aws:x": ["one"], "aws:y": ["b", "a"]}}
    },
    {
      "Effect": "Deny",
      "NotAction": "s3:*",
      "NotResource": ["arn:aws:s3:::x"],
      "Principal": "*"
    },
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*",
      "Principal": {"AWS": "*"}
    }
  ]
}
EOT
  ]
}
