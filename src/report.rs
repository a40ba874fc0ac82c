//! The match report: coverage, gaps and the selection, as JSON (for scripts)
//! or Markdown (for people). `tailor compose --report FILE` writes it.

use std::fmt::Write as _;

use serde::Serialize;

use crate::analysis::Lang;
use crate::content::Library;
use crate::coverage::{Covered, KeyTerm};
use crate::posting::Posting;
use crate::select::Phrasing;
use crate::tailored::Tailored;

/// Rounds for output, so last-digit differences between platforms' math
/// libraries never show.
pub fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0 + 0.0
}

/// The top-level keys of the JSON report, all of them: a JSON file with
/// exactly these is taken for a report tailor wrote (see
/// [`crate::write::Kind::Report`]).
pub const KEYS: [&str; 10] = [
    "posting", "title", "budget", "capacity", "used", "method", "notes", "coverage", "selected",
    "left_out",
];

/// Keys a JSON report has only sometimes (`layout`, under a page budget),
/// or not in files written before it had them (the languages).
pub const OPTIONAL_KEYS: [&str; 3] = ["layout", "posting_language", "resume_language"];

/// The report, as data. Field names are a contract for scripts.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// The posting's name.
    pub posting: &'a str,
    /// Its title, when found.
    pub title: Option<&'a str>,
    /// The language the posting was read in (ISO 639-1).
    pub posting_language: Lang,
    /// The language the résumé is in.
    pub resume_language: Lang,
    /// The budget asked for.
    pub budget: crate::select::Budget,
    /// Budget units available for achievement text.
    pub capacity: u32,
    /// Budget units used.
    pub used: u32,
    /// Under a page budget: pages, last-page fill, layouts made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<crate::tailored::PageFit>,
    /// How the selection was found (exact, or greedy + local search).
    pub method: &'a str,
    /// Soft defaults that gave way, and other notes.
    pub notes: &'a [String],
    /// The coverage.
    pub coverage: CoverageOut,
    /// Selected achievements in résumé order.
    pub selected: Vec<SelectedOut<'a>>,
    /// Every other achievement, with why it was left out.
    pub left_out: Vec<LeftOutOut<'a>>,
}

/// One achievement left out.
#[derive(Debug, Serialize)]
pub struct LeftOutOut<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its role's title.
    pub role: &'a str,
    /// Why, as data (`reason` and its fields).
    #[serde(flatten)]
    pub reason: crate::select::Reason,
    /// Why, in words.
    pub why: String,
}

/// Coverage with rounded numbers.
#[derive(Debug, Serialize)]
pub struct CoverageOut {
    /// Weighted share of key terms covered, 0–1.
    pub match_rate: f64,
    /// Covered key terms.
    pub covered: Vec<Covered>,
    /// Missing key terms.
    pub missing: Vec<KeyTerm>,
}

/// One selected achievement.
#[derive(Debug, Serialize)]
pub struct SelectedOut<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its role's title.
    pub role: &'a str,
    /// Its score.
    pub score: f64,
    /// The phrasing used.
    pub phrasing: Phrasing,
    /// Its cost in budget units.
    pub cost: u32,
}

/// Coverage for output: numbers rounded.
pub fn coverage_out(t: &Tailored) -> CoverageOut {
    let fix = |k: &KeyTerm| KeyTerm {
        weight: round(k.weight),
        ..k.clone()
    };
    CoverageOut {
        match_rate: round(t.coverage.match_rate),
        covered: t
            .coverage
            .covered
            .iter()
            .map(|c| Covered {
                term: fix(&c.term),
                by: c.by.clone(),
                elsewhere: c.elsewhere.clone(),
            })
            .collect(),
        missing: t.coverage.missing.iter().map(fix).collect(),
    }
}

/// "1 page, the last 96% full (3 layouts)", and why it stops there.
fn layout_line(f: &crate::tailored::PageFit) -> String {
    let pages = crate::text::counted(&[(f.pages, "page", "pages")]);
    let layouts = crate::text::counted(&[(f.layouts, "layout", "layouts")]);
    let why = if f.complete {
        "; every eligible achievement is in"
    } else if f.saturated {
        "; more room would add nothing"
    } else {
        ""
    };
    format!(
        "{pages}, the last {:.0}% full ({layouts}){why}",
        f.fill * 100.0
    )
}

impl<'a> Report<'a> {
    /// Builds the report of one tailoring; `library` is the one the
    /// résumé was written from, as it reads in the résumé's language.
    pub fn new(library: &'a Library, posting: &'a Posting, t: &'a Tailored) -> Report<'a> {
        Report {
            posting: &posting.name,
            title: posting.title.as_deref(),
            posting_language: posting.lang,
            resume_language: library.lang,
            budget: t.selection.budget,
            capacity: t.selection.capacity,
            used: t.selection.used,
            layout: t.page_fit,
            method: &t.selection.method,
            notes: &t.selection.notes,
            coverage: coverage_out(t),
            selected: t
                .selection
                .chosen
                .iter()
                .map(|c| SelectedOut {
                    id: &library.achievement(c.at).id,
                    role: &library.experience[c.at.role].title,
                    score: round(c.score),
                    phrasing: c.phrasing,
                    cost: c.cost,
                })
                .collect(),
            left_out: t
                .selection
                .left_out
                .iter()
                .map(|l| LeftOutOut {
                    id: &library.achievement(l.at).id,
                    role: &library.experience[l.at.role].title,
                    reason: l.reason.clone(),
                    why: l.reason.to_string(),
                })
                .collect(),
        }
    }

    /// The explanation of what was left out, as plain text lines.
    pub fn explanation(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "Selection: {} of {} {} used (budget {}); method: {}",
            self.used,
            self.capacity,
            self.budget.unit(),
            self.budget,
            self.method
        );
        if let Some(f) = &self.layout {
            let _ = writeln!(s, "Layout: {}", layout_line(f));
        }
        for n in self.notes {
            let _ = writeln!(s, "note: {n}");
        }
        if self.left_out.is_empty() {
            let _ = writeln!(s, "Every achievement went in.");
        } else {
            let _ = writeln!(s, "Left out:");
            let w = self.left_out.iter().map(|l| l.id.len()).max().unwrap_or(0);
            for l in &self.left_out {
                let _ = writeln!(s, "  {:<w$}  {}", l.id, l.why);
            }
        }
        s
    }

    /// The report as pretty JSON, newline-terminated.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("the report serialises");
        s.push('\n');
        s
    }

    /// The report as Markdown.
    pub fn to_markdown(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "# Match report: {}", self.posting);
        if let Some(t) = self.title {
            let _ = writeln!(s, "\nPosting title: {t}");
        }
        // English throughout goes unsaid, as before languages were read.
        if (self.posting_language, self.resume_language) != (Lang::En, Lang::En) {
            let _ = writeln!(
                s,
                "\nLanguage: the posting is in {}, the résumé in {}.",
                self.posting_language.name(),
                self.resume_language.name()
            );
        }
        let _ = writeln!(
            s,
            "\nMatch rate: **{:.0}%** of the posting's key terms (weighted), with {} of {} {} (budget {}).",
            self.coverage.match_rate * 100.0,
            self.used,
            self.capacity,
            self.budget.unit(),
            self.budget
        );
        if let Some(f) = &self.layout {
            let _ = writeln!(s, "\nLayout: {}.", layout_line(f));
        }
        let _ = writeln!(s, "\n## Covered\n");
        if self.coverage.covered.is_empty() {
            let _ = writeln!(s, "None.");
        } else {
            let _ = writeln!(
                s,
                "| term | section | weight | by |\n| --- | --- | ---: | --- |"
            );
            for c in &self.coverage.covered {
                let _ = writeln!(
                    s,
                    "| {} | {} | {:.2} | {} |",
                    c.term.term,
                    c.term.section.label(),
                    c.term.weight,
                    c.by_text()
                );
            }
        }
        let _ = writeln!(s, "\n## Missing\n");
        if self.coverage.missing.is_empty() {
            let _ = writeln!(s, "None: every key term is covered.");
        } else {
            let _ = writeln!(s, "| term | section | weight |\n| --- | --- | ---: |");
            for k in &self.coverage.missing {
                let _ = writeln!(
                    s,
                    "| {} | {} | {:.2} |",
                    k.term,
                    k.section.label(),
                    k.weight
                );
            }
        }
        let _ = writeln!(s, "\n## Selected\n");
        let _ = writeln!(
            s,
            "| id | role | score | phrasing |\n| --- | --- | ---: | --- |"
        );
        for a in &self.selected {
            let phrasing = match a.phrasing {
                Phrasing::Text => "text",
                Phrasing::Short => "short",
            };
            let _ = writeln!(
                s,
                "| {} | {} | {:.2} | {} |",
                a.id, a.role, a.score, phrasing
            );
        }
        s
    }
}
