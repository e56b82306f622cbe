//! Rules for Amazon Web Services.

pub mod s3;
pub mod ec2;
pub mod apigateway;
pub mod cloudfront;
pub mod cloudtrail;
pub mod config;
pub mod ecr;
pub mod eks;
pub mod elb;
pub mod guardduty;
pub mod lambda;
pub mod provider;
pub mod vpc;
