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

/// Frameworks shared by the pod-hardening rules.
pub(crate) const HARDENING: &[&str] = &[
    "soc2:CC6.1",
    "soc2:CC6.8",
    "iso27001:A.8.9",
    "nist-csf:PR.PS-01",
    "pci-dss:2.2.1",
    "cis-controls:4.1",
    "nis2:21.2.e",
];

/// Seed-policy sections shared by the pod-hardening rules.
pub(crate) const HARDENING_POLICIES: &[&str] = &["SIAC:4.3", "SIAC:7.3"];
