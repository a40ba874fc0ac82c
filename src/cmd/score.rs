//! `tailor score`: every achievement ranked against a posting, with the terms
//! behind each score, then the coverage of the résumé compose would write.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use crate::analysis::Lang;
use crate::cli::{ScoreArgs, ScoreFormat};
use crate::content::Library;
use crate::report::{self, CoverageOut, round};
use crate::score::{self, Match, MatchKind, Scored};
use crate::sections::SectionKind;

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
    kind: MatchKind,
    via: &'a str,
    section: SectionKind,
    weight: f64,
    contribution: f64,
}

#[derive(Serialize)]
struct Out<'a> {
    posting: &'a str,
    title: Option<&'a str>,
    /// The language the posting was read in (ISO 639-1).
    language: Lang,
    ranking: Vec<Row<'a>>,
    coverage: CoverageOut,
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
                matched: s.matches.iter().map(|m| &*m.term).collect(),
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
        section: m.section,
        weight: round(m.weight),
        contribution: round(m.contribution),
    }
}

/// Runs `tailor score`.
pub fn run(args: &ScoreArgs) -> Result<ExitCode> {
    let profile = super::load_profile(args.profile.as_deref())?;
    let posting = super::load_posting(&args.job, super::posting_lang(args.lang.lang, &profile))?;
    // Scored as compose would: the library in the résumé's language.
    let engine = super::engine_for(
        &args.content.content,
        posting.lang,
        &profile,
        &args.select,
        None,
    )?;
    let t = engine.tailor(&posting)?;
    let library = engine.library();
    let out = Out {
        posting: &posting.name,
        title: posting.title.as_deref(),
        language: posting.lang,
        ranking: rows(library, &t.scored),
        coverage: report::coverage_out(&t),
    };
    let text = match args.format {
        ScoreFormat::Json => super::json(&out)?,
        ScoreFormat::Text => text(&out, &t.selection.budget),
    };
    super::print(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn text(out: &Out, budget: &crate::select::Budget) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Ranking for {}{} ({} achievements, best first{})\n",
        out.posting,
        out.title
            .map(|t| format!(" \u{2014} {t}"))
            .unwrap_or_default(),
        out.ranking.len(),
        if out.language == Lang::En {
            String::new()
        } else {
            format!("; read as {}", out.language.name())
        }
    );
    let id_width = out.ranking.iter().map(|r| r.id.len()).max().unwrap_or(2);
    let _ = writeln!(
        s,
        "{:>4}  {:>7}  {:<id_width$}  role",
        "rank", "score", "id"
    );
    for r in &out.ranking {
        let _ = writeln!(
            s,
            "{:>4}  {:>7.2}  {:<id_width$}  {}",
            r.rank, r.score, r.id, r.role
        );
        if !r.matches.is_empty() {
            let terms: Vec<String> = r
                .matches
                .iter()
                .map(|m| match m.kind {
                    MatchKind::Exact => m.term.to_string(),
                    kind => format!("{} ({}: {})", m.term, kind.name(), m.via),
                })
                .collect();
            let _ = writeln!(s, "{:>15}matched: {}", "", terms.join(", "));
        }
    }
    let c = &out.coverage;
    let _ = writeln!(
        s,
        "\nCoverage of the résumé `tailor compose` would write (budget: {budget}): match rate {:.0}%",
        c.match_rate * 100.0
    );
    for k in &c.covered {
        let _ = writeln!(
            s,
            "  covered  {:<24} {:<17} by {}",
            k.term.term,
            k.term.section.label(),
            k.by_text()
        );
    }
    for k in &c.missing {
        let _ = writeln!(s, "  missing  {:<24} {}", k.term, k.section.label());
    }
    s
}
