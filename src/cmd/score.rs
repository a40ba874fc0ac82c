//! `tailor score`: every achievement ranked against a posting, with the terms
//! behind each score.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::cli::{ScoreArgs, ScoreFormat};
use crate::content::Library;
use crate::score::{self, LibraryIndex, Match, Scored};

/// One row of the JSON ranking. Field names are a contract for scripts.
#[derive(Serialize)]
struct Row<'a> {
    rank: usize,
    id: &'a str,
    role: &'a str,
    score: f64,
    matched: Vec<&'a str>,
    matches: Vec<MatchRow<'a>>,
}

#[derive(Serialize)]
struct MatchRow<'a> {
    term: &'a str,
    kind: score::MatchKind,
    via: &'a str,
    weight: f64,
    contribution: f64,
}

#[derive(Serialize)]
struct Report<'a> {
    posting: &'a str,
    ranking: Vec<Row<'a>>,
}

/// Scores are rounded for output so that last-digit differences between
/// platforms' math libraries never show.
pub(crate) fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn rows<'a>(library: &'a Library, scored: &'a [Scored]) -> Vec<Row<'a>> {
    score::ranking(scored)
        .into_iter()
        .enumerate()
        .map(|(rank, i)| {
            let s = &scored[i];
            Row {
                rank: rank + 1,
                id: &library.achievement(s.at).id,
                role: &library.experience[s.at.role].title,
                score: round(s.score),
                matched: s.matches.iter().map(|m| m.term.as_str()).collect(),
                matches: s.matches.iter().map(match_row).collect(),
            }
        })
        .collect()
}

fn match_row(m: &Match) -> MatchRow<'_> {
    MatchRow {
        term: &m.term,
        kind: m.kind,
        via: &m.via,
        weight: round(m.weight),
        contribution: round(m.contribution),
    }
}

/// Runs `tailor score`.
pub fn run(args: &ScoreArgs) -> Result<ExitCode> {
    let library = super::load_library(&args.content.content)?;
    let posting = super::load_posting(&args.job)?;
    let scored = LibraryIndex::build(&library).score(&posting);
    let report = Report {
        posting: &posting.name,
        ranking: rows(&library, &scored),
    };
    let mut out = std::io::stdout().lock();
    match args.format {
        ScoreFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        ScoreFormat::Text => write_text(&mut out, &report)?,
    }
    out.flush().context("cannot write to stdout")?;
    Ok(ExitCode::SUCCESS)
}

fn write_text(out: &mut impl Write, report: &Report) -> Result<()> {
    writeln!(
        out,
        "Ranking for {} ({} achievements, best first)\n",
        report.posting,
        report.ranking.len()
    )?;
    let id_width = report.ranking.iter().map(|r| r.id.len()).max().unwrap_or(2);
    writeln!(
        out,
        "{:>4}  {:>7}  {:<id_width$}  role",
        "rank", "score", "id"
    )?;
    for r in &report.ranking {
        writeln!(
            out,
            "{:>4}  {:>7.2}  {:<id_width$}  {}",
            r.rank, r.score, r.id, r.role
        )?;
        if !r.matches.is_empty() {
            let terms: Vec<String> = r
                .matches
                .iter()
                .map(|m| match m.kind {
                    score::MatchKind::Exact => m.term.to_string(),
                    kind => format!("{} ({} {})", m.term, kind_name(kind), m.via),
                })
                .collect();
            writeln!(out, "{:>15}matched: {}", "", terms.join(", "))?;
        }
    }
    Ok(())
}

fn kind_name(kind: score::MatchKind) -> &'static str {
    match kind {
        score::MatchKind::Exact => "exact",
        score::MatchKind::Stem => "stem:",
        score::MatchKind::Tag => "tag:",
        score::MatchKind::Fuzzy => "fuzzy:",
    }
}
