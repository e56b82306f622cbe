//! Fuzz target `plan_json`: see `rampart_fuzz::targets::plan_json`.
#![cfg_attr(feature = "libfuzzer", no_main)]

#[cfg(feature = "libfuzzer")]
libfuzzer_sys::fuzz_target!(|data: &[u8]| rampart_fuzz::targets::plan_json(data));

#[cfg(not(feature = "libfuzzer"))]
fn main() -> std::process::ExitCode {
    rampart_fuzz::driver::main("plan_json", rampart_fuzz::targets::plan_json)
}
