//! Amazon DynamoDB rules.

pub mod dax_encryption;
pub mod point_in_time_recovery;
pub mod table_customer_key;
