//! The command line, declared in one place. The `///` comments are the help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::render::Format;

/// Tailor a résumé to a job posting.
///
/// Keep every achievement of your career once, in YAML (see README, "Content
/// format"); for each job, `tailor compose` picks the achievements that fit
/// the posting best, within a length budget, and renders them as Markdown or
/// HTML.
#[derive(Debug, Parser)]
#[command(
    name = "tailor",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a résumé tailored to a job posting.
    Compose(ComposeArgs),
    /// Rank every achievement against a job posting, with the terms it matched.
    Score(ScoreArgs),
}

/// Where the achievement library is.
#[derive(Debug, Args)]
pub struct ContentArgs {
    /// The achievement library: a YAML file, or a directory of them.
    #[arg(long, short = 'c', value_name = "PATH", default_value = "content")]
    pub content: PathBuf,
}

/// Arguments of `tailor compose`.
#[derive(Debug, Args)]
pub struct ComposeArgs {
    /// The job posting: a plain-text or Markdown file, or `-` for stdin.
    #[arg(long, short = 'j', value_name = "FILE")]
    pub job: PathBuf,

    #[command(flatten)]
    pub content: ContentArgs,

    /// Most words of achievement text to include [default: 400, about one page].
    #[arg(long, short = 'b', value_name = "WORDS", value_parser = clap::value_parser!(u32).range(1..))]
    pub budget: Option<u32>,

    /// Output format [default: from the --out extension, else md].
    #[arg(long, short = 'f')]
    pub format: Option<Format>,

    /// A handlebars template to use instead of the built-in one for the format.
    #[arg(long, short = 't', value_name = "FILE")]
    pub template: Option<PathBuf>,

    /// Where to write the résumé [default: stdout]. Written atomically.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Arguments of `tailor score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The job posting: a plain-text or Markdown file, or `-` for stdin.
    #[arg(long, short = 'j', value_name = "FILE")]
    pub job: PathBuf,

    #[command(flatten)]
    pub content: ContentArgs,

    /// How to print the ranking.
    #[arg(long, short = 'f', value_enum, default_value_t = ScoreFormat::Text)]
    pub format: ScoreFormat,
}

/// Output formats of `tailor score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    /// A table for people.
    Text,
    /// One JSON object for scripts.
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
