//! `tailor explain`: one achievement's score, term by term.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use serde::Serialize;

use crate::cli::{ExplainArgs, ScoreFormat};
use crate::report::round;
use crate::score::{self, Boost, MatchKind};
use crate::sections::SectionKind;

#[derive(Serialize)]
struct Out<'a> {
    id: &'a str,
    role: &'a str,
    posting: &'a str,
    score: f64,
    rank: usize,
    of: usize,
    boost: Boost,
    matches: Vec<Term<'a>>,
}

#[derive(Serialize)]
struct Term<'a> {
    term: &'a str,
    kind: MatchKind,
    via: &'a str,
    section: SectionKind,
    /// Every section the term stood in, with its share of the term's weight.
    sections: Vec<(SectionKind, f64)>,
    weight: f64,
    contribution: f64,
}

/// Runs `tailor explain`.
pub fn run(args: &ExplainArgs) -> Result<ExitCode> {
    let profile = super::load_profile(args.profile.as_deref())?;
    let posting = super::load_posting(&args.job, super::posting_lang(args.lang.lang, &profile))?;
    // Scored as compose would: the library in the résumé's language.
    let engine = super::engine_for(
        &args.content.content,
        posting.lang,
        &profile,
        &crate::cli::SelectArgs::default(),
        None,
    )?;
    let library = engine.library();
    let Some((at, _)) = library.achievements().find(|(_, a)| a.id == args.id) else {
        let ids: Vec<&str> = library.achievements().map(|(_, a)| a.id.as_str()).collect();
        let hint = crate::text::closest(&args.id, ids.iter().copied())
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_else(|| "; `tailor score` lists every id".to_string());
        return Err(anyhow!(
            "no achievement `{}` in `{}`{hint}",
            args.id,
            args.content.content.display()
        ));
    };
    // Scores as `score` and `compose` give them: the profile's aliases and
    // boosts included.
    let scored = engine.index().score(&posting);
    let order = score::ranking(&scored);
    let i = scored
        .iter()
        .position(|s| s.at == at)
        .expect("scored in library order");
    let s = &scored[i];
    let out = Out {
        id: &args.id,
        role: &library.experience[at.role].title,
        posting: &posting.name,
        score: round(s.score),
        rank: order.iter().position(|&j| j == i).expect("ranked") + 1,
        of: scored.len(),
        boost: s.boost,
        matches: s
            .matches
            .iter()
            .map(|m| Term {
                term: &m.term,
                kind: m.kind,
                via: &m.via,
                section: m.section,
                sections: score::section_shares(&posting.terms[m.term_index])
                    .into_iter()
                    .map(|(k, share)| (k, round(share)))
                    .collect(),
                weight: round(m.weight),
                contribution: round(m.contribution),
            })
            .collect(),
    };
    let text = match args.format {
        ScoreFormat::Json => super::json(&out)?,
        ScoreFormat::Text => text(&out),
    };
    super::print(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn text(o: &Out) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} ({}) for {}: score {:.2}, rank {} of {}",
        o.id, o.role, o.posting, o.score, o.rank, o.of
    );
    let _ = writeln!(
        s,
        "boosts: figure ×{:.2}, recency ×{:.2} (inside each contribution)\n",
        o.boost.quantified, o.boost.recency
    );
    if o.matches.is_empty() {
        let _ = writeln!(s, "No posting term matched this achievement.");
        return s;
    }
    let w = o
        .matches
        .iter()
        .map(|m| m.term.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let v = o
        .matches
        .iter()
        .map(|m| m.via.chars().count())
        .max()
        .unwrap_or(3)
        .max(3);
    let _ = writeln!(
        s,
        "{:<w$}  {:<5}  {:<v$}  {:<16}  {:>6}  {:>12}",
        "term", "match", "via", "section", "weight", "contribution"
    );
    for m in &o.matches {
        let _ = writeln!(
            s,
            "{:<w$}  {:<5}  {:<v$}  {:<16}  {:>6.2}  {:>12.2}",
            m.term,
            m.kind.name(),
            m.via,
            m.section.label(),
            m.weight,
            m.contribution
        );
    }
    let _ = writeln!(
        s,
        "{:>w$}  {:>5}  {:>v$}  {:>16}  {:>6}  {:>12.2}",
        "total", "", "", "", "", o.score
    );
    s
}
