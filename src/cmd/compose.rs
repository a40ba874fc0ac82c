//! `tailor compose`: load, tailor, render, write; optionally a report and a
//! match-rate gate.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::ComposeArgs;
use crate::output;
use crate::profile::SkillsMode;
use crate::render::{self, Format, Presentation, Renderer};
use crate::report::Report;

/// Runs `tailor compose`.
pub fn run(args: &ComposeArgs) -> Result<ExitCode> {
    let profile = super::load_profile(args.profile.as_deref())?;
    let templates = args.templates.clone().or_else(|| profile.templates_dir());
    let mut inputs = vec![args.job.as_path(), args.content.content.as_path()];
    inputs.extend(args.template.as_deref());
    inputs.extend(templates.as_deref());
    inputs.extend(profile.source.as_deref().filter(|p| p.is_file()));
    for out in args.out.iter().chain(&args.report) {
        output::ensure_not_input(out, &inputs)?;
    }
    let format = args
        .format
        .or_else(|| args.out.as_deref().and_then(Format::from_path))
        .or(profile.format)
        .unwrap_or(Format::Md);
    if format == Format::Pdf && args.out.is_none() {
        return Err(anyhow::anyhow!(
            "--format pdf needs --out FILE.pdf (a PDF is not for the terminal)"
        ));
    }
    let renderer = Renderer::new(format, templates.as_deref(), args.template.as_deref())?;

    let super::Run {
        library,
        posting,
        index,
        tailored: t,
    } = super::tailor_one(&args.content.content, &args.job, &args.select, &profile)?;
    let presentation = Presentation {
        headline: profile.headline.clone(),
        summary: profile.summary.clone(),
        sections: profile
            .sections
            .clone()
            .unwrap_or_else(|| Presentation::default().sections),
        paper: args.paper.or(profile.paper).unwrap_or_default(),
        matching_skills_only: profile.skills == SkillsMode::Matching,
    };
    let mentioned = |k: &str| crate::coverage::mentioned(&posting, &index, k);
    let resume = renderer.render(&render::view(
        &library,
        &t.selection,
        &presentation,
        &mentioned,
    ))?;
    let r = Report::new(&library, &posting, &t);
    let report = args.report.as_ref().map(|path| {
        let json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        (path, if json { r.to_json() } else { r.to_markdown() })
    });

    match &args.out {
        Some(out) if format == Format::Pdf => crate::pdf::print(&resume, out)?,
        Some(out) => output::write_atomic(out, resume.as_bytes())?,
        None => super::print(&resume)?,
    }
    if let Some((path, text)) = report {
        output::write_atomic(path, text.as_bytes())?;
    }
    if args.explain {
        // Beside the résumé, never inside it.
        if args.out.is_some() {
            super::print(&r.explanation())?;
        } else {
            let _ = std::io::stderr().write_all(r.explanation().as_bytes());
        }
    }
    if let Some(min) = args.min_match {
        let rate = t.coverage.match_rate * 100.0;
        if rate < min {
            let _ = writeln!(
                std::io::stderr(),
                "tailor: match rate {rate:.0}% is below --min-match {min}%; missing: {}",
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
