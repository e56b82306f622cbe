//! Pod security: privileges, host namespaces, users, filesystems and Linux
//! capabilities of Kubernetes workloads (the CIS Kubernetes Benchmark's
//! section 5.2 and the Pod Security Standards' baseline and restricted
//! profiles).

pub mod capabilities;
pub mod host_namespaces;
pub mod privilege_escalation;
pub mod privileged;
pub mod read_only_root;
pub mod run_as_non_root;

pub(crate) use crate::util::{
    WORKLOAD_HARDENING as HARDENING, WORKLOAD_HARDENING_POLICIES as HARDENING_POLICIES,
};
