//! What achievements say in common: which achievements of one library tell
//! of the same work (one project told three ways), so that selection takes
//! one telling, not three, even where the posting never names the project.
//! Pure: built from the library's text once, the same for every posting.
//!
//! An achievement's content is its distinct terms (word stems and technology
//! names of its text, short phrasing and tags, and its figures), each weighed
//! by how rare it is in the library (`ln(N / df)`: N achievements, df of them
//! carrying it). Two achievements tell of the same work when the cosine of
//! those weights reaches [`SAME_WORK`]; a *story* is a group of achievements
//! linked that way. A member's *shared words* are those whose terms other
//! members of its story also carry: what a reader has already read once one
//! of them is in. Selection counts what a member's matches on shared words
//! are worth once per story ([`super::solver::Problem::once_from`]); alone,
//! an achievement is worth what it was.

use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::{self, TermKind, TokenKind};
use crate::content::Library;

/// Cosine of content weights at which two achievements tell of the same
/// work. In the shipped library, the three tellings of one migration pair at
/// 0.24 to 0.34 and two hiring bullets at 0.32, while every other pair stays
/// at 0.21 or below (most under 0.15).
pub const SAME_WORK: f64 = 0.24;

/// Which achievements tell of the same work.
#[derive(Debug, Clone, Default)]
pub struct Overlap {
    /// Per achievement in library order: its story and its shared words
    /// (normalised, as matches name them), when it has a story of two or
    /// more.
    per_achievement: Vec<Option<(u32, BTreeSet<String>)>>,
    /// Number of stories (ids are below it).
    stories: usize,
}

impl Overlap {
    /// Finds the stories of `library`.
    pub fn new(library: &Library) -> Overlap {
        let words: Vec<Vec<(String, String)>> =
            library.achievements().map(|(_, a)| content(a)).collect();
        let contents: Vec<BTreeSet<String>> = words
            .iter()
            .map(|w| w.iter().map(|(_, key)| key.clone()).collect())
            .collect();
        let n = contents.len();
        let mut df: BTreeMap<&str, usize> = BTreeMap::new();
        for c in &contents {
            for t in c {
                *df.entry(t.as_str()).or_default() += 1;
            }
        }
        let idf = |t: &str| (n as f64 / df[t] as f64).ln();
        let norms: Vec<f64> = contents
            .iter()
            .map(|c| c.iter().map(|t| idf(t).powi(2)).sum::<f64>().sqrt())
            .collect();
        // Stories: groups linked by same-work pairs (union-find, the
        // smaller index as root so ids follow library order).
        let mut root: Vec<usize> = (0..n).collect();
        fn find(root: &mut [usize], mut i: usize) -> usize {
            while root[i] != i {
                root[i] = root[root[i]];
                i = root[i];
            }
            i
        }
        for i in 0..n {
            for j in i + 1..n {
                if norms[i] == 0.0 || norms[j] == 0.0 {
                    continue;
                }
                let dot: f64 = contents[i]
                    .intersection(&contents[j])
                    .map(|t| idf(t).powi(2))
                    .sum();
                if dot / (norms[i] * norms[j]) >= SAME_WORK {
                    let (a, b) = (find(&mut root, i), find(&mut root, j));
                    root[a.max(b)] = a.min(b);
                }
            }
        }
        let roots: Vec<usize> = (0..n).map(|i| find(&mut root, i)).collect();
        let mut ids: BTreeMap<usize, u32> = BTreeMap::new();
        let mut per_achievement = vec![None; n];
        for i in 0..n {
            let mates: Vec<usize> = (0..n).filter(|&j| j != i && roots[j] == roots[i]).collect();
            if mates.is_empty() {
                continue;
            }
            let shared: BTreeSet<String> = words[i]
                .iter()
                .filter(|(_, key)| mates.iter().any(|&j| contents[j].contains(key)))
                .map(|(surface, _)| surface.clone())
                .collect();
            let next = ids.len() as u32;
            let id = *ids.entry(roots[i]).or_insert(next);
            per_achievement[i] = Some((id, shared));
        }
        Overlap {
            per_achievement,
            stories: ids.len(),
        }
    }

    /// Achievement `i`'s story (library order) and its shared words, if it
    /// has one.
    pub fn of(&self, i: usize) -> Option<(u32, &BTreeSet<String>)> {
        self.per_achievement
            .get(i)
            .and_then(|s| s.as_ref())
            .map(|(id, words)| (*id, words))
    }

    /// True when a match standing on `via` (an achievement's word, phrase
    /// or tag) stands only on words achievement `i` shares with its story.
    pub fn is_shared(&self, i: usize, via: &str) -> bool {
        self.of(i).is_some_and(|(_, words)| {
            let mut parts = crate::score::evidence(via).peekable();
            parts.peek().is_some() && parts.all(|w| words.contains(w))
        })
    }

    /// Number of stories.
    pub fn stories(&self) -> usize {
        self.stories
    }
}

/// An achievement's content: (surface, key) for each word and technology
/// name of its phrasings and tags, and each figure as written (its own key).
fn content(a: &crate::content::Achievement) -> Vec<(String, String)> {
    let mut text = a.text.clone();
    for extra in a.short.iter().chain(&a.tags) {
        text.push_str(". ");
        text.push_str(&extra.replace('-', " "));
    }
    let mut out: Vec<(String, String)> = analysis::analyse(&text)
        .into_iter()
        .filter(|t| t.kind != TermKind::Phrase)
        .map(|t| (t.surface, t.key))
        .collect();
    out.extend(
        analysis::tokenise::tokenise(&analysis::normalise::normalise(&text))
            .into_iter()
            .filter(|t| t.kind == TokenKind::Number)
            .map(|t| (t.text.clone(), t.text)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::{Source, from_sources};

    fn library(yaml: &str) -> Library {
        from_sources(&[Source {
            path: "t.yaml".into(),
            text: yaml.into(),
        }])
        .expect("loads")
    }

    #[test]
    fn one_project_told_twice_is_one_story() {
        let lib = library(
            "experience:\n  - title: Engineer\n    achievements:\n      - id: a\n        text: Migrated the ledger service from Perl to Go.\n      - id: b\n        text: Cut ledger service latency by 40% with the Go migration.\n      - id: c\n        text: Hired and mentored three engineers.\n      - id: d\n        text: Ran the on-call rotation for payments.\n      - id: e\n        text: Wrote the payments runbook.\n",
        );
        let o = Overlap::new(&lib);
        let (story, words) = o.of(0).expect("a has a story");
        assert_eq!(o.of(1).map(|(s, _)| s), Some(story));
        assert!(
            words.contains("ledger") && words.contains("migrated"),
            "{words:?}"
        );
        assert!(!words.contains("perl"), "{words:?}");
        assert!(o.is_shared(1, "migration") && o.is_shared(1, "ledger service"));
        assert!(!o.is_shared(1, "latency") && !o.is_shared(1, "ledger latency"));
        assert!(o.of(2).is_none(), "nothing in common with the others");
        assert_eq!(o.stories(), 1, "one word in common is no story: {o:?}");
    }

    #[test]
    fn the_shipped_library_has_its_migration_and_hiring_stories() {
        let lib = crate::content::load::load(std::path::Path::new("content")).expect("loads");
        let o = Overlap::new(&lib);
        let story = |id: &str| {
            let i = lib.achievements().position(|(_, a)| a.id == id).expect(id);
            o.of(i).map(|(s, _)| s)
        };
        let migration = story("graphql-migration").expect("a story");
        assert_eq!(story("page-load-speedup"), Some(migration));
        assert_eq!(story("googlebot-crawl-rate"), Some(migration));
        assert_eq!(
            story("backend-technical-interviews"),
            story("subscriptions-team-hiring")
        );
        assert_eq!(story("incident-command"), None);
        assert_eq!(story("runaway-celery-task"), None);
    }
}
