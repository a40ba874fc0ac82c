//! Batch: many postings tailored at once, with one engine per résumé
//! language ([`Batch`], the library API that `tailor batch` and the
//! benchmark drive), and the pure parts: safe, unique output names; the
//! summary (CSV and JSON); the coverage report page's data.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;

use crate::analysis::Lang;
use crate::engine::Engines;
use crate::input;
use crate::output::Output;
use crate::posting::Posting;
use crate::write::{self, Kind};

/// File stems tailor itself writes in the output directory.
const RESERVED: &[&str] = &["summary", "report"];

/// A safe file stem from a posting's file name: letters, digits, `.`, `_`
/// and `-` kept, anything else (separators, spaces, `..`) turned into `-`.
/// Never empty, never a path.
pub fn sanitize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches(|c| c == '-' || c == '.').to_string();
    if out.is_empty() {
        "posting".to_string()
    } else {
        out
    }
}

/// Unique output stems for postings, in order: the sanitised file stem,
/// then `-2`, `-3`, … on a collision (ignoring case, so that the names also
/// differ on case-insensitive file systems).
pub fn output_stems(stems: &[String]) -> Vec<String> {
    let mut taken: HashSet<String> = RESERVED.iter().map(|s| s.to_string()).collect();
    stems
        .iter()
        .map(|s| {
            let base = sanitize(s);
            let mut name = base.clone();
            let mut n = 1;
            while taken.contains(&name.to_lowercase()) {
                n += 1;
                name = format!("{base}-{n}");
            }
            taken.insert(name.to_lowercase());
            name
        })
        .collect()
}

/// What happened to one posting.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The posting, as given.
    pub posting: String,
    /// The files written (relative to the output directory).
    pub outputs: Vec<String>,
    /// `ok` or `failed`.
    pub status: &'static str,
    /// Why it failed.
    pub error: Option<String>,
    /// Weighted share of key terms covered (0–1).
    pub match_rate: Option<f64>,
    /// Achievements selected.
    pub selected: Option<usize>,
    /// Words of achievement text.
    pub words: Option<usize>,
    /// The most important key terms missing (up to three).
    pub missing: Vec<String>,
    /// The language the posting was read in (ISO 639-1).
    pub posting_language: Option<Lang>,
    /// The language its résumé is in.
    pub resume_language: Option<Lang>,
    /// What to know about the résumé's language, if anything (said once
    /// per posting language, by [`language_notes`]).
    #[serde(skip)]
    pub language_note: Option<String>,
    /// Under a page budget: pages, last-page fill, layouts made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<crate::tailored::PageFit>,
    /// Scores per achievement in library order (for the report only).
    #[serde(skip)]
    pub scores: Vec<f64>,
    /// Selected achievement indices, library order (for the report only).
    #[serde(skip)]
    pub chosen: Vec<usize>,
    /// Key terms no achievement in the library matches (for the report only).
    #[serde(skip)]
    pub uncovered: Vec<String>,
}

impl Row {
    /// A posting that could not be tailored.
    pub fn failed(posting: String, error: String) -> Row {
        Row {
            posting,
            outputs: Vec::new(),
            status: "failed",
            error: Some(error),
            match_rate: None,
            selected: None,
            words: None,
            missing: Vec::new(),
            posting_language: None,
            resume_language: None,
            language_note: None,
            layout: None,
            scores: Vec::new(),
            chosen: Vec::new(),
            uncovered: Vec::new(),
        }
    }
}

/// A CSV cell. One that a spreadsheet would run as a formula (it opens
/// with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`,
/// so it shows as text.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The summary as CSV, one row per posting.
pub fn summary_csv(rows: &[Row]) -> String {
    let mut s = String::from(
        "posting,status,match_rate,selected,words,missing,outputs,error,pages,fill,posting_language,resume_language\n",
    );
    let code = |l: Option<Lang>| l.map(Lang::code).unwrap_or_default();
    for r in rows {
        let _ = writeln!(
            s,
            "{},{},{},{},{},{},{},{},{},{},{},{}",
            csv_field(&r.posting),
            r.status,
            r.match_rate.map(|m| format!("{m:.4}")).unwrap_or_default(),
            r.selected.map(|n| n.to_string()).unwrap_or_default(),
            r.words.map(|n| n.to_string()).unwrap_or_default(),
            csv_field(&r.missing.join("; ")),
            csv_field(&r.outputs.join("; ")),
            csv_field(r.error.as_deref().unwrap_or("")),
            r.layout.map(|l| l.pages.to_string()).unwrap_or_default(),
            r.layout
                .map(|l| format!("{:.4}", l.fill))
                .unwrap_or_default(),
            code(r.posting_language),
            code(r.resume_language),
        );
    }
    s
}

/// What to know about the résumés' languages: each note once, for the
/// first posting in its language, in input order.
pub fn language_notes(rows: &[Row]) -> Vec<String> {
    let mut seen: Vec<Option<Lang>> = Vec::new();
    let mut notes = Vec::new();
    for r in rows {
        if let Some(note) = &r.language_note {
            if !seen.contains(&r.posting_language) {
                seen.push(r.posting_language);
                notes.push(note.clone());
            }
        }
    }
    notes
}

/// The summary as JSON, the rows and the totals, written to `out` as it
/// is serialised (thousands of rows make megabytes).
pub fn write_summary_json(rows: &[Row], out: &mut dyn std::io::Write) -> Result<()> {
    #[derive(Serialize)]
    struct Summary<'a> {
        postings: usize,
        ok: usize,
        failed: usize,
        rows: &'a [Row],
    }
    let ok = rows.iter().filter(|r| r.status == "ok").count();
    let summary = Summary {
        postings: rows.len(),
        ok,
        failed: rows.len() - ok,
        rows,
    };
    serde_json::to_writer_pretty(&mut *out, &summary)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// The summary as a table for the terminal.
pub fn summary_table(rows: &[Row]) -> String {
    let w = rows
        .iter()
        .map(|r| r.posting.chars().count())
        .max()
        .unwrap_or(7)
        .clamp(7, 48);
    let mut s = format!(
        "{:<w$}  {:>5}  {:>8}  {:>5}  top missing key terms\n",
        "posting", "match", "selected", "words"
    );
    for r in rows {
        let name: String = if r.posting.chars().count() > w {
            let tail: String = r
                .posting
                .chars()
                .rev()
                .take(w - 1)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            format!("…{tail}")
        } else {
            r.posting.clone()
        };
        match r.status {
            "ok" => {
                let _ = writeln!(
                    s,
                    "{name:<w$}  {:>4.0}%  {:>8}  {:>5}  {}",
                    r.match_rate.unwrap_or(0.0) * 100.0,
                    r.selected.unwrap_or(0),
                    r.words.unwrap_or(0),
                    r.missing.join(", ")
                );
            }
            _ => {
                let _ = writeln!(
                    s,
                    "{name:<w$}  FAILED: {}",
                    r.error.as_deref().unwrap_or("")
                );
            }
        }
    }
    let failed = rows.iter().filter(|r| r.status != "ok").count();
    let _ = writeln!(
        s,
        "\n{}, {} tailored, {failed} failed",
        crate::text::counted(&[(rows.len(), "posting", "postings")]),
        rows.len() - failed
    );
    s
}

/// Time spent per stage, summed over threads, in nanoseconds.
#[derive(Debug, Default)]
pub struct Timings {
    /// Reading posting files.
    pub read: AtomicU64,
    /// Analysing postings.
    pub analyse: AtomicU64,
    /// Scoring and selection (one call does both).
    pub score_select: AtomicU64,
    /// Rendering.
    pub render: AtomicU64,
    /// Writing files.
    pub write: AtomicU64,
}

impl Timings {
    /// Adds the time since `since` to `counter`, and restarts `since`.
    pub fn lap(&self, counter: &AtomicU64, since: &mut Instant) {
        let now = Instant::now();
        counter.fetch_add((now - *since).as_nanos() as u64, Ordering::Relaxed);
        *since = now;
    }
}

/// A posting to tailor, or why an argument named none; with its output
/// file stem (see [`output_stems`]).
pub type Input = (Result<PathBuf, (String, String)>, String);

/// Many postings tailored in parallel (rayon's current pool), each by the
/// engine of its résumé's language, and written in every output format
/// into `out_dir`. Results come back in input order, so the output is the
/// same whatever the thread count; a posting that fails is reported in its
/// row and the others go on.
pub struct Batch {
    /// The engines, one per résumé language, each built once.
    pub engines: Engines,
    /// Read every posting in this language instead of detecting it.
    pub lang: Option<Lang>,
    /// One file per posting and output, `STEM.EXTENSION`.
    pub outputs: Vec<Output>,
    /// Where the files go.
    pub out_dir: PathBuf,
    /// Replace files tailor did not write.
    pub force: bool,
    /// Where the time went.
    pub timings: Timings,
}

impl Batch {
    /// Tailors every input; `tick` runs once per posting done.
    pub fn run(&self, inputs: &[Input], tick: &(dyn Fn() + Sync)) -> Vec<Row> {
        inputs
            .par_iter()
            .map(|(input, stem)| {
                let row = match input {
                    Ok(path) => self.one(path, stem).unwrap_or_else(|e| {
                        Row::failed(path.display().to_string(), format!("{e:#}"))
                    }),
                    Err((arg, why)) => Row::failed(arg.clone(), why.clone()),
                };
                tick();
                row
            })
            .collect()
    }

    fn one(&self, path: &Path, stem: &str) -> Result<Row> {
        let s = self;
        let mut t = Instant::now();
        let source = input::read_posting(path)?;
        s.timings.lap(&s.timings.read, &mut t);
        let posting = Posting::from_source_in(&source, s.lang)?;
        s.timings.lap(&s.timings.analyse, &mut t);
        let engine = s.engines.for_posting(posting.lang)?;
        // Scoring and selection are timed together: one call does both.
        let tailored = engine.tailor(&posting)?;
        s.timings.lap(&s.timings.score_select, &mut t);
        let mut documents = Vec::new();
        for output in &s.outputs {
            let doc = engine.render(&posting, &tailored, output)?;
            documents.push((format!("{stem}.{}", output.extension()), doc));
        }
        s.timings.lap(&s.timings.render, &mut t);
        for (name, _) in &documents {
            // `batch DIR --out-dir DIR`: a résumé never replaces a posting.
            write::ensure_not_input(&s.out_dir.join(name), &[path])?;
            write::ensure_replaceable(&s.out_dir.join(name), Kind::Resume, s.force)?;
        }
        for (name, doc) in &documents {
            write::write_atomic_unsynced(&s.out_dir.join(name), &doc.bytes)?;
        }
        s.timings.lap(&s.timings.write, &mut t);

        let library = engine.library();
        let refs: Vec<_> = library.achievements().map(|(at, _)| at).collect();
        let uncovered = tailored
            .key_terms
            .iter()
            .filter(|k| {
                !tailored
                    .scored
                    .iter()
                    .any(|sc| sc.matches.iter().any(|m| m.term_index == k.index))
            })
            .map(|k| k.term.clone())
            .collect();
        Ok(Row {
            posting: path.display().to_string(),
            outputs: documents.into_iter().map(|(n, _)| n).collect(),
            status: "ok",
            error: None,
            match_rate: Some(crate::report::round(tailored.coverage.match_rate)),
            layout: tailored.page_fit,
            selected: Some(tailored.selection.chosen.len()),
            words: Some(
                tailored
                    .selection
                    .chosen
                    .iter()
                    .map(|c| {
                        let a = library.achievement(c.at);
                        let shown = match c.phrasing {
                            crate::select::Phrasing::Short => a.short.as_deref().unwrap_or(&a.text),
                            crate::select::Phrasing::Text => &a.text,
                        };
                        crate::text::word_count(shown)
                    })
                    .sum(),
            ),
            missing: tailored
                .coverage
                .missing
                .iter()
                .take(3)
                .map(|k| k.term.clone())
                .collect(),
            posting_language: Some(posting.lang),
            resume_language: Some(engine.lang()),
            language_note: engine.language_note(posting.lang),
            scores: tailored
                .scored
                .iter()
                .map(|sc| crate::report::round(sc.score))
                .collect(),
            chosen: tailored
                .selection
                .chosen
                .iter()
                .map(|c| c.at)
                .map(|at| {
                    refs.iter()
                        .position(|r| *r == at)
                        .expect("chosen from the library")
                })
                .collect(),
            uncovered,
        })
    }
}

/// Most achievements shown as columns of the matrix: beyond this, those
/// selected most often (then scoring highest) are shown.
pub const REPORT_COLUMNS: usize = 60;

/// What the coverage report page (`templates/report.html.hbs`) shows: the
/// postings × achievements matrix, each posting's missing key terms, the
/// achievements no posting selected, and the posting terms no achievement
/// covers. The template escapes every string.
#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    /// "7 postings tailored, 1 failed, against 22 achievements".
    pub summary: String,
    /// Postings tailored.
    pub tailored: usize,
    /// Postings that failed.
    pub failed: usize,
    /// Achievements in the library.
    pub achievements: usize,
    /// The achievement ids shown as columns, in library order.
    pub columns: Vec<String>,
    /// True when only the [`REPORT_COLUMNS`] most selected are shown.
    pub columns_cut: bool,
    /// How many are shown.
    pub shown: usize,
    /// One matrix row per tailored posting: not template data, but the
    /// `{{#rows}}` block the report renders them through, one at a time
    /// ([`crate::render::Renderer::stream`]).
    #[serde(skip)]
    pub rows: Vec<ReportRow>,
    /// Achievements no posting selected.
    pub never_selected: Vec<String>,
    /// Terms no achievement covers, most common first.
    pub uncovered: Vec<Uncovered>,
    /// Postings that failed, with why.
    pub failures: Vec<Failure>,
}

/// A posting's row of the matrix, kept compact until it is rendered: its
/// cells are made as it is serialised. Made up front, 5,189 real postings
/// × 60 cells of three strings each took 27 MB at the end of a batch.
#[derive(Debug, Clone)]
pub struct ReportRow {
    /// The posting, as given.
    pub posting: String,
    /// Per shown column: the score, and whether it was selected.
    scores: Vec<(f64, bool)>,
    /// The posting's best score, which shades relate to.
    best: f64,
    /// The ids of the shown columns (shared by every row).
    columns: Arc<[String]>,
    /// Its missing key terms, joined.
    pub missing: String,
}

impl ReportRow {
    /// Its cells, one per shown column.
    pub fn cells(&self) -> impl Iterator<Item = Cell> + '_ {
        self.columns
            .iter()
            .zip(&self.scores)
            .map(|(id, &(score, selected))| {
                let v = if self.best > 0.0 {
                    score / self.best
                } else {
                    0.0
                };
                let shade = |from: f64, to: f64| (from + (to - from) * v).round() as u8;
                Cell {
                    id: id.clone(),
                    score: format!("{score:.2}"),
                    background: format!(
                        "rgb({},{},{})",
                        shade(255.0, 31.0),
                        shade(255.0, 78.0),
                        shade(255.0, 121.0)
                    ),
                    selected,
                }
            })
    }
}

/// As template data: `posting`, `cells` and `missing`.
impl Serialize for ReportRow {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut row = serializer.serialize_struct("ReportRow", 3)?;
        row.serialize_field("posting", &self.posting)?;
        let cells: Vec<Cell> = self.cells().collect();
        row.serialize_field("cells", &cells)?;
        row.serialize_field("missing", &self.missing)?;
        row.end()
    }
}

/// One cell: an achievement's score for a posting.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    /// The achievement's id.
    pub id: String,
    /// Its score, two decimals.
    pub score: String,
    /// The CSS background: white (no score) to dark blue (the best).
    pub background: String,
    /// True when selected.
    pub selected: bool,
}

/// A term no achievement covers.
#[derive(Debug, Clone, Serialize)]
pub struct Uncovered {
    /// The term.
    pub term: String,
    /// In how many postings.
    pub postings: usize,
    /// "1 posting", "3 postings".
    pub count: String,
}

/// A posting that failed.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// The posting, as given.
    pub posting: String,
    /// Why.
    pub error: String,
}

/// The coverage report's data, from the batch's rows and the library's ids.
pub fn report_view(rows: &[Row], ids: &[String]) -> ReportView {
    let ok: Vec<&Row> = rows.iter().filter(|r| r.status == "ok").collect();
    let mut times_chosen = vec![0usize; ids.len()];
    let mut total = vec![0.0f64; ids.len()];
    for r in &ok {
        for &i in &r.chosen {
            times_chosen[i] += 1;
        }
        for (i, s) in r.scores.iter().enumerate() {
            total[i] += s;
        }
    }
    let mut columns: Vec<usize> = (0..ids.len()).collect();
    if columns.len() > REPORT_COLUMNS {
        columns.sort_by(|&a, &b| {
            times_chosen[b]
                .cmp(&times_chosen[a])
                .then(total[b].total_cmp(&total[a]))
                .then(a.cmp(&b))
        });
        columns.truncate(REPORT_COLUMNS);
        columns.sort_unstable();
    }
    let mut uncovered: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &ok {
        for t in &r.uncovered {
            *uncovered.entry(t.as_str()).or_default() += 1;
        }
    }
    let mut uncovered: Vec<(&str, usize)> = uncovered.into_iter().collect();
    uncovered.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let shown: Arc<[String]> = columns.iter().map(|&c| ids[c].clone()).collect();
    let matrix = ok
        .iter()
        .map(|r| ReportRow {
            posting: r.posting.clone(),
            scores: columns
                .iter()
                .map(|&c| (r.scores[c], r.chosen.contains(&c)))
                .collect(),
            best: r.scores.iter().copied().fold(0.0, f64::max),
            columns: Arc::clone(&shown),
            missing: r.missing.join(", "),
        })
        .collect();
    let failed = rows.len() - ok.len();
    ReportView {
        summary: format!(
            "{} tailored, {failed} failed, against {}",
            crate::text::counted(&[(ok.len(), "posting", "postings")]),
            crate::text::counted(&[(ids.len(), "achievement", "achievements")])
        ),
        tailored: ok.len(),
        failed,
        achievements: ids.len(),
        columns_cut: columns.len() < ids.len(),
        shown: columns.len(),
        columns: shown.to_vec(),
        rows: matrix,
        never_selected: (0..ids.len())
            .filter(|&i| times_chosen[i] == 0)
            .map(|i| ids[i].clone())
            .collect(),
        uncovered: uncovered
            .into_iter()
            .map(|(t, n)| Uncovered {
                term: t.to_string(),
                postings: n,
                count: crate::text::counted(&[(n, "posting", "postings")]),
            })
            .collect(),
        failures: rows
            .iter()
            .filter(|r| r.status != "ok")
            .map(|r| Failure {
                posting: r.posting.clone(),
                error: r.error.clone().unwrap_or_default(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_and_never_paths() {
        assert_eq!(sanitize("../../x"), "x");
        assert_eq!(
            sanitize("Senior Engineer (Remote)"),
            "Senior-Engineer-Remote"
        );
        assert_eq!(sanitize("/etc/passwd"), "etc-passwd");
        assert_eq!(sanitize("..."), "posting");
        assert_eq!(sanitize("ünïcode"), "n-code");
    }

    #[test]
    fn collisions_get_numbers_and_reserved_names_are_avoided() {
        let s = |v: &[&str]| output_stems(&v.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&["a", "a", "A", "b"]), vec!["a", "a-2", "A-3", "b"]);
        assert_eq!(s(&["report", "summary"]), vec!["report-2", "summary-2"]);
    }

    #[test]
    fn csv_cells_cannot_be_formulas() {
        let r = Row::failed("=HYPERLINK(\"http://x\").txt".into(), "-1".into());
        let csv = summary_csv(&[r]);
        assert!(
            csv.contains("\"'=HYPERLINK(\"\"http://x\"\").txt\",failed"),
            "{csv}"
        );
        assert!(csv.ends_with(",'-1,,,,\n"), "{csv}");
    }

    #[test]
    fn language_notes_are_said_once_per_posting_language() {
        let row = |lang: Lang, note: Option<&str>| Row {
            posting_language: Some(lang),
            language_note: note.map(str::to_string),
            ..Row::failed("p".into(), String::new())
        };
        let rows = [
            row(Lang::De, Some("German")),
            row(Lang::En, None),
            row(Lang::De, Some("German")),
            row(Lang::Fr, Some("French")),
        ];
        assert_eq!(language_notes(&rows), vec!["German", "French"]);
    }

    #[test]
    fn report_rows_make_their_cells_when_serialised() {
        let row = Row {
            status: "ok",
            scores: vec![2.0, 0.5, 1.0],
            chosen: vec![0],
            missing: vec!["rust".into(), "go".into()],
            ..Row::failed("p.md".into(), String::new())
        };
        let ids = ["a".to_string(), "b".into(), "c".into()];
        let view = report_view(&[row], &ids);
        let json = serde_json::to_value(&view.rows[0]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "posting": "p.md",
                "cells": [
                    {"id": "a", "score": "2.00", "background": "rgb(31,78,121)", "selected": true},
                    {"id": "b", "score": "0.50", "background": "rgb(199,211,222)", "selected": false},
                    {"id": "c", "score": "1.00", "background": "rgb(143,167,188)", "selected": false},
                ],
                "missing": "rust, go",
            })
        );
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let mut r = Row::failed("a, \"b\".txt".into(), "broken\nline".into());
        r.missing = vec!["x".into()];
        let csv = summary_csv(&[r]);
        assert!(csv.contains("\"a, \"\"b\"\".txt\",failed"), "{csv}");
        assert!(csv.contains("\"broken\nline\""), "{csv}");
    }
}
