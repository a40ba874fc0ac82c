//! The `tailor` binary: parse arguments, run, map the outcome to an exit code.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

// Analysis, scoring and Typst make many small allocations on every thread.
// Measured on 2 cores, `tailor batch` of the 5,189 real postings took 124
// CPU-s with glibc's allocator and 104 with mimalloc (16% less), at about the
// same peak memory (74 and 77 MB); 1,000 × 500 bench postings, 35 against 31.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    tailor::cmd::install_panic_hook();
    let cli = tailor::cli::Cli::parse();
    match tailor::cmd::run(cli) {
        Ok(code) => code,
        // The reader went away (`tailor score … | head`): not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
