//! Scoring: how well each achievement fits a posting, and why. Pure: takes a
//! [`Library`] and a [`Posting`], returns numbers with the terms behind them.
//!
//! An achievement's score is a sum over the posting's terms it matches:
//! `term weight × match-kind factor × BM25 term-frequency saturation`. The
//! term weight is the posting's own emphasis (log count) times the term's
//! rarity in the library (BM25 idf), so words every achievement shares count
//! little, and generic job-ad words are damped further.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use serde::Serialize;

use crate::analysis::{self, TermKind, stem::stem_word};
use crate::content::{AchievementRef, Library};
use crate::posting::Posting;
use crate::text;

/// Every tunable factor of the scorer, in one place.
pub mod factors {
    /// BM25 term-frequency saturation.
    pub const K1: f64 = 1.2;
    /// BM25 length normalisation: long achievements do not win by length.
    pub const B: f64 = 0.75;
    /// Match found as the same word.
    pub const EXACT: f64 = 1.0;
    /// Match found through the stem only ("scaled" for "scaling").
    pub const STEM: f64 = 0.9;
    /// Match found in the achievement's tags only.
    pub const TAG: f64 = 0.8;
    /// Match found through a near-miss spelling.
    pub const FUZZY: f64 = 0.7;
    /// Two-word phrases are more specific than their words.
    pub const PHRASE: f64 = 1.5;
    /// Generic job-ad words ("experience", "team") count for next to nothing.
    pub const GENERIC: f64 = 0.1;
    /// Fuzzy matching: minimum length of both words.
    pub const FUZZY_MIN_LEN: usize = 5;
    /// Fuzzy matching: minimum Jaro-Winkler similarity.
    pub const FUZZY_MIN_SIMILARITY: f64 = 0.94;
    /// Fuzzy matching: one edit allowed per this many characters (at least one).
    pub const FUZZY_CHARS_PER_EDIT: usize = 8;
}

/// Words that nearly every posting uses and that say nothing about the job.
const GENERIC_WORDS: &[&str] = &[
    "ability",
    "able",
    "applicant",
    "apply",
    "benefit",
    "best",
    "bonus",
    "candidate",
    "career",
    "company",
    "culture",
    "day",
    "description",
    "diverse",
    "diversity",
    "employer",
    "environment",
    "equal",
    "excellent",
    "experience",
    "familiarity",
    "good",
    "great",
    "help",
    "ideal",
    "job",
    "join",
    "knowledge",
    "like",
    "looking",
    "love",
    "make",
    "mission",
    "new",
    "nice",
    "offer",
    "opportunity",
    "passion",
    "passionate",
    "people",
    "plus",
    "position",
    "preferred",
    "proven",
    "qualification",
    "requirement",
    "required",
    "responsibility",
    "role",
    "salary",
    "skill",
    "strong",
    "team",
    "thrive",
    "understanding",
    "want",
    "way",
    "work",
    "world",
    "year",
];

static GENERIC_STEMS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = GENERIC_WORDS.iter().map(|w| stem_word(w)).collect();
    v.sort();
    v.dedup();
    v
});

fn is_generic(key: &str) -> bool {
    GENERIC_STEMS
        .binary_search_by(|s| s.as_str().cmp(key))
        .is_ok()
}

/// How a posting term was found in an achievement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The same word.
    Exact,
    /// The same stem, another inflection.
    Stem,
    /// One of the achievement's tags.
    Tag,
    /// A near-miss spelling.
    Fuzzy,
}

impl MatchKind {
    fn factor(self) -> f64 {
        match self {
            MatchKind::Exact => factors::EXACT,
            MatchKind::Stem => factors::STEM,
            MatchKind::Tag => factors::TAG,
            MatchKind::Fuzzy => factors::FUZZY,
        }
    }
}

/// One posting term an achievement matched, and what it contributed.
#[derive(Debug, Clone, Serialize)]
pub struct Match {
    /// The term as the posting wrote it.
    pub term: String,
    /// How it was found.
    pub kind: MatchKind,
    /// The word in the achievement that matched.
    pub via: String,
    /// The term's weight in this posting (emphasis × rarity).
    pub weight: f64,
    /// Its share of the score.
    pub contribution: f64,
}

/// An achievement's score for one posting.
#[derive(Debug, Clone, Serialize)]
pub struct Scored {
    /// Which achievement.
    pub at: AchievementRef,
    /// The sum of the matches' contributions.
    pub score: f64,
    /// The matched terms, in posting order.
    pub matches: Vec<Match>,
}

#[derive(Debug, Clone, Default)]
struct DocTerm {
    /// Occurrences in the text (tags excluded).
    count: u32,
    /// The forms it was written in.
    surfaces: Vec<String>,
}

#[derive(Debug, Clone)]
struct Doc {
    terms: HashMap<String, DocTerm>,
    tags: HashMap<String, String>,
    len: f64,
}

/// The library analysed once, to be scored against any number of postings.
#[derive(Debug, Clone)]
pub struct LibraryIndex {
    refs: Vec<AchievementRef>,
    docs: Vec<Doc>,
    df: HashMap<String, u32>,
    /// Single-word surfaces of the library, sorted, for near-miss lookups.
    vocabulary: BTreeMap<String, String>,
    avg_len: f64,
}

impl LibraryIndex {
    /// Analyses every achievement's text, short phrasing and tags.
    pub fn build(library: &Library) -> LibraryIndex {
        let mut refs = Vec::new();
        let mut docs = Vec::new();
        let mut df: HashMap<String, u32> = HashMap::new();
        let mut vocabulary = BTreeMap::new();
        for (at, a) in library.achievements() {
            let mut terms: HashMap<String, DocTerm> = HashMap::new();
            let mut len = 0usize;
            for t in analysis::analyse(&text::plain(&a.text)) {
                if t.kind != TermKind::Phrase {
                    len += 1;
                    vocabulary
                        .entry(t.surface.clone())
                        .or_insert_with(|| t.key.clone());
                }
                let e = terms.entry(t.key).or_default();
                e.count += 1;
                if !e.surfaces.contains(&t.surface) {
                    e.surfaces.push(t.surface);
                }
            }
            // The short phrasing says the same; it adds words, not weight.
            if let Some(short) = &a.short {
                for t in analysis::analyse(&text::plain(short)) {
                    let e = terms.entry(t.key).or_default();
                    e.count = e.count.max(1);
                    if !e.surfaces.contains(&t.surface) {
                        e.surfaces.push(t.surface);
                    }
                }
            }
            let mut tags = HashMap::new();
            for tag in &a.tags {
                for t in analysis::analyse(tag) {
                    tags.entry(t.key).or_insert_with(|| tag.clone());
                }
            }
            let mut keys: Vec<&String> = terms.keys().chain(tags.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                *df.entry(k.clone()).or_default() += 1;
            }
            refs.push(at);
            docs.push(Doc {
                terms,
                tags,
                len: len.max(1) as f64,
            });
        }
        let avg_len = docs.iter().map(|d| d.len).sum::<f64>() / docs.len().max(1) as f64;
        LibraryIndex {
            refs,
            docs,
            df,
            vocabulary,
            avg_len,
        }
    }

    /// Number of achievements indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when the library had no achievements.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    fn idf(&self, key: &str) -> f64 {
        let n = self.docs.len() as f64;
        let df = f64::from(self.df.get(key).copied().unwrap_or(0));
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Library words that are near misses of `surface` (typos, British and
    /// American spellings), never mere prefixes: stemming already had its turn.
    fn near_misses(&self, surface: &str) -> Vec<String> {
        if surface.chars().count() < factors::FUZZY_MIN_LEN {
            return Vec::new();
        }
        let first = surface.chars().next();
        let max_edits = (surface.chars().count() / factors::FUZZY_CHARS_PER_EDIT).max(1);
        let mut keys: Vec<String> = self
            .vocabulary
            .iter()
            .filter(|(s, _)| {
                s.chars().next() == first
                    && s.chars().count() >= factors::FUZZY_MIN_LEN
                    && !s.starts_with(surface)
                    && !surface.starts_with(s.as_str())
                    && strsim::jaro_winkler(s, surface) >= factors::FUZZY_MIN_SIMILARITY
                    && strsim::damerau_levenshtein(s, surface) <= max_edits
            })
            .map(|(_, k)| k.clone())
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }

    /// Scores every achievement against `posting`, in library order.
    pub fn score(&self, posting: &Posting) -> Vec<Scored> {
        // Per posting term: its weight, and the library keys that can match it.
        struct Want<'a> {
            display: &'a str,
            key: &'a str,
            weight: f64,
            fuzzy: Vec<String>,
        }
        let mut wants = Vec::with_capacity(posting.terms.len());
        for t in &posting.terms {
            let known = self.df.contains_key(&t.key);
            let fuzzy = if !known && t.kind != TermKind::Phrase {
                self.near_misses(&t.display)
            } else {
                Vec::new()
            };
            if !known && fuzzy.is_empty() {
                continue;
            }
            let idf = if known {
                self.idf(&t.key)
            } else {
                fuzzy.iter().map(|k| self.idf(k)).fold(0.0, f64::max)
            };
            let emphasis = 1.0 + f64::from(t.count).ln();
            let mut weight = idf * emphasis;
            if t.kind == TermKind::Phrase {
                weight *= factors::PHRASE;
            }
            if is_generic(&t.key) {
                weight *= factors::GENERIC;
            }
            wants.push(Want {
                display: &t.display,
                key: &t.key,
                weight,
                fuzzy,
            });
        }

        self.refs
            .iter()
            .zip(&self.docs)
            .map(|(&at, doc)| {
                let mut matches = Vec::new();
                let norm = factors::K1 * (1.0 - factors::B + factors::B * doc.len / self.avg_len);
                for w in &wants {
                    let found = if let Some(dt) = doc.terms.get(w.key) {
                        let kind = if dt.surfaces.iter().any(|s| s == w.display) {
                            MatchKind::Exact
                        } else {
                            MatchKind::Stem
                        };
                        let via = if kind == MatchKind::Exact {
                            w.display.to_string()
                        } else {
                            dt.surfaces[0].clone()
                        };
                        Some((kind, dt.count, via))
                    } else if let Some(tag) = doc.tags.get(w.key) {
                        Some((MatchKind::Tag, 1, tag.clone()))
                    } else {
                        w.fuzzy.iter().find_map(|k| {
                            doc.terms
                                .get(k)
                                .map(|dt| (MatchKind::Fuzzy, dt.count, dt.surfaces[0].clone()))
                        })
                    };
                    if let Some((kind, tf, via)) = found {
                        let tf = f64::from(tf);
                        let saturation = tf * (factors::K1 + 1.0) / (tf + norm);
                        let contribution = w.weight * kind.factor() * saturation;
                        matches.push(Match {
                            term: w.display.to_string(),
                            kind,
                            via,
                            weight: w.weight,
                            contribution,
                        });
                    }
                }
                // Summed in posting order, so the float result never depends on
                // hashing; folded from +0.0 because `sum` starts at -0.0.
                let score = matches.iter().fold(0.0, |acc, m| acc + m.contribution);
                Scored { at, score, matches }
            })
            .collect()
    }
}

/// Indices into `scored`, best first; ties keep library order.
pub fn ranking(scored: &[Scored]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scored.len()).collect();
    order.sort_by(|&a, &b| scored[b].score.total_cmp(&scored[a].score).then(a.cmp(&b)));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::{Source, from_sources};

    fn library(achievements: &[(&str, &str, &[&str])]) -> Library {
        let mut y = String::from("experience:\n  - title: Engineer\n    achievements:\n");
        for (id, text, tags) in achievements {
            y.push_str(&format!(
                "      - id: {id}\n        text: \"{text}\"\n        tags: [{}]\n",
                tags.join(", ")
            ));
        }
        from_sources(&[Source {
            path: "t.yaml".into(),
            text: y,
        }])
        .unwrap()
    }

    fn scores(lib: &Library, posting: &str) -> Vec<Scored> {
        LibraryIndex::build(lib).score(&Posting::analyse("p", posting))
    }

    #[test]
    fn no_substring_matches() {
        let lib = library(&[("a", "Built the platform for reforms", &[])]);
        let s = scores(&lib, "form");
        assert_eq!(s[0].score, 0.0);
        assert!(s[0].matches.is_empty());
    }

    #[test]
    fn stems_and_exact_words_are_told_apart() {
        let lib = library(&[("a", "Scaled the billing service", &[])]);
        let s = scores(&lib, "scaling billing");
        let kinds: Vec<(&str, MatchKind)> = s[0]
            .matches
            .iter()
            .map(|m| (m.term.as_str(), m.kind))
            .collect();
        assert!(kinds.contains(&("scaling", MatchKind::Stem)), "{kinds:?}");
        assert!(kinds.contains(&("billing", MatchKind::Exact)), "{kinds:?}");
    }

    #[test]
    fn tags_count_as_matches() {
        let lib = library(&[("a", "Cut losses", &["fraud"]), ("b", "Wrote docs", &[])]);
        let s = scores(&lib, "fraud prevention");
        assert_eq!(s[0].matches[0].kind, MatchKind::Tag);
        assert!(s[0].score > s[1].score);
    }

    #[test]
    fn near_misses_match_fuzzily_but_short_words_never() {
        let lib = library(&[("a", "Ran kubernetes and monetization", &[])]);
        let s = scores(&lib, "kubernetse monetisation");
        assert_eq!(s[0].matches.len(), 2, "{:?}", s[0].matches);
        assert!(s[0].matches.iter().all(|m| m.kind == MatchKind::Fuzzy));
        let lib = library(&[("a", "Used react", &[])]);
        assert!(scores(&lib, "reach")[0].matches.is_empty());
        let lib = library(&[("a", "Worked iteratively", &[])]);
        assert!(scores(&lib, "interactively")[0].matches.is_empty());
        let lib = library(&[("a", "Integrated stripe", &[])]);
        assert!(scores(&lib, "strip")[0].matches.is_empty());
    }

    #[test]
    fn phrases_outweigh_scattered_words() {
        let lib = library(&[
            ("a", "Designed rate limiting for the API", &[]),
            ("b", "Set the rate card and limiting factors", &[]),
        ]);
        let s = scores(&lib, "rate limiting");
        assert!(s[0].score > s[1].score, "{} vs {}", s[0].score, s[1].score);
    }

    #[test]
    fn generic_words_count_for_little() {
        let lib = library(&[("a", "Grew the team", &[]), ("b", "Scaled postgres", &[])]);
        let s = scores(&lib, "team team team postgres");
        assert!(s[1].score > s[0].score * 3.0);
    }

    #[test]
    fn no_match_scores_positive_zero() {
        // Regression: an empty float sum is -0.0, which printed as "-0.00".
        let lib = library(&[("a", "Wrote go", &[])]);
        let s = scores(&lib, "nothing");
        assert!(s[0].score.is_sign_positive());
    }

    #[test]
    fn ranking_breaks_ties_by_library_order() {
        let lib = library(&[("a", "Wrote go", &[]), ("b", "Wrote go", &[])]);
        let s = scores(&lib, "nothing here");
        assert_eq!(ranking(&s), vec![0, 1]);
    }
}
