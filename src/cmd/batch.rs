//! `tailor batch`: many postings, one library: collect the postings named,
//! build the engine and outputs once, run [`Batch`] (parallel, results in
//! input order), then write the summaries and the report page.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use anyhow::{Context, Result, anyhow};

use crate::batch::{self, Batch, Timings};
use crate::cli::BatchArgs;
use crate::engine::Engines;
use crate::format::TemplateSet;
use crate::input::PostingFormat;
use crate::output::Output;
use crate::render::Renderer;
use crate::write::{self, Kind};

/// The postings named on the command line, in order, without repeats; an
/// argument that names nothing becomes an error entry.
fn collect(
    args: &[PathBuf],
    recursive: bool,
) -> Vec<std::result::Result<PathBuf, (String, String)>> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut push = |p: PathBuf, out: &mut Vec<_>| {
        if seen.insert(p.clone()) {
            out.push(Ok(p));
        }
    };
    for arg in args {
        let s = arg.to_string_lossy();
        if arg.is_dir() {
            let mut files = Vec::new();
            walk(arg, recursive, &mut files);
            files.sort();
            if files.is_empty() {
                out.push(Err((
                    s.into_owned(),
                    "directory holds no .txt, .md, .html or .json postings".into(),
                )));
            }
            for f in files {
                push(f, &mut out);
            }
        } else if !arg.exists() && s.contains(['*', '?', '[']) {
            let mut matched: Vec<PathBuf> = glob::glob(&s)
                .map(|paths| {
                    paths
                        .filter_map(|p| p.ok())
                        .filter(|p| p.is_file())
                        .collect()
                })
                .unwrap_or_default();
            matched.sort();
            if matched.is_empty() {
                out.push(Err((s.into_owned(), "the pattern matches no file".into())));
            }
            for f in matched {
                push(f, &mut out);
            }
        } else {
            push(arg.clone(), &mut out);
        }
    }
    out
}

fn walk(dir: &Path, recursive: bool, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if recursive {
                walk(&p, recursive, files);
            }
        } else if PostingFormat::is_posting_file(&p) {
            files.push(p);
        }
    }
}

/// `--threads` is capped at this many per CPU.
const MAX_THREADS_PER_CPU: usize = 4;

/// Runs `tailor batch`.
pub fn run(args: &BatchArgs) -> Result<ExitCode> {
    let mut formats = args.format.clone();
    formats.dedup();
    let started = Instant::now();
    let profile = super::load_profile(args.profile.as_deref())?;
    let templates = profile.templates_dir();
    let outputs = formats
        .iter()
        .map(|&f| Output::new(f, templates.as_deref(), None))
        .collect::<Result<Vec<_>>>()?;
    let mut report = Renderer::new(TemplateSet::BATCH_REPORT, templates.as_deref(), None)?;
    let options = super::select_options(&args.select, &profile)?;
    let library = super::load_library(&args.content.content)?;
    let engines = Engines::new(library, &profile, options, templates.as_deref())?;
    std::fs::create_dir_all(&args.out_dir).with_context(|| {
        format!(
            "cannot create the output directory `{}`",
            args.out_dir.display()
        )
    })?;
    let out_dir = args.out_dir.canonicalize().with_context(|| {
        format!(
            "cannot use the output directory `{}`",
            args.out_dir.display()
        )
    })?;

    // Refuse early, before any work, to replace a foreign summary.
    for name in ["summary.csv", "summary.json", "report.html"] {
        write::ensure_replaceable(&out_dir.join(name), Kind::BatchSummary, args.force)?;
    }
    let inputs = collect(&args.postings, args.recursive);
    let stems: Vec<String> = inputs
        .iter()
        .map(|i| match i {
            Ok(p) => p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            Err(_) => String::new(),
        })
        .collect();
    let stems = batch::output_stems(&stems);
    let runner = Batch {
        engines,
        lang: super::posting_lang(args.lang.lang, &profile),
        outputs,
        out_dir: out_dir.clone(),
        force: args.force,
        timings: Timings::default(),
    };
    let progress = if args.quiet || !std::io::stderr().is_terminal() {
        indicatif::ProgressBar::hidden()
    } else {
        indicatif::ProgressBar::new(inputs.len() as u64).with_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} postings {elapsed_precise}",
            )
            .expect("a valid template"),
        )
    };
    let inputs: Vec<_> = inputs.into_iter().zip(stems).collect();
    let work = || runner.run(&inputs, &|| progress.inc(1));
    let rows = match args.threads {
        Some(n) => {
            // More threads than this only queue for the cores and cost
            // memory; 65,535 of them stalled the machine.
            let cpus = std::thread::available_parallelism().map_or(1, usize::from);
            let most = cpus * MAX_THREADS_PER_CPU;
            let n = usize::from(n);
            if n > most {
                eprintln!(
                    "tailor: --threads {n} is more than {most} ({cpus} CPUs × {MAX_THREADS_PER_CPU}); using {most}"
                );
            }
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.min(most))
                .build()
                .map_err(|e| anyhow!("cannot start {n} threads: {e}"))?
                .install(work)
        }
        None => work(),
    };
    progress.finish_and_clear();

    let mut t = Instant::now();
    let ids: Vec<String> = runner
        .engines
        .library()
        .achievements()
        .map(|(_, a)| a.id.clone())
        .collect();
    write::write_atomic(
        &out_dir.join("summary.csv"),
        batch::summary_csv(&rows).as_bytes(),
    )?;
    write::write_atomic_with(&out_dir.join("summary.json"), |out| {
        batch::write_summary_json(&rows, out)
    })?;
    // Thousands of postings make a report of megabytes: its rows are
    // rendered one at a time, straight into the file.
    let mut view = batch::report_view(&rows, &ids);
    report.stream("rows", std::mem::take(&mut view.rows).into());
    write::write_atomic_with(&out_dir.join("report.html"), |out| {
        report.render_to(&view, out)
    })?;
    runner.timings.lap(&runner.timings.write, &mut t);
    for note in batch::language_notes(&rows) {
        eprintln!("note: {note}");
    }
    for r in rows.iter().filter(|r| r.status != "ok") {
        eprintln!(
            "tailor: {}: {}",
            r.posting,
            r.error.as_deref().unwrap_or("")
        );
    }
    super::print(&batch::summary_table(&rows))?;
    if std::env::var_os("TAILOR_TIMINGS").is_some() {
        let ms = |c: &AtomicU64| c.load(Ordering::Relaxed) as f64 / 1e6;
        let tm = &runner.timings;
        eprintln!(
            "timings (ms, summed over threads): read {:.0}, analysis {:.0}, scoring and selection {:.0}, rendering {:.0}, writing {:.0}; wall {:.0}",
            ms(&tm.read),
            ms(&tm.analyse),
            ms(&tm.score_select),
            ms(&tm.render),
            ms(&tm.write),
            started.elapsed().as_secs_f64() * 1e3
        );
    }
    let failed = rows.iter().any(|r| r.status != "ok");
    Ok(ExitCode::from(u8::from(failed)))
}
