//! `tailor compose`: load, tailor, render (with its manifest), write;
//! optionally a report, an explanation and a match-rate gate.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, anyhow};

use crate::cli::{ComposeArgs, SelectArgs};
use crate::content::Library;
use crate::manifest::{self, Manifest};
use crate::output;
use crate::posting::Posting;
use crate::profile::{Profile, SkillsMode};
use crate::render::{self, Format, Paper, Presentation, Renderer};
use crate::report::{Report, round};
use crate::score::LibraryIndex;
use crate::select::Phrasing;
use crate::tailored::Tailored;

/// What to compose.
pub(crate) struct Request<'a> {
    pub job: &'a Path,
    pub content: &'a Path,
    pub select: &'a SelectArgs,
    pub profile: &'a Profile,
    pub profile_name: &'a str,
    pub format: Format,
    pub paper: Option<Paper>,
    pub templates: Option<&'a Path>,
    pub template: Option<&'a Path>,
}

/// A résumé composed in memory, with everything behind it.
pub(crate) struct Composed {
    /// The rendered document, manifest included.
    pub document: String,
    /// The rendered document without its manifest.
    pub rendered: String,
    /// Its manifest.
    pub manifest: Manifest,
    /// The library, posting and tailoring.
    pub run: super::Run,
}

/// The presentation a profile asks for (`--paper` over the profile's).
pub(crate) fn presentation(profile: &Profile, paper: Option<Paper>) -> Presentation {
    Presentation {
        headline: profile.headline.clone(),
        summary: profile.summary.clone(),
        sections: profile
            .sections
            .clone()
            .unwrap_or_else(|| Presentation::default().sections),
        paper: paper.or(profile.paper).unwrap_or_default(),
        matching_skills_only: profile.skills == SkillsMode::Matching,
    }
}

/// What every manifest of one run shares: the profile's name and the
/// library's hash ([`content_hash`], which serialises the whole library, so
/// callers rendering many tailorings compute it once).
pub(crate) struct Stamp<'a> {
    pub profile: &'a str,
    pub content_hash: &'a str,
}

/// Renders one tailoring and its manifest: the document with the manifest
/// embedded, the document without it, and the manifest.
pub(crate) fn finish(
    library: &Library,
    posting: &Posting,
    index: &LibraryIndex,
    tailored: &Tailored,
    renderer: &Renderer,
    presentation: &Presentation,
    stamp: &Stamp,
) -> Result<(String, String, Manifest)> {
    let mentioned = |k: &str| crate::coverage::mentioned(posting, index, k);
    let view = render::view(library, &tailored.selection, presentation, &mentioned);
    let manifest = manifest_of(library, posting, tailored, stamp);
    if renderer.format() == Format::JsonResume {
        // No template: the document is data, with the manifest in `meta`.
        let doc = crate::jsonresume::document(library, &tailored.selection, &view, &manifest);
        let text = super::json(&doc)?;
        return Ok((text.clone(), text, manifest));
    }
    let rendered = renderer.render(&view)?;
    let document = manifest::embed(&rendered, renderer.format(), &manifest);
    Ok((document, rendered, manifest))
}

/// Composes a résumé in memory.
pub(crate) fn compose(req: &Request) -> Result<Composed> {
    let renderer = Renderer::new(req.format, req.templates, req.template)?;
    let run = super::tailor_one(req.content, req.job, req.select, req.profile)?;
    let (document, rendered, manifest) = finish(
        &run.library,
        &run.posting,
        &run.index,
        &run.tailored,
        &renderer,
        &presentation(req.profile, req.paper),
        &Stamp {
            profile: req.profile_name,
            content_hash: &content_hash(&run.library),
        },
    )?;
    Ok(Composed {
        document,
        rendered,
        manifest,
        run,
    })
}

fn manifest_of(library: &Library, posting: &Posting, t: &Tailored, stamp: &Stamp) -> Manifest {
    Manifest {
        tailor: env!("CARGO_PKG_VERSION").to_string(),
        content_hash: stamp.content_hash.to_string(),
        posting: posting.name.clone(),
        posting_hash: hash_of(posting),
        profile: stamp.profile.to_string(),
        budget: t.selection.budget.to_string(),
        used: t.selection.used,
        capacity: t.selection.capacity,
        selected: t
            .selection
            .chosen
            .iter()
            .map(|c| manifest::Entry {
                id: library.achievement(c.at).id.clone(),
                role: library.experience[c.at.role].title.clone(),
                phrasing: match c.phrasing {
                    Phrasing::Text => "text".into(),
                    Phrasing::Short => "short".into(),
                },
                score: round(c.score),
            })
            .collect(),
        match_rate: round(t.coverage.match_rate),
        covered: t
            .coverage
            .covered
            .iter()
            .map(|c| c.term.term.clone())
            .collect(),
        missing: t.coverage.missing.iter().map(|k| k.term.clone()).collect(),
    }
}

/// The hash of a value's JSON form: the same data, the same hash.
/// The library's hash, as manifests record it.
pub(crate) fn content_hash(library: &Library) -> String {
    hash_of(library)
}

fn hash_of(value: &impl serde::Serialize) -> String {
    manifest::hash(
        serde_json::to_string(value)
            .expect("library and posting serialise")
            .as_bytes(),
    )
}

/// The profile's name as the manifest records it.
pub(crate) fn profile_name(arg: Option<&str>, profile: &Profile) -> String {
    arg.map(str::to_string)
        .or_else(|| profile.name.clone())
        .unwrap_or_else(|| "default".to_string())
}

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
        return Err(anyhow!(
            "--format pdf needs --out FILE.pdf (a PDF is not for the terminal)"
        ));
    }
    if let Some(out) = &args.out {
        let kind = if format == Format::Pdf {
            output::Kind::Pdf
        } else {
            output::Kind::Resume
        };
        output::ensure_replaceable(out, kind, args.force)?;
    }
    if let Some(report) = &args.report {
        output::ensure_replaceable(report, output::Kind::Report, args.force)?;
    }
    let name = profile_name(args.profile.as_deref(), &profile);
    let composed = compose(&Request {
        job: &args.job,
        content: &args.content.content,
        select: &args.select,
        profile: &profile,
        profile_name: &name,
        format,
        paper: args.paper,
        templates: templates.as_deref(),
        template: args.template.as_deref(),
    })?;
    let super::Run {
        library,
        posting,
        tailored: t,
        ..
    } = &composed.run;
    let r = Report::new(library, posting, t);
    let report = args.report.as_ref().map(|path| {
        let json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        (path, if json { r.to_json() } else { r.to_markdown() })
    });

    match &args.out {
        Some(out) if format == Format::Pdf => crate::pdf::print(&composed.document, out)?,
        Some(out) => output::write_atomic(out, composed.document.as_bytes())?,
        None => super::print(&composed.document)?,
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
