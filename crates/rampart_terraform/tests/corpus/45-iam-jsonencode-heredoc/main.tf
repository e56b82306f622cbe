# IAM policies written as jsonencode(), as a heredoc and read with file().
resource "aws_iam_policy" "jsonencoded" {
  name = "jsonencoded"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AllowAll"
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
      {
        Effect    = "Allow"
        Action    = ["s3:GetObject"]
        Resource  = ["arn:aws:s3:::b/*"]
        Principal = { AWS = ["arn:aws:iam::123456789012:root"] }
        Condition = { Bool = { "aws:SecureTransport" = "true" } }
      },
    ]
  })
}

resource "aws_iam_policy" "heredoc" {
  name   = "heredoc"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ec2:Describe*"],
      "Resource": "*"
    }
  ]
}
EOT
}

resource "aws_iam_policy" "from_file" {
  name   = "from-file"
  policy = file("${path.module}/policy.json")
}

resource "aws_iam_role" "lambda" {
  name = "lambda"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_sqs_queue" "q" {
  name = "q"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sqs:SendMessage"
      Resource  = "*"
    }]
  })
}
