//! Rules for Amazon Web Services.

pub mod apigateway;
pub mod backup;
pub mod cloudfront;
pub mod cloudtrail;
pub mod config;
pub mod docdb;
pub mod dynamodb;
pub mod ebs;
pub mod ec2;
pub mod ecr;
pub mod eks;
pub mod elasticache;
pub mod elb;
pub mod guardduty;
pub mod iam;
pub mod kms;
pub mod lambda;
pub mod neptune;
pub mod opensearch;
pub mod provider;
pub mod rds;
pub mod s3;
pub mod secretsmanager;
pub mod sns;
pub mod sqs;
pub mod vpc;
