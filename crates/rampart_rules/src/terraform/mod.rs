//! Rules about Terraform itself rather than a cloud resource: how modules,
//! providers and the Terraform version are pinned.

pub mod supply_chain;
