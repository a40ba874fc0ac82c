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

/// Runs `tailor check`.
pub fn run(args: &CheckArgs) -> Result<ExitCode> {
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
