//! The command line, declared in one place. The `///` comments are the help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::analysis::Lang;
use crate::content::YearMonth;
use crate::format::Format;
use crate::select::{Budget, OldRoles, Order, RequireTag, Rule};

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
    /// Tailor for many postings at once: one résumé per posting and format,
    /// a summary (table, summary.csv, summary.json) and a coverage report
    /// (report.html) in the output directory. Exit status 1 when any
    /// posting failed.
    Batch(BatchArgs),
    /// Compare two tailored variants: achievements added, removed, moved and
    /// rephrased, coverage and words. Exit status like diff(1): 0 same
    /// selection, 1 different, 2 error.
    Diff(DiffArgs),
    /// Work with the built-in templates.
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Validate content, profiles and templates without a posting, and lint
    /// the achievements (exit 0, or 2 on errors, and with --deny-warnings on
    /// warnings).
    Check(CheckArgs),
    /// Start a new résumé folder: content with a commented example, a
    /// default profile and an example posting.
    Init {
        /// Where (created if missing; nothing existing is overwritten).
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Convert a JSON Resume document (JSON or YAML) into the content format:
    /// every highlight becomes an achievement; what cannot be kept is listed.
    Import {
        /// The JSON Resume document.
        file: PathBuf,
        /// The content directory to write resume.yaml into.
        #[arg(long, short = 'o', value_name = "DIR", default_value = "content")]
        out: PathBuf,
    },
    /// Print the JSON Schema of the content or profile format (for editor
    /// completion; see README).
    Schema {
        /// Which format.
        #[arg(value_enum, default_value_t = SchemaKind::Content)]
        which: SchemaKind,
    },
    /// Print shell completions.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

/// The formats `tailor schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// Content files (content/*.yaml).
    Content,
    /// Profile files (profiles/*.yaml).
    Profile,
}

/// Arguments of `tailor check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub content: ContentArgs,

    /// A directory of profiles to validate [default: ./profiles if present].
    #[arg(long, value_name = "DIR")]
    pub profiles: Option<PathBuf>,

    /// A template directory to validate.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Treat lint warnings as errors (exit 2).
    #[arg(long)]
    pub deny_warnings: bool,

    /// Check a PDF as an applicant tracking system reads it, instead: any
    /// PDF, your own included. Reports text that is an image or does not
    /// map, columns, headings and contact details, and for a PDF tailor
    /// wrote (with its library as --content) every achievement in order.
    /// Exit 1 when anything would be lost.
    #[arg(long, value_name = "FILE.pdf")]
    pub ats: Option<PathBuf>,
}

/// Arguments of `tailor batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Postings: files, directories (every .txt, .md and .html inside) or
    /// glob patterns ("postings/*.txt").
    #[arg(required = true, value_name = "POSTING")]
    pub postings: Vec<PathBuf>,

    /// Where to write everything (created if missing). Nothing is written
    /// outside it.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out_dir: PathBuf,

    /// Formats to write, comma-separated: md, html, pdf, jsonresume.
    #[arg(long, short = 'f', value_delimiter = ',', default_value = "md")]
    pub format: Vec<Format>,

    /// Look into directories recursively.
    #[arg(long, short = 'r')]
    pub recursive: bool,

    #[command(flatten)]
    pub content: ContentArgs,

    #[command(flatten)]
    pub lang: LangArgs,

    /// A presentation preset (as for compose).
    #[arg(long, short = 'p', value_name = "NAME|FILE")]
    pub profile: Option<String>,

    #[command(flatten)]
    pub select: SelectArgs,

    /// Worker threads [default: one per core]. Output is the same whatever
    /// the number.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,

    /// No progress bar (there is none anyway when stderr is not a terminal).
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Replace existing files in DIR even if tailor did not write them.
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `tailor diff`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  tailor diff a.md b.html\n  tailor diff --job p1.txt --job p2.txt\n  tailor diff --job p.txt --profile default --profile payments\n  tailor diff --job p.txt --budget 1p --budget 250"
)]
pub struct DiffArgs {
    /// Two résumés written by tailor (Markdown or HTML, mixed allowed).
    #[arg(value_name = "FILE", num_args = 0..=2)]
    pub files: Vec<PathBuf>,

    /// Compose in memory instead of reading files: the posting for both
    /// variants, or one for A and one for B.
    #[arg(long, short = 'j', value_name = "FILE")]
    pub job: Vec<PathBuf>,

    /// With --job: the profile for both, or one for A and one for B.
    #[arg(long, short = 'p', value_name = "NAME|FILE")]
    pub profile: Vec<String>,

    /// With --job: the budget for both, or one for A and one for B.
    #[arg(long, short = 'b', value_name = "BUDGET")]
    pub budget: Vec<Budget>,

    #[command(flatten)]
    pub content: ContentArgs,

    /// Append a unified diff of the rendered text.
    #[arg(long)]
    pub text: bool,

    /// How to print the comparison.
    #[arg(long, short = 'f', value_enum, default_value_t = ScoreFormat::Text)]
    pub format: ScoreFormat,
}

/// `tailor templates …`
#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Write the built-in templates (and partials) to DIR for editing; pass
    /// DIR to --templates to use them.
    Export {
        /// Where to write them (must not already hold them).
        dir: PathBuf,
    },
}

/// Where the achievement library is.
#[derive(Debug, Args)]
pub struct ContentArgs {
    /// The achievement library: a YAML file, or a directory of them.
    #[arg(long, short = 'c', value_name = "PATH", default_value = "content")]
    pub content: PathBuf,
}

/// The language a posting is read in.
#[derive(Debug, Args)]
pub struct LangArgs {
    /// Read the posting as this language (en, de, fr, es, pt, nl, it)
    /// [default: the profile's `lang:`, else detected from its text]. The
    /// résumé is in the posting's language when the content has texts in it.
    #[arg(long, value_name = "CODE", value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| {
        let known: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        format!(
            "unknown language `{code}`; tailor reads {}",
            known.join(", ")
        )
    })
}

/// Arguments of `tailor compose`.
#[derive(Debug, Args)]
pub struct ComposeArgs {
    /// The job posting: a plain-text, Markdown or HTML file, or `-` for stdin.
    #[arg(long, short = 'j', value_name = "FILE")]
    pub job: PathBuf,

    #[command(flatten)]
    pub content: ContentArgs,

    #[command(flatten)]
    pub lang: LangArgs,

    #[command(flatten)]
    pub select: SelectArgs,

    /// Output format [default: from the --out extension, else the profile's, else md].
    #[arg(long, short = 'f')]
    pub format: Option<Format>,

    /// A presentation preset: a name in ./profiles, or a path to a YAML file
    /// [default: profiles/default.yaml, else the built-in default].
    #[arg(long, short = 'p', value_name = "NAME|FILE")]
    pub profile: Option<String>,

    /// A handlebars template to use instead of the built-in main template.
    #[arg(long, short = 't', value_name = "FILE")]
    pub template: Option<PathBuf>,

    /// A directory of templates: each file there replaces the built-in file
    /// of the same name (resume.html.hbs, partials/html/style.css.hbs, …).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Paper size for HTML printing and PDF [default: from the profile, else A4].
    #[arg(long, value_enum)]
    pub paper: Option<crate::format::Paper>,

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

    /// Say why each achievement left out was left out (on stderr when the
    /// résumé goes to stdout, else on stdout).
    #[arg(long)]
    pub explain: bool,

    /// Replace an existing --out or --report file even if tailor did not
    /// write it (PDFs always need this to be replaced).
    #[arg(long)]
    pub force: bool,
}

/// How achievements are selected: the budget and the rules. Flags here are
/// hard rules; the built-in default (one achievement per role) is soft.
#[derive(Debug, Clone, Default, Args)]
pub struct SelectArgs {
    /// Length budget: words (450), characters (3000c), rendered lines (60l),
    /// pages (1p), or all [default: the profile's; the built-in default
    /// profile's is 1p; a profile without one, 400 words].
    #[arg(long, short = 'b', value_name = "BUDGET")]
    pub budget: Option<Budget>,

    /// Always include this achievement (repeatable).
    #[arg(long, value_name = "ID")]
    pub pin: Vec<String>,

    /// Leave out an achievement, or every achievement with a tag (repeatable).
    #[arg(long, value_name = "ID|tag:TAG")]
    pub exclude: Vec<Rule>,

    /// Include at least one achievement with this tag (repeatable).
    #[arg(long, value_name = "tag:TAG")]
    pub require: Vec<RequireTag>,

    /// Fewest achievements per role.
    #[arg(long, value_name = "N")]
    pub min_per_role: Option<usize>,

    /// Most achievements per role.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_per_role: Option<u32>,

    /// Most budget units (in the --budget unit) per role.
    #[arg(long, value_name = "AMOUNT")]
    pub role_budget: Option<u32>,

    /// Roles that ended more than YEARS ago lose their achievements (see
    /// --old-roles).
    #[arg(long, value_name = "YEARS")]
    pub max_age: Option<u32>,

    /// What roles older than --max-age become.
    #[arg(long, value_enum, default_value_t = OldRoles::Title, value_name = "WHAT")]
    pub old_roles: OldRoles,

    /// Every role that ended within YEARS keeps at least one achievement.
    #[arg(long, value_name = "YEARS")]
    pub recent_years: Option<u32>,

    /// The date that role ages are measured from [default: this month].
    #[arg(long, value_name = "YYYY-MM")]
    pub as_of: Option<YearMonth>,

    /// Order of achievements inside a role.
    #[arg(long, value_enum, default_value_t = Order::Score)]
    pub order: Order,
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

    #[command(flatten)]
    pub lang: LangArgs,

    /// A presentation preset (its budget, rules and boosts apply).
    #[arg(long, short = 'p', value_name = "NAME|FILE")]
    pub profile: Option<String>,

    /// Selection of the résumé whose coverage is shown.
    #[command(flatten)]
    pub select: SelectArgs,

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

    #[command(flatten)]
    pub lang: LangArgs,

    /// A presentation preset (its aliases and boosts apply, as in compose
    /// and score).
    #[arg(long, short = 'p', value_name = "NAME|FILE")]
    pub profile: Option<String>,

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
