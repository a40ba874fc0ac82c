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

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::analysis::{self, TermKind, TokenKind};
use crate::content::Library;

/// Cosine of content weights at which two achievements tell of the same
/// work. In the shipped library, the three tellings of one migration pair at
/// 0.24 to 0.34 and two hiring bullets at 0.32, while every other pair stays
/// at 0.21 or below (most under 0.15).
pub const SAME_WORK: f64 = 0.24;

/// Pairs are looked for among achievements sharing a term that at most
/// this many achievements carry: every pair in a library of up to this
/// size, and in a larger one the pairs with something in common beyond
/// what most of the library says, which tellings of one piece of work have
/// (its system, figures, technologies). It keeps the search linear: 10,000
/// achievements compared pairwise took 100 s.
pub const PAIR_DF_CAP: usize = 200;

/// Sum of the weights of the terms two sorted contents share.
fn shared_weight(a: &[u32], b: &[u32], weight: &[f64]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += weight[a[i] as usize];
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

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
    /// Finds the stories of `library`. Linear in the library's text for
    /// any size: pairs are found through the terms they share (see
    /// [`PAIR_DF_CAP`]), and each candidate's cosine is exact.
    pub fn new(library: &Library) -> Overlap {
        let words: Vec<Vec<(String, String)>> = library
            .achievements()
            .map(|(_, a)| content(a, library.lang))
            .collect();
        // Terms numbered in first-appearance order; each content a sorted
        // list of distinct numbers.
        let mut number: HashMap<&str, u32> = HashMap::new();
        let contents: Vec<Vec<u32>> = words
            .iter()
            .map(|w| {
                let mut c: Vec<u32> = w
                    .iter()
                    .map(|(_, key)| {
                        let next = number.len() as u32;
                        *number.entry(key.as_str()).or_insert(next)
                    })
                    .collect();
                c.sort_unstable();
                c.dedup();
                c
            })
            .collect();
        let n = contents.len();
        let mut holders: Vec<Vec<u32>> = vec![Vec::new(); number.len()];
        for (i, c) in contents.iter().enumerate() {
            for &t in c {
                holders[t as usize].push(i as u32);
            }
        }
        let weight: Vec<f64> = holders
            .iter()
            .map(|h| (n as f64 / h.len() as f64).ln().powi(2))
            .collect();
        let norms: Vec<f64> = contents
            .iter()
            .map(|c| c.iter().map(|&t| weight[t as usize]).sum::<f64>().sqrt())
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
        let mut seen = vec![usize::MAX; n];
        for i in 0..n {
            if norms[i] == 0.0 {
                continue;
            }
            // Later achievements sharing a term few carry: the candidates.
            for &t in &contents[i] {
                let h = &holders[t as usize];
                if h.len() > PAIR_DF_CAP {
                    continue;
                }
                for &j in h.iter().filter(|&&j| j as usize > i) {
                    let j = j as usize;
                    if seen[j] == i || norms[j] == 0.0 {
                        continue;
                    }
                    seen[j] = i;
                    let dot = shared_weight(&contents[i], &contents[j], &weight);
                    if dot / (norms[i] * norms[j]) >= SAME_WORK {
                        let (a, b) = (find(&mut root, i), find(&mut root, j));
                        root[a.max(b)] = a.min(b);
                    }
                }
            }
        }
        let roots: Vec<usize> = (0..n).map(|i| find(&mut root, i)).collect();
        let mut size = vec![0usize; n];
        for &r in &roots {
            size[r] += 1;
        }
        // Per story: how many members carry each term.
        let mut carried: HashMap<(usize, u32), u32> = HashMap::new();
        for (i, c) in contents.iter().enumerate() {
            if size[roots[i]] > 1 {
                for &t in c {
                    *carried.entry((roots[i], t)).or_default() += 1;
                }
            }
        }
        let mut ids: BTreeMap<usize, u32> = BTreeMap::new();
        let mut per_achievement = vec![None; n];
        for i in 0..n {
            let r = roots[i];
            if size[r] < 2 {
                continue;
            }
            // A term another member carries too: the content is a set, so
            // a count of two or more means someone else has it.
            let shared: BTreeSet<String> = words[i]
                .iter()
                .filter(|(_, key)| carried[&(r, number[key.as_str()])] > 1)
                .map(|(surface, _)| surface.clone())
                .collect();
            let next = ids.len() as u32;
            let id = *ids.entry(r).or_insert(next);
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
fn content(a: &crate::content::Achievement, lang: crate::analysis::Lang) -> Vec<(String, String)> {
    let mut text = a.text.clone();
    for extra in a.short.iter().chain(&a.tags) {
        text.push_str(". ");
        text.push_str(&extra.replace('-', " "));
    }
    let mut out: Vec<(String, String)> = crate::lexicon::analyse_content(&text, lang)
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
