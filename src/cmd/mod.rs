//! The commands: thin glue from parsed arguments to library calls. Each
//! subcommand is a module; shared steps (load the library, read a posting)
//! live here.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cli::{Cli, Command};
use crate::content::{self, Library};
use crate::input;
use crate::posting::Posting;

pub mod compose;
pub mod score;

/// Runs the parsed command line. Errors are input or usage errors (exit 2);
/// commands that have other outcomes say so in the exit code they return.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Compose(args) => compose::run(&args),
        Command::Score(args) => score::run(&args),
    }
}

/// Loads the achievement library.
pub(crate) fn load_library(path: &Path) -> Result<Library> {
    content::load(path)
}

/// Reads and analyses a posting; warnings go to stderr.
pub(crate) fn load_posting(path: &Path) -> Result<Posting> {
    let source = input::read_posting(path)?;
    for w in &source.warnings {
        let _ = writeln!(std::io::stderr(), "warning: {w}");
    }
    let posting = Posting::analyse(&source.name, &source.text);
    if posting.is_empty() {
        bail!(
            "posting `{}` has no words to match (only numbers, punctuation or common words)",
            source.label()
        );
    }
    Ok(posting)
}

/// Installs a panic hook that asks for a report instead of printing a
/// backtrace at the user: a panic is tailor's bug, never theirs.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let _ = writeln!(
            std::io::stderr(),
            "internal error{at}: {what}\nthis is a bug in tailor {}; please report it with the command you ran",
            env!("CARGO_PKG_VERSION")
        );
    }));
}
