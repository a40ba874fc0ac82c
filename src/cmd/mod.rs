//! The commands: thin glue from parsed arguments to the [`Engine`]. Each
//! subcommand is a module of its own, and none imports another; the steps
//! they share (load the library, read a posting, build the engine, print)
//! live here.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::analysis::Lang;
use crate::cli::{Cli, Command, SelectArgs};
use crate::content::{self, Library, YearMonth};
use crate::engine::Engine;
use crate::format::Paper;
use crate::input;
use crate::posting::Posting;
use crate::profile::Profile;
use crate::select::{Layout, Options};

pub mod batch;
pub mod check;
pub mod completions;
pub mod compose;
pub mod diff;
pub mod explain;
pub mod import;
pub mod init;
pub mod man;
pub mod schema;
pub mod score;
pub mod templates;

/// Runs the parsed command line. Errors are input or usage errors (exit 2);
/// commands that have other outcomes say so in the exit code they return.
pub fn run(cli: Cli) -> Result<ExitCode> {
    // Temp files older than this moment are another run's leftovers.
    crate::write::temps::mark_start();
    // A way for tests to see the panic hook at work; never set by users.
    if std::env::var_os("TAILOR_TEST_PANIC").is_some() {
        panic!("panic requested by TAILOR_TEST_PANIC");
    }
    match cli.command {
        Command::Compose(args) => compose::run(&args),
        Command::Score(args) => score::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Batch(args) => batch::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Init { dir } => init::run(&dir),
        Command::Import { file, out } => import::run(&file, &out),
        Command::Schema { which } => schema::run(which),
        Command::Completions { shell } => completions::run(shell),
        Command::Man => man::run(),
        Command::Templates(crate::cli::TemplatesCommand::Export { dir }) => templates::export(&dir),
    }
}

/// Loads the achievement library.
pub(crate) fn load_library(path: &Path) -> Result<Library> {
    content::load(path)
}

/// Reads and analyses a posting, in `lang` or the language detected;
/// warnings go to stderr.
pub(crate) fn load_posting(path: &Path, lang: Option<Lang>) -> Result<Posting> {
    let source = input::read_posting(path)?;
    for w in &source.warnings {
        let _ = writeln!(std::io::stderr(), "warning: {w}");
    }
    Posting::from_source_in(&source, lang)
}

/// Loads the profile named on the command line (or the default).
pub(crate) fn load_profile(name: Option<&str>) -> Result<Profile> {
    crate::profile::load(name)
}

/// The language to read a posting in: `--lang`, else the profile's
/// `lang:`, else none (detected from its text).
pub(crate) fn posting_lang(flag: Option<Lang>, profile: &Profile) -> Option<Lang> {
    flag.or(profile.lang)
}

/// The engine for résumés for a posting in `posting`: the library at
/// `content` as it reads in the résumé's language
/// ([`crate::engine::resume_lang`]), under a profile and the command line's
/// selection rules.
pub(crate) fn engine_for(
    content: &Path,
    posting: Lang,
    profile: &Profile,
    select: &SelectArgs,
    paper: Option<Paper>,
) -> Result<Engine> {
    let templates = profile.templates_dir();
    engine_laid_out_with(
        content,
        posting,
        profile,
        select,
        paper,
        templates.as_deref(),
        None,
    )
}

/// [`engine_for`] laying page budgets out with the PDF templates as `dir`
/// overrides them and `file` replaces the main one (see
/// [`Engine::with_page_templates`]), not the profile's: compiled once.
pub(crate) fn engine_laid_out_with(
    content: &Path,
    posting: Lang,
    profile: &Profile,
    select: &SelectArgs,
    paper: Option<Paper>,
    dir: Option<&Path>,
    file: Option<&Path>,
) -> Result<Engine> {
    let options = select_options(select, profile)?;
    let library = load_library(content)?;
    let lang = crate::engine::resume_lang(&library, posting);
    Engine::new_in(library, lang, profile, options, paper)?.with_page_templates(dir, file)
}

/// Prints what the reader should know about a résumé's language (one
/// line on stderr), if anything.
pub(crate) fn note_language(engine: &Engine, posting: Lang) {
    if let Some(note) = engine.language_note(posting) {
        let _ = writeln!(std::io::stderr(), "note: {note}");
    }
}

/// Selection options: the command line's, over the profile's. Pins,
/// excludes and required tags add up; everything else on the command line
/// replaces the profile's. Age rules measure from `--as-of`, else this month.
pub(crate) fn select_options(a: &SelectArgs, profile: &Profile) -> Result<Options> {
    let needs_date = a.max_age.is_some() || a.recent_years.is_some();
    let mut layout = Layout::default();
    if let Some(w) = profile.line_width {
        layout.line_width = w;
    }
    if let Some(l) = profile.lines_per_page {
        layout.lines_per_page = l;
    }
    let mut pins = profile.pins.clone();
    pins.extend(a.pin.iter().cloned());
    let mut excludes = profile.exclude_rules()?;
    excludes.extend(a.exclude.iter().cloned());
    let mut requires = profile.required_tags()?;
    requires.extend(a.require.iter().map(|r| r.0.clone()));
    Ok(Options {
        budget: match a.budget {
            Some(b) => b,
            None => profile.budget()?.unwrap_or_default(),
        },
        layout,
        role_budget: a.role_budget,
        min_per_role: a.min_per_role.or(profile.min_per_role),
        max_per_role: a.max_per_role.map(|m| m as usize).or(profile.max_per_role),
        pins,
        excludes,
        requires,
        max_age: a.max_age,
        old_roles: a.old_roles,
        recent_years: a.recent_years,
        as_of: a.as_of.or_else(|| needs_date.then(this_month)),
        order: a.order,
    })
}

/// The current month, from the system clock (UTC).
fn this_month() -> YearMonth {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    YearMonth {
        year: year as u16,
        month: Some(month as u8),
    }
}

/// Pretty JSON with a final newline, as every `--format json` prints.
pub(crate) fn json(value: &impl serde::Serialize) -> Result<String> {
    let mut s = serde_json::to_string_pretty(value)?;
    s.push('\n');
    Ok(s)
}

/// Writes `text` to stdout; a closed pipe surfaces as an error that `main`
/// treats as success.
pub(crate) fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(anyhow::Error::from)
        .map_err(|e| e.context("cannot write to stdout"))
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
