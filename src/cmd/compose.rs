//! `tailor compose`: read the posting, tailor the library to it through the
//! engine, render, write; optionally a report, an explanation and a
//! match-rate gate. Every target is checked before anything is written.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cli::ComposeArgs;
use crate::format::Format;
use crate::output::Output;
use crate::report::Report;
use crate::write::{self, Kind};

/// A match rate below this gets a low-fit notice: the posting asks for
/// much that the library does not show.
const LOW_FIT: f64 = 0.2;

/// The format asked for: `--format`, else the `--out` extension (an error
/// when tailor cannot write it), else the profile's, else Markdown.
fn format_of(args: &ComposeArgs, out: Option<&Path>, profile: Option<Format>) -> Result<Format> {
    if let Some(f) = args.format {
        return Ok(f);
    }
    let by_path = match out {
        Some(out) => Format::from_path(out)?,
        None => None,
    };
    Ok(by_path.or(profile).unwrap_or(Format::Md))
}

/// Runs `tailor compose`.
pub fn run(args: &ComposeArgs) -> Result<ExitCode> {
    // `--out -` is stdout, as no --out is.
    let out = args.out.as_deref().filter(|p| p.as_os_str() != "-");
    let profile = super::load_profile(args.profile.as_deref())?;
    let templates = args.templates.clone().or_else(|| profile.templates_dir());
    let mut inputs = vec![args.job.as_path(), args.content.content.as_path()];
    inputs.extend(args.template.as_deref());
    inputs.extend(templates.as_deref());
    inputs.extend(profile.source.as_deref().filter(|p| p.is_file()));
    for target in out.iter().copied().chain(args.report.as_deref()) {
        write::ensure_not_input(target, &inputs)?;
    }
    if let (Some(out), Some(report)) = (out, &args.report) {
        if same_file(out, report) {
            bail!(
                "--out and --report both name `{}`; give the report another name",
                out.display()
            );
        }
    }
    let format = format_of(args, out, profile.format)?;
    if format.is_binary() && out.is_none() {
        bail!(
            "--format {} needs --out FILE.{} (it is not for the terminal)",
            format.name(),
            format.extension()
        );
    }
    if let Some(out) = out {
        write::ensure_replaceable(out, Kind::Resume, args.force)?;
    }
    if let Some(report) = &args.report {
        write::ensure_replaceable(report, Kind::Report, args.force)?;
        write::ensure_parent_exists(report)?;
    }
    let output = Output::new(format, templates.as_deref(), args.template.as_deref())?;
    // A page budget is measured with the templates the PDF is written with.
    let main = args.template.as_deref().filter(|_| format == Format::Pdf);
    let posting = super::load_posting(&args.job, super::posting_lang(args.lang.lang, &profile))?;
    let engine = super::engine_laid_out_with(
        &args.content.content,
        posting.lang,
        &profile,
        &args.select,
        args.paper,
        templates.as_deref(),
        main,
    )?;
    super::note_language(&engine, posting.lang);
    let t = engine.tailor(&posting)?;
    let document = engine.render(&posting, &t, &output)?;
    let r = Report::new(engine.library(), &posting, &t);
    let report = args.report.as_ref().map(|path| {
        let json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        (path, if json { r.to_json() } else { r.to_markdown() })
    });

    match out {
        Some(out) => write::write_atomic(out, &document.bytes)?,
        None => super::print(&String::from_utf8_lossy(&document.bytes))?,
    }
    if let Some((path, text)) = report {
        write::write_atomic(path, text.as_bytes())?;
    }
    let rate = t.coverage.match_rate;
    if let Some(out) = out {
        let key_terms = t.coverage.covered.len() + t.coverage.missing.len();
        let mut line = format!(
            "wrote {}: match rate {:.0}% ({} of {})",
            out.display(),
            rate * 100.0,
            t.coverage.covered.len(),
            crate::text::counted(&[(key_terms, "key term", "key terms")])
        );
        if rate < LOW_FIT {
            line.push_str("; low fit: the posting asks for much this library does not show");
        }
        let _ = writeln!(std::io::stderr(), "{line}");
    }
    if args.explain {
        // Beside the résumé, never inside it.
        if out.is_some() {
            super::print(&r.explanation())?;
        } else {
            let _ = std::io::stderr().write_all(r.explanation().as_bytes());
        }
    }
    if let Some(min) = args.min_match {
        if rate * 100.0 < min {
            let _ = writeln!(
                std::io::stderr(),
                "tailor: match rate {:.0}% is below --min-match {min}%; missing: {}",
                rate * 100.0,
                t.coverage
                    .missing
                    .iter()
                    .map(|k| k.term.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// True when two paths name one file (or would, once written).
fn same_file(a: &Path, b: &Path) -> bool {
    match (write::resolve(a), write::resolve(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}
