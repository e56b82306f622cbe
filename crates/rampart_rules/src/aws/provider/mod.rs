//! Rules on `provider "aws"` configuration blocks.

pub mod no_hardcoded_credentials;
