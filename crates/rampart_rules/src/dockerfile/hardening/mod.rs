//! Image hardening: the user the container runs as, how files get into the
//! image, and whether the image says how to check it is healthy (CIS Docker
//! Benchmark, section 4).

pub mod copy_not_add;
pub mod healthcheck;
pub mod non_root_user;

/// Frameworks shared by the image-hardening rules.
pub(crate) const HARDENING: &[&str] = &[
    "soc2:CC6.1",
    "soc2:CC6.8",
    "iso27001:A.8.9",
    "nist-csf:PR.PS-01",
    "pci-dss:2.2.1",
    "cis-controls:4.1",
    "nis2:21.2.e",
];

/// Seed-policy sections shared by the image-hardening rules.
pub(crate) const HARDENING_POLICIES: &[&str] = &["SIAC:4.3", "SIAC:7.3"];
