//! `tailor compose`: load, score, select, render, write.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::ComposeArgs;
use crate::output;
use crate::render::{self, Format, Renderer};
use crate::score::LibraryIndex;
use crate::select::{self, Options};

/// Runs `tailor compose`.
pub fn run(args: &ComposeArgs) -> Result<ExitCode> {
    if let Some(out) = &args.out {
        let mut inputs = vec![args.job.as_path(), args.content.content.as_path()];
        inputs.extend(args.template.as_deref());
        output::ensure_not_input(out, &inputs)?;
    }
    let format = args
        .format
        .or_else(|| args.out.as_deref().and_then(Format::from_path))
        .unwrap_or(Format::Md);
    let renderer = match &args.template {
        Some(path) => Renderer::from_file(format, path)?,
        None => Renderer::builtin(format)?,
    };

    let library = super::load_library(&args.content.content)?;
    let posting = super::load_posting(&args.job)?;
    let scored = LibraryIndex::build(&library).score(&posting);
    let options = Options {
        budget: args
            .budget
            .map_or(select::DEFAULT_BUDGET_WORDS, |b| b as usize),
    };
    let selection = select::select(&library, &scored, &options)?;
    let resume = renderer.render(&render::view(&library, &selection))?;

    match &args.out {
        Some(out) => output::write_atomic(out, resume.as_bytes())?,
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(resume.as_bytes())
                .and_then(|()| stdout.flush())
                .context("cannot write the résumé to stdout")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
