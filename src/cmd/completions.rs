//! `tailor completions`: a shell completion script, from the CLI's one
//! declaration.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::Cli;

/// Runs `tailor completions`.
pub fn run(shell: clap_complete::Shell) -> Result<ExitCode> {
    let mut out = Vec::new();
    clap_complete::generate(
        shell,
        &mut <Cli as clap::CommandFactory>::command(),
        "tailor",
        &mut out,
    );
    super::print(&String::from_utf8_lossy(&out))?;
    Ok(ExitCode::SUCCESS)
}
