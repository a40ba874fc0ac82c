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
    /// Rank every achievement against a job posting, with the terms it
    /// matched, then show which key terms of the posting the résumé covers.
    Score(ScoreArgs),
    /// Explain one achievement's score: each term it matched, how, where the
    /// term stood in the posting, its weight and its contribution.
    Explain(ExplainArgs),
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
    /// The job posting: a plain-text, Markdown or HTML file, or `-` for stdin.
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

    /// Also write a match report (coverage, missing key terms, selection):
    /// JSON for a .json file, else Markdown.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// Exit with status 1 when the match rate is below PCT percent (the
    /// résumé is still written): a gate for scripts.
    #[arg(long, value_name = "PCT", value_parser = parse_percent)]
    pub min_match: Option<f64>,
}

fn parse_percent(s: &str) -> Result<f64, String> {
    let v: f64 = s
        .trim_end_matches('%')
        .parse()
        .map_err(|_| format!("`{s}` is not a percentage"))?;
    if (0.0..=100.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is not between 0 and 100"))
    }
}

/// Arguments of `tailor score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The job posting: a plain-text, Markdown or HTML file, or `-` for stdin.
    #[arg(long, short = 'j', value_name = "FILE")]
    pub job: PathBuf,

    #[command(flatten)]
    pub content: ContentArgs,

    /// Budget for the résumé whose coverage is shown [default: 400].
    #[arg(long, short = 'b', value_name = "WORDS", value_parser = clap::value_parser!(u32).range(1..))]
    pub budget: Option<u32>,

    /// How to print the ranking.
    #[arg(long, short = 'f', value_enum, default_value_t = ScoreFormat::Text)]
    pub format: ScoreFormat,
}

/// Arguments of `tailor explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The job posting: a plain-text, Markdown or HTML file, or `-` for stdin.
    #[arg(long, short = 'j', value_name = "FILE")]
    pub job: PathBuf,

    /// The achievement to explain.
    #[arg(long, value_name = "ID")]
    pub id: String,

    #[command(flatten)]
    pub content: ContentArgs,

    /// How to print the explanation.
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
