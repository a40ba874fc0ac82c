//! `tailor check`: validate and lint the content, the profiles and any
//! template set, without a posting. Templates are rendered, not only
//! parsed, so a misspelt field fails here as it would in `compose`.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cli::CheckArgs;
use crate::content::Library;
use crate::engine::Engine;
use crate::format::{Backend, Format};
use crate::output::Output;
use crate::posting::Posting;
use crate::profile::Profile;
use crate::select::{Budget, Options};

/// PDFs larger than this are not résumés.
const MAX_PDF_BYTES: u64 = 50 * 1024 * 1024;

/// Runs `tailor check`.
pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    if let Some(pdf) = &args.ats {
        return ats(pdf, &args.content.content);
    }
    let library = super::load_library(&args.content.content)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "content: {} — valid",
        crate::text::counted(&[
            (library.experience.len(), "role", "roles"),
            (
                library.achievements().count(),
                "achievement",
                "achievements"
            ),
        ])
    );
    // Findings that do not stop the check: lints, and profile rules that
    // name what this library lacks (a profile may be meant for another).
    let mut warnings: Vec<String> = Vec::new();
    let profiles = args.profiles.clone().or_else(|| {
        let p = Path::new("profiles");
        p.is_dir().then(|| p.to_path_buf())
    });
    if let Some(dir) = profiles {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map_err(|e| anyhow::anyhow!("cannot list profiles in `{}`: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
            .collect();
        files.sort();
        for f in &files {
            let profile = crate::profile::parse(f, &crate::yaml::read_text(f)?)?;
            let options = super::select_options(&Default::default(), &profile)?;
            for id in &options.pins {
                if !library.achievements().any(|(_, a)| a.id == *id) {
                    warnings.push(format!(
                        "{}: pins `{id}`, which this library does not have",
                        f.display()
                    ));
                }
            }
            if let Some(dir) = profile.templates_dir() {
                check_templates(&library, &dir)?;
            }
        }
        let _ = writeln!(
            out,
            "profiles: {} in {} — valid",
            files.len(),
            dir.display()
        );
    }
    if let Some(dir) = &args.templates {
        check_templates(&library, dir)?;
        let _ = writeln!(out, "templates: {} — valid", dir.display());
    }
    let lints = crate::lint::lint(&library);
    warnings.extend(
        lints
            .iter()
            .map(|l| format!("{}: {}", l.subject, l.message)),
    );
    for w in &warnings {
        let _ = writeln!(out, "warning: {w}");
    }
    let _ = writeln!(
        out,
        "{}",
        crate::text::counted(&[(warnings.len(), "warning", "warnings")])
    );
    super::print(&out)?;
    if args.deny_warnings && !warnings.is_empty() {
        bail!(
            "{} and --deny-warnings",
            crate::text::counted(&[(warnings.len(), "warning", "warnings")])
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Renders the whole library through every template set in `dir`, in
/// strict mode: a template that uses a field the résumé data lacks fails
/// here, naming the file and line, as it would in `compose`.
fn check_templates(library: &Library, dir: &Path) -> Result<()> {
    // Every achievement selected, so that every loop body renders.
    let options = Options {
        budget: Budget::All,
        ..Options::default()
    };
    let engine = Engine::new(library.clone(), &Profile::default(), options, None)?;
    let text: Vec<&str> = library
        .achievements()
        .map(|(_, a)| a.text.as_str())
        .collect();
    let posting = Posting::analyse("check", &format!("Check\n\n{}", text.join("\n")));
    let tailored = engine.tailor(&posting)?;
    for format in Format::ALL
        .into_iter()
        .filter(|f| matches!(f.backend(), Backend::Templates(_)))
    {
        let output = Output::new(format, Some(dir), None)?;
        engine.render(&posting, &tailored, &output)?;
    }
    Ok(())
}

/// `tailor check --ats FILE.pdf`: what an ATS reads of it. A PDF tailor
/// wrote is checked against its manifest's selection too, when the library
/// it was written from is the one at `content`.
fn ats(pdf: &Path, content: &Path) -> Result<ExitCode> {
    let bytes = crate::input::read_file(pdf, "PDF", MAX_PDF_BYTES)?;
    let mut notes = Vec::new();
    let expected = match crate::manifest::read(&bytes) {
        Ok(Some(found)) => match crate::content::load(content) {
            Ok(library) if crate::engine::content_hash(&library) == found.manifest.content_hash => {
                // What was printed: the library in the résumé's language.
                let (read, _) = library.in_lang(found.manifest.resume_language);
                Some(expected(&read, &found.manifest))
            }
            Ok(_) => {
                notes.push(format!(
                    "tailor wrote it from another library than `{}`: its achievements are not checked one by one",
                    content.display()
                ));
                None
            }
            Err(e) => {
                notes.push(format!(
                    "tailor wrote it, but its library did not load ({e:#}): its achievements are not checked one by one"
                ));
                None
            }
        },
        _ => None,
    };
    let check = crate::ats::check(&bytes, expected.as_ref())
        .map_err(|why| anyhow::anyhow!("`{}`: {why}", pdf.display()))?;
    let mut out = format!(
        "{}: as an applicant tracking system reads it\n",
        pdf.display()
    );
    for n in &notes {
        let _ = writeln!(out, "note: {n}");
    }
    out.push_str(&check.to_lines());
    let lost = check.findings.iter().filter(|f| f.lost).count();
    if lost == 0 {
        let _ = writeln!(out, "{}: nothing lost", pdf.display());
    } else {
        let _ = writeln!(
            out,
            "{}: an ATS would lose {}",
            pdf.display(),
            crate::text::counted(&[(lost, "thing", "things")])
        );
    }
    super::print(&out)?;
    Ok(if lost == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// What a résumé tailor wrote must read back: its selection's text, in
/// order, and the person's name, email and phone.
fn expected(library: &Library, manifest: &crate::manifest::Manifest) -> crate::ats::Expected {
    let texts = manifest
        .selected
        .iter()
        .filter_map(|e| {
            let (_, a) = library.achievements().find(|(_, a)| a.id == e.id)?;
            let shown = match e.phrasing.as_str() {
                "short" => a.short.as_deref().unwrap_or(&a.text),
                _ => &a.text,
            };
            Some((e.id.clone(), crate::text::plain(shown)))
        })
        .collect();
    let b = &library.basics;
    crate::ats::Expected {
        texts,
        name: b.name.clone(),
        email: b.email.clone(),
        phone: b.phone.clone(),
    }
}
