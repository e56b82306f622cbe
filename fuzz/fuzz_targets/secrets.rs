//! Fuzz target `secrets`: see `rampart_fuzz::targets::secrets`.
#![cfg_attr(feature = "libfuzzer", no_main)]

#[cfg(feature = "libfuzzer")]
libfuzzer_sys::fuzz_target!(|data: &[u8]| rampart_fuzz::targets::secrets(data));

#[cfg(not(feature = "libfuzzer"))]
fn main() -> std::process::ExitCode {
    rampart_fuzz::driver::main("secrets", rampart_fuzz::targets::secrets)
}
