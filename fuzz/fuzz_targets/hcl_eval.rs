//! Fuzz target `hcl_eval`: see `rampart_fuzz::targets::hcl_eval`.
#![cfg_attr(feature = "libfuzzer", no_main)]

#[cfg(feature = "libfuzzer")]
libfuzzer_sys::fuzz_target!(|data: &[u8]| rampart_fuzz::targets::hcl_eval(data));

#[cfg(not(feature = "libfuzzer"))]
fn main() -> std::process::ExitCode {
    rampart_fuzz::driver::main("hcl_eval", rampart_fuzz::targets::hcl_eval)
}
