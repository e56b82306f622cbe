//! Fuzz target `eval_expression`: see `rampart_fuzz::targets::eval_expression`.
#![cfg_attr(feature = "libfuzzer", no_main)]

#[cfg(feature = "libfuzzer")]
libfuzzer_sys::fuzz_target!(|data: &[u8]| rampart_fuzz::targets::eval_expression(data));

#[cfg(not(feature = "libfuzzer"))]
fn main() -> std::process::ExitCode {
    rampart_fuzz::driver::main("eval_expression", rampart_fuzz::targets::eval_expression)
}
