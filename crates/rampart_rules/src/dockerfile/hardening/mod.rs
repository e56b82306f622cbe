//! Image hardening: the user the container runs as, how files get into the
//! image, and whether the image says how to check it is healthy (CIS Docker
//! Benchmark, section 4).

pub mod copy_not_add;
pub mod healthcheck;
pub mod non_root_user;

pub(crate) use crate::util::{
    WORKLOAD_HARDENING as HARDENING, WORKLOAD_HARDENING_POLICIES as HARDENING_POLICIES,
};
