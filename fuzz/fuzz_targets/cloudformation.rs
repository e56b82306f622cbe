//! Fuzz target `cloudformation`: see `rampart_fuzz::targets::cloudformation`.
#![cfg_attr(feature = "libfuzzer", no_main)]

#[cfg(feature = "libfuzzer")]
libfuzzer_sys::fuzz_target!(|data: &[u8]| rampart_fuzz::targets::cloudformation(data));

#[cfg(not(feature = "libfuzzer"))]
fn main() -> std::process::ExitCode {
    rampart_fuzz::driver::main("cloudformation", rampart_fuzz::targets::cloudformation)
}
